package it.ksanctions.devices.application;

import it.ksanctions.devices.domain.AnomalyKind;
import it.ksanctions.devices.infrastructure.AccessRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The log of the mobile API (DEV-4): refused attempts are written in their own transaction, so they
 * survive the refusal that follows, and raise an "unauthorised connection attempt" alert (one per
 * device, or per presented id, and day).
 */
@ApplicationScoped
public class DeviceAccessLog {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceAlerts alerts;

  Clock clock = Clock.systemUTC();

  @Transactional(TxType.REQUIRES_NEW)
  public void refused(
      String deviceCode, String presentedId, String username, String operation, String why) {
    Instant now = clock.instant();
    em.persist(
        new AccessRow(
            deviceCode, presentedId, username, now, operation, AccessRow.REFUSED, 0, 0, why));
    String subject = deviceCode != null ? deviceCode : "id " + presentedId;
    alerts.raise(
        "ACCESS:" + subject + ":" + now.atZone(ZoneId.of("Europe/Rome")).toLocalDate(),
        AnomalyKind.UNAUTHORISED_ACCESS,
        deviceCode,
        "Tentativo di connessione non autorizzata dall'app mobile ("
            + subject
            + ", utente "
            + (username == null ? "sconosciuto" : username)
            + ", operazione "
            + operation
            + "): "
            + why
            + ". Altri tentativi dello stesso giorno sono registrati nel dettaglio del"
            + " dispositivo.");
  }
}
