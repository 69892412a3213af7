package it.ksanctions.notifications.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.notifications.domain.PostalAddress;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends an act to SEND (issue 15 items 2–3): the digital domicile looked up on INAD by codice
 * fiscale when the act has no PEC, the act's PDF uploaded with its SHA-256, and the notification
 * request with the act's number as protocol number, the attempt's stable idempotence token, the
 * recipient's PEC or postal address, the act's pagoPA notices and the command's notification fee.
 */
@ApplicationScoped
public class SendNotifyHandler implements OutboxHandler {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject IntegrationCredentials credentials;
  @Inject VerbaleLifecycle lifecycle;
  @Inject SendPlatform send;
  @Inject DigitalDomicileLookup inad;
  @Inject Notifications notifications;
  @Inject CurrentTenant tenant;

  Clock clock = Clock.systemUTC();

  @Override
  public String topic() {
    return OutboxTopics.NOTIFY_SEND;
  }

  @Override
  public String service() {
    return "SEND";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    long notificationId = Long.parseLong(message.payload());
    List<?> rows =
        em.createNativeQuery(
                "select status, idempotence_token, request_id from notification where id = ?1"
                    + " for update")
            .setParameter(1, notificationId)
            .getResultList();
    if (rows.isEmpty()) {
      throw DeliveryFailure.permanent("La notifica non esiste più.");
    }
    Object[] n = (Object[]) rows.get(0);
    if (n[2] != null) {
      return; // already requested
    }
    var act =
        lifecycle
            .act(message.verbaleId())
            .orElseThrow(() -> DeliveryFailure.permanent("Il verbale non esiste più."));
    var v = act.verbale();
    SendAccess access =
        credentials
            .sendForUse()
            .orElseThrow(
                () ->
                    DeliveryFailure.transientFailure(
                        "SEND non è configurato in Comando › Integrazioni.", null));
    String creditor =
        credentials
            .pagoPaCreditor()
            .map(IntegrationCredentials.PagoPaCreditor::creditorTaxCode)
            .orElseThrow(() -> DeliveryFailure.transientFailure("pagoPA non è configurato.", null));
    PostalAddress address;
    try {
      address = PostalAddress.parse(v.ownerAddress());
    } catch (IllegalArgumentException e) {
      throw DeliveryFailure.permanent(e.getMessage());
    }
    String pec = v.ownerPec();
    String domicileNote = pec == null ? null : "PEC indicata nel verbale";
    if ((pec == null || pec.isBlank()) && v.ownerTaxCode() != null) {
      // persons on INAD, companies and professionals on INI-PEC
      String register = act.company() ? "INI-PEC" : "INAD";
      Optional<String> found =
          act.company()
              ? inad.companyPecOf(access, v.ownerTaxCode())
              : inad.pecOf(access, v.ownerTaxCode());
      pec = found.orElse(null);
      domicileNote =
          found.isPresent()
              ? "Domicilio digitale trovato su " + register
              : "Nessun domicilio digitale su " + register;
    }
    byte[] pdf =
        lifecycle
            .pdf(v.id())
            .orElseThrow(() -> DeliveryFailure.permanent("Il PDF del verbale non è disponibile."));
    long fee =
        v.fees().stream()
            .filter(f -> "NOTIFICATION".equals(f.category()))
            .map(f -> f.amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .movePointRight(2)
            .longValueExact();
    List<String> notices =
        v.windows().stream().map(WindowView::noticeCode).filter(c -> c != null).toList();
    String requestId =
        send.send(
            access,
            new SendPlatform.Request(
                v.number(),
                (String) n[1],
                "Verbale n. " + v.number() + " - violazione art. " + v.articleCode() + " CdS",
                act.company(),
                v.ownerTaxCode(),
                v.ownerName(),
                pec,
                address,
                notices,
                creditor,
                fee,
                tenant.require().displayName(),
                creditor,
                pdf,
                "Verbale n. " + v.number()));
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "update notification set status = 'REQUESTED', request_id = ?2, digital_domicile = ?3,"
                + " updated_at = ?4 where id = ?1")
        .setParameter(1, notificationId)
        .setParameter(2, requestId)
        .setParameter(3, pec)
        .setParameter(4, now)
        .executeUpdate();
    notifications.event(
        notificationId,
        now,
        NotificationStatus.REQUESTED,
        null,
        "Richiesta a SEND " + requestId + (domicileNote == null ? "" : " - " + domicileNote),
        null);
  }
}
