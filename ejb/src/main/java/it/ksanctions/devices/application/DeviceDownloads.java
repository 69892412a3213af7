package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.domain.AnomalyKind;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceRule;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceSecrets;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.DownloadOutcome;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.devices.infrastructure.DownloadRow;
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
import java.time.LocalDate;
import java.util.List;

/**
 * The data downloads of the fixed devices (DEV-5). The rule: every download of a fixed device that
 * is not decommissioned names its responsible operator, happened (not in the future) and has an
 * outcome; a device that measures speed must have had a valid calibration on the day of the
 * download. A download with errors raises an import anomaly alert. Registering one needs {@code
 * DEVICES / CREATE} and is written to the audit log; the file itself is kept only as its SHA-256.
 */
@ApplicationScoped
@Transactional
public class DeviceDownloads {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceRecords records;
  @Inject CalibrationCertificates certificates;
  @Inject DeviceAlerts alerts;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** A data download of a fixed device to register (DEV-5). */
  public record NewDownload(
      Instant downloadedAt,
      String operator,
      DownloadOutcome outcome,
      String notes,
      String fileName,
      byte[] file) {}

  /** A registered download. */
  public record DownloadView(
      long id,
      Instant downloadedAt,
      String operator,
      DownloadOutcome outcome,
      String notes,
      String fileName,
      String sha256,
      String registeredBy) {

    static DownloadView of(DownloadRow d) {
      return new DownloadView(
          d.id(),
          d.downloadedAt(),
          d.operator(),
          d.outcome(),
          d.notes(),
          d.fileName(),
          d.fileSha256(),
          d.registeredBy());
    }
  }

  /**
   * Registers a data download of a fixed device (DEV-5): the operator is mandatory, the time not in
   * the future; a device that measures speed must have had a valid calibration on the day of the
   * download. A download with errors raises an import anomaly alert.
   */
  @Authorized(module = DEVICES, action = CREATE)
  public DownloadView register(String code, NewDownload download) {
    DeviceRow row = records.require(code);
    DeviceData data = row.data();
    if (data.isMobile()) {
      throw new DeviceRuleException(DeviceRule.DOWNLOAD_FIXED_ONLY, row.code());
    }
    if (row.status() == DeviceStatus.DECOMMISSIONED) {
      throw new DeviceRuleException(DeviceRule.DECOMMISSIONED, row.code());
    }
    if (download.operator() == null || download.operator().isBlank()) {
      throw new DeviceRuleException(DeviceRule.DOWNLOAD_OPERATOR_REQUIRED);
    }
    Instant now = clock.instant();
    if (download.downloadedAt() == null
        || download.outcome() == null
        || download.downloadedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw new DeviceRuleException(DeviceRule.DOWNLOAD_DATA_REQUIRED);
    }
    LocalDate day = download.downloadedAt().atZone(DeviceRecords.ITALY).toLocalDate();
    if (data.calibrationRequired() && !certificates.covers(row.code(), day)) {
      throw new DeviceRuleException(DeviceRule.CALIBRATION_NOT_CURRENT, row.code() + " il " + day);
    }
    String fileName = blankToNull(download.fileName());
    byte[] file = download.file();
    DownloadRow stored =
        new DownloadRow(
            row.code(),
            download.downloadedAt(),
            download.operator().strip(),
            download.outcome(),
            blankToNull(download.notes()),
            fileName,
            file == null || file.length == 0 ? null : DeviceSecrets.sha256(file),
            now,
            currentStaff.requireActive().username());
    em.persist(stored);
    em.flush();
    if (download.outcome() == DownloadOutcome.WITH_ERRORS) {
      alerts.raise(
          "DOWNLOAD:" + stored.id(),
          AnomalyKind.READ_ERROR,
          row.code(),
          "Scarico dati con errori dal dispositivo "
              + row.code()
              + " ("
              + download.downloadedAt().atZone(DeviceRecords.ITALY).toLocalDate()
              + ", operatore "
              + stored.operator()
              + ")"
              + (stored.notes() == null ? "" : ": " + stored.notes()));
    }
    audit.record(
        DEVICES,
        "Registrazione scarico dati",
        AuditOperation.CHANGE,
        row.code() + " " + download.outcome().name() + (fileName == null ? "" : " " + fileName));
    return DownloadView.of(stored);
  }

  /**
   * Records the import of a device's file by another context (the Sanctions context's camera
   * imports, whose start was authorised): the download history links the file (by SHA-256) to the
   * device with the import's outcome; an import with errors raises the import anomaly alert as a
   * download with errors does. In the caller's transaction.
   */
  public void recordImport(
      String code,
      Instant downloadedAt,
      String operator,
      DownloadOutcome outcome,
      String notes,
      String fileName,
      String sha256,
      String registeredBy) {
    DownloadRow stored =
        new DownloadRow(
            code,
            downloadedAt,
            operator,
            outcome,
            blankToNull(notes),
            fileName,
            sha256,
            clock.instant(),
            registeredBy);
    em.persist(stored);
    em.flush();
    if (outcome == DownloadOutcome.WITH_ERRORS) {
      alerts.raise(
          "DOWNLOAD:" + stored.id(),
          AnomalyKind.READ_ERROR,
          code,
          "Importazione con errori del file "
              + fileName
              + " del dispositivo "
              + code
              + (notes == null ? "" : ": " + notes));
    }
  }

  // ---- for the other services of this package, in their transaction

  /** The latest 200 downloads of device {@code code}, newest first. */
  List<DownloadView> of(String code) {
    return em
        .createQuery(
            "select d from DownloadRow d where d.deviceCode = :c order by d.downloadedAt desc",
            DownloadRow.class)
        .setParameter("c", code)
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(DownloadView::of)
        .toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
