package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.devices.domain.AnomalyKind;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.infrastructure.AlertRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffDirectory;
import it.ksanctions.permissions.domain.PredefinedRole;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The alerts of the Devices module (DEV-7, DEV-10, PLT-4) for the current tenant: calibration
 * certificates approaching their end (once per configured lead time) or expired, mobile devices not
 * synchronised for more than N days, import anomalies and unauthorised access attempts.
 *
 * <p>Each alert has a dedupe key (e.g. device, certificate and threshold), so it is raised once
 * however often the check runs, on however many nodes. Alerts appear in the in-app list and are
 * e-mailed to the command's administrators and technical managers (and to the extra recipients of
 * the settings); an e-mail that fails is retried by the next run, at most five times.
 */
@ApplicationScoped
@Transactional
public class DeviceAlerts {

  private static final Logger LOG = Logger.getLogger(DeviceAlerts.class);
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
  static final int MAX_EMAIL_ATTEMPTS = 5;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceAlertSettings alertSettings;
  @Inject CalibrationCertificates certificates;
  @Inject StaffDirectory staff;
  @Inject AlertMailer mailer;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** An alert as the list shows it. */
  public record AlertView(
      long id,
      AnomalyKind kind,
      String deviceCode,
      String message,
      Instant raisedAt,
      Instant emailedAt,
      Instant acknowledgedAt,
      String acknowledgedBy) {}

  /**
   * Raises an alert unless one with the same key exists.
   *
   * @return whether the alert is new
   */
  public boolean raise(String dedupeKey, AnomalyKind kind, String deviceCode, String message) {
    int inserted =
        em.createNativeQuery(
                "insert into device_alert (dedupe_key, kind, device_code, message, raised_at)"
                    + " values (?1, ?2, ?3, ?4, ?5) on conflict (dedupe_key) do nothing")
            .setParameter(1, dedupeKey)
            .setParameter(2, kind.name())
            .setParameter(3, deviceCode)
            .setParameter(4, message)
            .setParameter(5, clock.instant())
            .executeUpdate();
    if (inserted > 0) {
      LOG.infof("Device alert %s: %s", dedupeKey, message);
    }
    return inserted > 0;
  }

  /**
   * Checks every device of the current tenant on {@code now} and raises the alerts due.
   *
   * @return how many new alerts were raised
   */
  public int check(Instant now) {
    AlertSettings thresholds = alertSettings.thresholds();
    LocalDate today = now.atZone(ITALY).toLocalDate();
    int raised = 0;
    List<DeviceRow> devices =
        em.createQuery("select d from DeviceRow d where d.status <> :gone", DeviceRow.class)
            .setParameter("gone", DeviceStatus.DECOMMISSIONED)
            .getResultList();
    Map<String, LocalDate> validity =
        certificates.latestValidity(devices.stream().map(DeviceRow::code).toList());
    for (DeviceRow device : devices) {
      DeviceData data = device.data();
      if (data.calibrationRequired()) {
        LocalDate validUntil = validity.get(device.code());
        if (validUntil == null) {
          raised +=
              raise(
                      "CALIBRATION:" + device.code() + ":MISSING",
                      AnomalyKind.CALIBRATION_MISSING,
                      device.code(),
                      "Il dispositivo "
                          + device.code()
                          + " ("
                          + data.type().italianLabel()
                          + ", luogo "
                          + data.placeCode()
                          + ") non ha un certificato di taratura registrato.")
                  ? 1
                  : 0;
        } else {
          OptionalInt threshold = thresholds.calibrationThreshold(validUntil, today);
          if (threshold.isPresent()) {
            boolean expired = threshold.getAsInt() < 0;
            long left = java.time.temporal.ChronoUnit.DAYS.between(today, validUntil);
            raised +=
                raise(
                        "CALIBRATION:"
                            + device.code()
                            + ":"
                            + validUntil
                            + ":"
                            + (expired ? "EXPIRED" : threshold.getAsInt()),
                        expired
                            ? AnomalyKind.CALIBRATION_EXPIRED
                            : AnomalyKind.CALIBRATION_EXPIRING,
                        device.code(),
                        expired
                            ? "La taratura del dispositivo "
                                + device.code()
                                + " ("
                                + data.type().italianLabel()
                                + ", luogo "
                                + data.placeCode()
                                + ") è scaduta il "
                                + DAY.format(validUntil)
                                + ": le rilevazioni successive non sono utilizzabili."
                            : "Il certificato di taratura del dispositivo "
                                + device.code()
                                + " ("
                                + data.type().italianLabel()
                                + ", luogo "
                                + data.placeCode()
                                + ") scade il "
                                + DAY.format(validUntil)
                                + (left == 0 ? " (oggi)." : " (tra " + left + " giorni)."))
                    ? 1
                    : 0;
          }
        }
      }
      if (data.isMobile() && device.status() == DeviceStatus.ACTIVE) {
        Instant reference = device.lastSyncAt() != null ? device.lastSyncAt() : device.createdAt();
        long days = Duration.between(reference, now).toDays();
        if (days >= thresholds.syncMaxDays()) {
          raised +=
              raise(
                      "SYNC:" + device.code() + ":" + reference,
                      AnomalyKind.NOT_SYNCHRONISED,
                      device.code(),
                      "Il dispositivo mobile "
                          + device.code()
                          + " ("
                          + data.model()
                          + (data.assignedOfficer() == null
                              ? ""
                              : ", agente " + data.assignedOfficer())
                          + ") "
                          + (device.lastSyncAt() == null
                              ? "non si è mai sincronizzato"
                              : "non si sincronizza dal "
                                  + DAY.format(device.lastSyncAt().atZone(ITALY).toLocalDate()))
                          + " (soglia "
                          + thresholds.syncMaxDays()
                          + " giorni).")
                  ? 1
                  : 0;
        }
      }
    }
    return raised;
  }

