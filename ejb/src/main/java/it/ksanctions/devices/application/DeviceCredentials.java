package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceRule;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceSecrets;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.infrastructure.CredentialRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The credentials of the mobile devices, as the back office manages them (DEV-2, DEV-4). The rule:
 * only an active mobile device gets a one-time activation code, valid 24 hours, and a new code
 * voids the earlier unused ones; its credentials stop working as soon as they are revoked, by hand
 * with a reason or because the device leaves the active status, and the app must then be activated
 * again. Only a hash of a code or credential is kept. Each issue and revocation is written to the
 * device history and the audit log.
 */
@ApplicationScoped
@Transactional
public class DeviceCredentials {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceRecords records;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** A credential or activation code as the detail shows it (never the secret). */
  public record CredentialView(
      String kind, Instant issuedAt, String issuedBy, Instant expiresAt, String state) {}

  /**
   * A one-time activation code for a mobile device, valid 24 hours: the officer types it in the
   * app, which exchanges it for the device credential. Earlier unused codes stop working.
   */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public String issueActivationCode(String code) {
    DeviceRow row = records.require(code);
    if (row.category() != DeviceCategory.MOBILE || row.status() != DeviceStatus.ACTIVE) {
      throw new DeviceRuleException(DeviceRule.NOT_MOBILE, row.code());
    }
    Instant now = clock.instant();
    String author = currentStaff.requireActive().username();
    em
        .createQuery(
            "select c from CredentialRow c where c.deviceCode = :c and c.kind = :k and"
                + " c.revokedAt is null and c.usedAt is null",
            CredentialRow.class)
        .setParameter("c", row.code())
        .setParameter("k", CredentialRow.ACTIVATION)
        .getResultList()
        .stream()
        .forEach(c -> c.revoke(now, author));
    String activation = DeviceSecrets.newActivationCode();
    em.persist(
        new CredentialRow(
            row.code(),
            CredentialRow.ACTIVATION,
            DeviceSecrets.hash(activation),
            now,
            author,
            now.plus(Duration.ofHours(24))));
    Device device = row.toDomain();
    device.recordCredential(
        "Codice di attivazione emesso (valido 24 ore)", author, now, "Attivazione app");
    records.persistHistory(device);
    audit.record(DEVICES, "Codice di attivazione", AuditOperation.CHANGE, row.code());
    return activation;
  }

  /** Revokes every credential and activation code of a device: the app must be activated again. */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public int revoke(String code, String reason) {
    DeviceRow row = records.require(code);
    if (reason == null || reason.isBlank()) {
      throw new DeviceRuleException(DeviceRule.REASON_REQUIRED);
    }
    Instant now = clock.instant();
    int revoked = revokeAll(row.code(), now, reason);
    Device device = row.toDomain();
    device.recordCredential(
        "Revocate " + revoked + " credenziali",
        currentStaff.requireActive().username(),
        now,
        reason);
    records.persistHistory(device);
    audit.record(
        DEVICES, "Revoca credenziali", AuditOperation.CHANGE, row.code() + " — " + reason.strip());
    return revoked;
  }

  // ---- for the other services of this package, in their transaction

  /**
   * Revokes the usable credentials and activation codes of device {@code code}, by the signed-in
   * user or "sistema".
   *
   * @return how many were revoked
   */
  int revokeAll(String code, Instant now, String reason) {
    String by = currentStaff.username().orElse("sistema");
    List<CredentialRow> open =
        em
            .createQuery(
                "select c from CredentialRow c where c.deviceCode = :c and c.revokedAt is null",
                CredentialRow.class)
            .setParameter("c", code)
            .getResultList()
            .stream()
            .filter(c -> c.usable(now))
            .toList();
    open.forEach(c -> c.revoke(now, by));
    return open.size();
  }

  /** The latest 50 credentials and activation codes of device {@code code}, newest first. */
  List<CredentialView> of(String code) {
    Instant now = clock.instant();
    return em
        .createQuery(
            "select c from CredentialRow c where c.deviceCode = :c order by c.issuedAt desc",
            CredentialRow.class)
        .setParameter("c", code)
        .setMaxResults(50)
        .getResultList()
        .stream()
        .map(
            c ->
                new CredentialView(
                    CredentialRow.ACTIVATION.equals(c.kind())
                        ? "Codice di attivazione"
                        : "Credenziale",
                    c.issuedAt(),
                    c.issuedBy(),
                    c.expiresAt(),
                    state(c, now)))
        .toList();
  }

  private static String state(CredentialRow c, Instant now) {
    if (c.revokedAt() != null) {
      return "Revocata il "
          + c.revokedAt().atZone(DeviceRecords.ITALY).toLocalDate()
          + " da "
          + c.revokedBy();
    }
    if (CredentialRow.ACTIVATION.equals(c.kind()) && c.usedAt() != null) {
      return "Usato";
    }
    return now.isBefore(c.expiresAt()) ? "Valida" : "Scaduta";
  }
}
