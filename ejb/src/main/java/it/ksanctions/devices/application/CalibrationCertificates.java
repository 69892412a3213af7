package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.domain.CalibrationCertificate;
import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceRule;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceSecrets;
import it.ksanctions.devices.infrastructure.CertificateRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.permissions.application.AdministrationException;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calibration certificates of the fixed devices (DEV-3, DEV-5). The rule: a device that
 * measures speed may detect only on a day covered by one of its certificates, so it cannot be
 * activated without a current one and a download of a day no certificate covers is refused;
 * certificates belong to fixed devices only, come as a PDF whose hash is kept, and are added (never
 * changed) by whoever holds {@code DEVICES / MANAGE_CONFIGURATION}. Each addition is written to the
 * device history and the audit log, each download of a PDF to the audit log.
 */
@ApplicationScoped
@Transactional
public class CalibrationCertificates {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceRecords records;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** A new calibration certificate with its PDF. */
  public record NewCertificate(
      String number,
      String issuer,
      LocalDate calibratedOn,
      LocalDate validUntil,
      String fileName,
      byte[] pdf) {}

  /** A stored certificate as the detail shows it. */
  public record CertificateView(
      long id, CalibrationCertificate certificate, Instant uploadedAt, String uploadedBy) {}

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public CertificateView add(String code, NewCertificate certificate) {
    DeviceRow row = records.require(code);
    Device device = row.toDomain();
    CalibrationCertificate checked = checked(certificate, device.data());
    String author = currentStaff.requireActive().username();
    Instant now = clock.instant();
    device.recordCertificate(checked, author, now);
    CertificateRow stored = store(row.code(), checked, certificate.pdf(), now, author);
    em.flush();
    records.persistHistory(device);
    audit.record(
        DEVICES,
        "Certificato di taratura",
        AuditOperation.CHANGE,
        row.code() + " n. " + checked.number() + " fino al " + checked.validUntil());
    return new CertificateView(stored.id(), checked, now, author);
  }

  /** The PDF of a certificate, for download: file name and content. */
  @Authorized(module = DEVICES, action = ACCESS)
  public Map.Entry<String, byte[]> file(long id) {
    CertificateRow row = em.find(CertificateRow.class, id);
    if (row == null) {
      throw new AdministrationException(
          "No certificate " + id, "Certificato non trovato: aggiornare la pagina.");
    }
    audit.record(
        DEVICES,
        "Scarico certificato di taratura",
        AuditOperation.EXPORT,
        row.deviceCode() + " " + row.toDomain().fileName());
    return Map.entry(row.toDomain().fileName(), row.content());
  }

  // ---- for the other services of this package, in their transaction

  /** {@code c} checked for a device with {@code data}: fixed devices only, a PDF, valid dates. */
  CalibrationCertificate checked(NewCertificate c, DeviceData data) {
    if (data.isMobile()) {
      throw new DeviceRuleException(DeviceRule.CERTIFICATE_FIXED_ONLY);
    }
    CalibrationCertificate.check(
        c.number(), c.issuer(), c.calibratedOn(), c.validUntil(), c.pdf(), today());
    String name = c.fileName() == null || c.fileName().isBlank() ? "certificato.pdf" : c.fileName();
    name = name.replaceAll("[\\\\/]", "_").strip();
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    return new CalibrationCertificate(
        c.number().strip(),
        c.issuer().strip(),
        c.calibratedOn(),
        c.validUntil(),
        name,
        DeviceSecrets.sha256(c.pdf()));
  }

  /** Stores a checked certificate of device {@code code} with its PDF. */
  CertificateRow store(
      String code, CalibrationCertificate checked, byte[] pdf, Instant at, String author) {
    CertificateRow stored = CertificateRow.of(code, checked, pdf, at, author);
    em.persist(stored);
    return stored;
  }

  /** Whether a certificate of device {@code code} covers today. */
  boolean current(String code) {
    return covers(code, today());
  }

  /** Whether a certificate of device {@code code} covers {@code day}. */
  boolean covers(String code, LocalDate day) {
    return rows(code).stream().anyMatch(c -> c.toDomain().covers(day));
  }

  /** The certificates of device {@code code}, the latest-ending first. */
  List<CertificateView> of(String code) {
    return rows(code).stream()
        .map(c -> new CertificateView(c.id(), c.toDomain(), c.uploadedAt(), c.uploadedBy()))
        .toList();
  }

  /** The last day of the latest-ending calibration certificate of each device in {@code codes}. */
  Map<String, LocalDate> latestValidity(List<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "select c.deviceCode, max(c.validUntil) from CertificateRow c where c.deviceCode in"
                + " :codes group by c.deviceCode",
            Object[].class)
        .setParameter("codes", codes)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> (LocalDate) r[1]));
  }

  private List<CertificateRow> rows(String code) {
    return em.createQuery(
            "select c from CertificateRow c where c.deviceCode = :c order by c.validUntil desc",
            CertificateRow.class)
        .setParameter("c", code)
        .getResultList();
  }

  private LocalDate today() {
    return DeviceRecords.today(clock);
  }
}