  /**
   * E-mails the alerts not sent yet to the command's recipients.
   *
   * @param commandName the command's name for the subject
   * @return how many alerts were e-mailed
   */
  public int deliverPending(String commandName) {
    List<AlertRow> pending =
        em.createQuery(
                "select a from AlertRow a where a.emailedAt is null and a.emailAttempts < :max"
                    + " order by a.raisedAt",
                AlertRow.class)
            .setParameter("max", MAX_EMAIL_ATTEMPTS)
            .setMaxResults(200)
            // two runs at once (the timer on one node, "run now" on another) never mail one
            // alert twice: each takes the alerts the other has not locked (skip locked)
            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", -2)
            .getResultList();
    if (pending.isEmpty()) {
      return 0;
    }
    List<String> to = recipients();
    if (to.isEmpty()) {
      LOG.warnf(
          "Tenant %s: %d device alerts but no recipient with an e-mail address",
          TenantContext.current().map(Object::toString).orElse("?"), pending.size());
      return 0;
    }
    int sent = 0;
    for (AlertRow alert : pending) {
      try {
        mailer.send(
            to,
            "[K-Sanctions] " + commandName + " — " + alert.kind().italianLabel(),
            alert.message()
                + "\n\nAvviso generato il "
                + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                    .format(alert.raisedAt().atZone(ITALY))
                + ". Consultare Dispositivi > Avvisi nel back office di K-Sanctions.\n");
        alert.emailed(clock.instant());
        sent++;
      } catch (AlertMailer.MailFailure e) {
        alert.emailFailed();
        LOG.warnf(
            "Alert %s not e-mailed (attempt %d): %s",
            alert.dedupeKey(), alert.emailAttempts(), e.getMessage());
      }
    }
    return sent;
  }

  /** Active administrators and technical managers with an e-mail, and the configured extras. */
  List<String> recipients() {
    Set<String> addresses = new LinkedHashSet<>();
    staff
        .emailsOfRoles(
            EnumSet.of(PredefinedRole.SYSTEM_ADMINISTRATOR, PredefinedRole.TECHNICAL_MANAGER))
        .stream()
        .filter(e -> EMAIL.matcher(e).matches())
        .forEach(addresses::add);
    addresses.addAll(alertSettings.extraRecipientAddresses());
    return new ArrayList<>(addresses);
  }

  @Authorized(module = DEVICES, action = ACCESS)
  public List<AlertView> list(boolean openOnly) {
    return em
        .createQuery(
            "select a from AlertRow a"
                + (openOnly ? " where a.acknowledgedAt is null" : "")
                + " order by a.raisedAt desc, a.id desc",
            AlertRow.class)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(
            a ->
                new AlertView(
                    a.id(),
                    a.kind(),
                    a.deviceCode(),
                    a.message(),
                    a.raisedAt(),
                    a.emailedAt(),
                    a.acknowledgedAt(),
                    a.acknowledgedBy()))
        .toList();
  }

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public void acknowledge(long id) {
    AlertRow alert = em.find(AlertRow.class, id);
    if (alert == null) {
      throw new AdministrationException("No alert " + id, "Avviso non trovato.");
    }
    alert.acknowledge(clock.instant(), currentStaff.requireActive().username());
  }
}
