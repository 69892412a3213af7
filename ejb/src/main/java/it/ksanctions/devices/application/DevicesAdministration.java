package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.devices.domain.CalibrationCertificate;
import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceAnomaly;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceHistoryEntry;
import it.ksanctions.devices.domain.DeviceMonitor;
import it.ksanctions.devices.domain.DeviceRule;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceSecrets;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.DownloadOutcome;
import it.ksanctions.devices.infrastructure.AccessRow;
import it.ksanctions.devices.infrastructure.CertificateRow;
import it.ksanctions.devices.infrastructure.CredentialRow;
import it.ksanctions.devices.infrastructure.DeviceHistoryRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.devices.infrastructure.DownloadRow;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.places.application.PlacesAdministration;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maintenance and monitoring of the current tenant's devices (SPEC DEV-1..10). Configuration,
 * status changes, certificates and credentials need {@code DEVICES / MANAGE_CONFIGURATION}, held by
 * the System administrator and the Technical manager only (DEV-9); every change is written to the
 * device history and the audit log.
 */
@ApplicationScoped
@Transactional
public class DevicesAdministration {

  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;
  @Inject PlacesAdministration places;
  @Inject CommandSettings settings;
  @Inject DeviceAlerts alerts;

  Clock clock = Clock.systemUTC();

  /** Search filters; null or blank ones do not filter. */
  public record Filter(String text, DeviceCategory category, DeviceStatus status) {
    public static Filter all() {
      return new Filter(null, null, null);
    }
  }

  /** A device as lists and monitoring show it. */
  public record DeviceView(
      String code,
      DeviceStatus status,
      DeviceData data,
      Instant lastContact,
      LocalDate certificateValidUntil,
      long detectionsInPeriod,
      List<DeviceAnomaly> anomalies) {

    public String anomaliesText() {
      return anomalies.stream().map(DeviceAnomaly::text).collect(Collectors.joining("; "));
    }
  }

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
      String registeredBy) {}

  /** A credential or activation code as the detail shows it (never the secret). */
  public record CredentialView(
      String kind, Instant issuedAt, String issuedBy, Instant expiresAt, String state) {}

  /** A sync session or refused attempt. */
  public record AccessView(
      Instant at,
      String username,
      String operation,
      String outcome,
      int records,
      long bytes,
      String anomalies) {}

  /** Everything the detail page shows of one device. */
  public record DeviceDetail(
      DeviceView device,
      Instant registeredAt,
      List<DeviceHistoryEntry> history,
      List<CertificateView> certificates,
      List<DownloadView> downloads,
      List<CredentialView> credentials,
      List<AccessView> accesses) {}

  @Authorized(module = DEVICES, action = ACCESS)
  public List<DeviceView> search(Filter filter) {
    String text =
        filter.text() == null || filter.text().isBlank()
            ? null
            : filter.text().strip().toLowerCase(Locale.ITALIAN);
    return views(
            em.createQuery("select d from DeviceRow d order by d.code", DeviceRow.class)
                .getResultList())
        .stream()
        .filter(d -> filter.category() == null || d.data().category() == filter.category())
        .filter(d -> filter.status() == null || d.status() == filter.status())
        .filter(d -> text == null || matches(d, text))
        .toList();
  }

  /** The monitoring view (DEV-6): every device with anomalies first. */
  @Authorized(module = DEVICES, action = ACCESS)
  public List<DeviceView> monitoring() {
    return views(em.createQuery("select d from DeviceRow d", DeviceRow.class).getResultList())
        .stream()
        .sorted(
            Comparator.comparing((DeviceView d) -> d.anomalies().isEmpty())
                .thenComparing(DeviceView::code))
        .toList();
  }

  @Authorized(module = DEVICES, action = ACCESS)
  public DeviceDetail detail(String code) {
    DeviceRow row = require(code);
    List<DeviceHistoryEntry> history =
        em
            .createQuery(
                "select h from DeviceHistoryRow h where h.deviceCode = :c order by h.at, h.id",
                DeviceHistoryRow.class)
            .setParameter("c", row.code())
            .getResultList()
            .stream()
            .map(DeviceHistoryRow::toDomain)
            .toList();
    List<CertificateView> certificates =
        certificateRows(row.code()).stream()
            .map(c -> new CertificateView(c.id(), c.toDomain(), c.uploadedAt(), c.uploadedBy()))
            .toList();
    List<DownloadView> downloads =
        em
            .createQuery(
                "select d from DownloadRow d where d.deviceCode = :c order by d.downloadedAt desc",
                DownloadRow.class)
            .setParameter("c", row.code())
            .setMaxResults(200)
            .getResultList()
            .stream()
            .map(
                d ->
                    new DownloadView(
                        d.id(),
                        d.downloadedAt(),
                        d.operator(),
                        d.outcome(),
                        d.notes(),
                        d.fileName(),
                        d.fileSha256(),
                        d.registeredBy()))
            .toList();
    Instant now = clock.instant();
    List<CredentialView> credentials =
        em
            .createQuery(
                "select c from CredentialRow c where c.deviceCode = :c order by c.issuedAt desc",
                CredentialRow.class)
            .setParameter("c", row.code())
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
                        credentialState(c, now)))
            .toList();
    List<AccessView> accesses =
        em
            .createQuery(
                "select a from AccessRow a where a.deviceCode = :c order by a.at desc",
                AccessRow.class)
            .setParameter("c", row.code())
            .setMaxResults(100)
            .getResultList()
            .stream()
            .map(
                a ->
                    new AccessView(
                        a.at(),
                        a.username(),
                        a.operation(),
                        a.outcome(),
                        a.records(),
                        a.bytes(),
                        a.anomalies()))
            .toList();
    return new DeviceDetail(
        views(List.of(row)).get(0),
        row.createdAt(),
        history,
        certificates,
        downloads,
        credentials,
        accesses);
  }

  /**
   * Registers a device; a fixed device may come with its first calibration certificate. A device
   * that measures speed without a current certificate starts in maintenance.
   */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public DeviceView register(String code, DeviceData data, NewCertificate certificate) {
    String author = currentStaff.requireActive().username();
    Instant now = clock.instant();
    String normalised = Device.normaliseCode(code);
    if (em.find(DeviceRow.class, normalised) != null) {
      throw new DeviceRuleException(DeviceRule.CODE_TAKEN, normalised);
    }
    DeviceData valid = data == null ? null : data.validated();
    if (valid == null) {
      throw new DeviceRuleException(DeviceRule.CATEGORY_REQUIRED);
    }
    checkReferences(normalised, valid);
    CalibrationCertificate checked = certificate == null ? null : check(certificate, valid);
    boolean current = checked != null && checked.covers(today());
    Device device = Device.register(normalised, valid, current, author, now);
    DeviceRow row = DeviceRow.of(device, now);
    em.persist(row);
    em.flush();
    if (checked != null) {
      device.recordCertificate(checked, author, now);
      em.persist(CertificateRow.of(normalised, checked, certificate.pdf(), now, author));
    }
    persistHistory(device);
    audit.record(
        DEVICES,
        "Registrazione dispositivo",
        AuditOperation.CHANGE,
        normalised + " " + valid.category().name());
    return views(List.of(row)).get(0);
  }

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public DeviceView change(String code, DeviceData data, String reason) {
    DeviceRow row = require(code);
    Device device = row.toDomain();
    DeviceData valid = data.validated();
    checkReferences(row.code(), valid);
    Instant now = clock.instant();
    device.change(valid, currentStaff.requireActive().username(), now, reason);
    row.update(device, now);
    persistHistory(device);
    audit.record(DEVICES, "Modifica dispositivo", AuditOperation.CHANGE, row.code());
    return views(List.of(row)).get(0);
  }

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public DeviceView changeStatus(String code, DeviceStatus target, String reason) {
    DeviceRow row = require(code);
    Device device = row.toDomain();
    Instant now = clock.instant();
    device.changeStatus(
        target,
        calibrationCurrent(row.code()),
        currentStaff.requireActive().username(),
        now,
        reason);
    row.update(device, now);
    if (target != DeviceStatus.ACTIVE && device.data().isMobile()) {
      revokeAll(row.code(), now, "cambio di stato: " + target.italianLabel());
    }
    persistHistory(device);
    audit.record(
        DEVICES,
        "Stato dispositivo",
        AuditOperation.CHANGE,
        row.code() + " → " + target.name() + " — " + reason.strip());
    return views(List.of(row)).get(0);
  }

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public CertificateView addCertificate(String code, NewCertificate certificate) {
    DeviceRow row = require(code);
    Device device = row.toDomain();
    CalibrationCertificate checked = check(certificate, device.data());
    String author = currentStaff.requireActive().username();
    Instant now = clock.instant();
    device.recordCertificate(checked, author, now);
    CertificateRow stored = CertificateRow.of(row.code(), checked, certificate.pdf(), now, author);
    em.persist(stored);
    em.flush();
    persistHistory(device);
    audit.record(
        DEVICES,
        "Certificato di taratura",
        AuditOperation.CHANGE,
        row.code() + " n. " + checked.number() + " fino al " + checked.validUntil());
    return new CertificateView(stored.id(), checked, now, author);
  }

  /** The PDF of a certificate, for download: file name and content. */
  @Authorized(module = DEVICES, action = ACCESS)
  public Map.Entry<String, byte[]> certificateFile(long id) {
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

  /**
   * Registers a data download of a fixed device (DEV-5): the operator is mandatory, the time not in
   * the future; a device that measures speed must have had a valid calibration on the day of the
   * download. A download with errors raises an import anomaly alert.
   */
  @Authorized(module = DEVICES, action = CREATE)
  public DownloadView registerDownload(String code, NewDownload download) {
    DeviceRow row = require(code);
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
    LocalDate day = download.downloadedAt().atZone(ITALY).toLocalDate();
    if (data.calibrationRequired()
        && certificateRows(row.code()).stream().noneMatch(c -> c.toDomain().covers(day))) {
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
          it.ksanctions.devices.domain.AnomalyKind.READ_ERROR,
          row.code(),
          "Scarico dati con errori dal dispositivo "
              + row.code()
              + " ("
              + download.downloadedAt().atZone(ITALY).toLocalDate()
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
    return new DownloadView(
        stored.id(),
        stored.downloadedAt(),
        stored.operator(),
        stored.outcome(),
        stored.notes(),
        stored.fileName(),
        stored.fileSha256(),
        stored.registeredBy());
  }

  /**
   * Deletes a device registered by mistake. A device linked to downloads, sync sessions,
   * credentials, pre-notices or verbali is never deleted (DEV-8): it can only be decommissioned.
   */
  @Authorized(module = DEVICES, action = DELETE_LOGICAL)
  public void delete(String code) {
    DeviceRow row = require(code);
    currentStaff.require(DEVICES, MANAGE_CONFIGURATION);
    long links =
        count("select count(d) from DownloadRow d where d.deviceCode = :c", row.code())
            + count("select count(a) from AccessRow a where a.deviceCode = :c", row.code())
            + count("select count(c) from CredentialRow c where c.deviceCode = :c", row.code());
    if (links > 0) {
      throw new DeviceRuleException(
          DeviceRule.IN_USE, row.code() + " (" + links + " collegamenti)");
    }
    em.createQuery("delete from DeviceHistoryRow h where h.deviceCode = :c")
        .setParameter("c", row.code())
        .executeUpdate();
    em.createQuery("delete from CertificateRow c where c.deviceCode = :c")
        .setParameter("c", row.code())
        .executeUpdate();
    em.createQuery("delete from AlertRow a where a.deviceCode = :c")
        .setParameter("c", row.code())
        .executeUpdate();
    em.remove(row);
    audit.record(DEVICES, "Eliminazione dispositivo", AuditOperation.DELETE, row.code());
  }

  /**
   * A one-time activation code for a mobile device, valid 24 hours: the officer types it in the
   * app, which exchanges it for the device credential. Earlier unused codes stop working.
   */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public String issueActivationCode(String code) {
    DeviceRow row = require(code);
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
    persistHistory(device);
    audit.record(DEVICES, "Codice di attivazione", AuditOperation.CHANGE, row.code());
    return activation;
  }

  /** Revokes every credential and activation code of a device: the app must be activated again. */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public int revokeCredentials(String code, String reason) {
    DeviceRow row = require(code);
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
    persistHistory(device);
    audit.record(
        DEVICES, "Revoca credenziali", AuditOperation.CHANGE, row.code() + " — " + reason.strip());
    return revoked;
  }

  @Authorized(module = DEVICES, action = ACCESS)
  public AlertSettings alertSettings() {
    return alerts.thresholds();
  }

  /**
   * Changes the alert thresholds (DEV-7); recipients are extra e-mail addresses, comma separated.
   */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public AlertSettings changeAlertSettings(
      String leadDays, int syncMaxDays, int credentialDays, String recipients) {
    AlertSettings changed;
    try {
      changed = new AlertSettings(AlertSettings.leadDays(leadDays), syncMaxDays, credentialDays);
    } catch (IllegalArgumentException e) {
      throw new AdministrationException(e.getMessage(), e.getMessage() + ".");
    }
    List<String> addresses = DeviceAlerts.addresses(recipients);
    settings.put(AlertSettings.LEAD_DAYS_KEY, changed.leadDaysText());
    settings.put(AlertSettings.SYNC_DAYS_KEY, String.valueOf(changed.syncMaxDays()));
    settings.put(AlertSettings.CREDENTIAL_DAYS_KEY, String.valueOf(changed.credentialDays()));
    settings.put(AlertSettings.RECIPIENTS_KEY, String.join(", ", addresses));
    audit.record(
        DEVICES,
        "Impostazioni avvisi",
        AuditOperation.CHANGE,
        "taratura "
            + changed.leadDaysText()
            + "; sincronizzazione "
            + changed.syncMaxDays()
            + " giorni; credenziali "
            + changed.credentialDays()
            + " giorni; destinatari "
            + addresses.size());
    return changed;
  }

  @Authorized(module = DEVICES, action = ACCESS)
  public String alertRecipients() {
    return settings.get(AlertSettings.RECIPIENTS_KEY).orElse("");
  }

  // ---- internals, shared with the alerts and the mobile gateway of this package

  List<DeviceView> views(List<DeviceRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> codes = rows.stream().map(DeviceRow::code).toList();
    Map<String, LocalDate> validUntil = alerts.latestValidity(codes);
    Map<String, DownloadRow> lastDownloads =
        em
            .createQuery(
                "select d from DownloadRow d where d.deviceCode in :codes and d.downloadedAt ="
                    + " (select max(e.downloadedAt) from DownloadRow e where e.deviceCode ="
                    + " d.deviceCode)",
                DownloadRow.class)
            .setParameter("codes", codes)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(DownloadRow::deviceCode, Function.identity(), (a, b) -> a));
    Instant now = clock.instant();
    Map<String, Long> refused =
        em
            .createQuery(
                "select a.deviceCode, count(a) from AccessRow a where a.deviceCode in :codes and"
                    + " a.outcome = :refused and a.at > :since group by a.deviceCode",
                Object[].class)
            .setParameter("codes", codes)
            .setParameter("refused", AccessRow.REFUSED)
            .setParameter("since", now.minus(Duration.ofDays(1)))
            .getResultList()
            .stream()
            .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    Instant periodStart = now.minus(Duration.ofDays(30));
    Map<String, Long> syncs =
        em
            .createQuery(
                "select a.deviceCode, sum(a.records) from AccessRow a where a.deviceCode in :codes"
                    + " and a.outcome = :ok and a.operation = 'UPLOAD' and a.at > :since group by"
                    + " a.deviceCode",
                Object[].class)
            .setParameter("codes", codes)
            .setParameter("ok", AccessRow.OK)
            .setParameter("since", periodStart)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    AlertSettings alertSettings = alerts.thresholds();
    return rows.stream()
        .map(
            row -> {
              DeviceData data = row.data();
              DownloadRow last = lastDownloads.get(row.code());
              boolean placeActive = data.isMobile() || places.isActivePlace(data.placeCode());
              List<DeviceAnomaly> anomalies =
                  DeviceMonitor.anomalies(
                      new DeviceMonitor.Snapshot(
                          row.status(),
                          data,
                          row.createdAt(),
                          row.lastSyncAt(),
                          validUntil.get(row.code()),
                          placeActive,
                          last == null ? null : last.downloadedAt(),
                          last == null ? null : last.outcome(),
                          refused.getOrDefault(row.code(), 0L).intValue()),
                      now,
                      alertSettings);
              Instant lastContact =
                  data.isMobile() ? row.lastSyncAt() : last == null ? null : last.downloadedAt();
              return new DeviceView(
                  row.code(),
                  row.status(),
                  data,
                  lastContact,
                  validUntil.get(row.code()),
                  syncs.getOrDefault(row.code(), 0L),
                  anomalies);
            })
        .toList();
  }

  private boolean calibrationCurrent(String code) {
    LocalDate today = today();
    return certificateRows(code).stream().anyMatch(c -> c.toDomain().covers(today));
  }

  private List<CertificateRow> certificateRows(String code) {
    return em.createQuery(
            "select c from CertificateRow c where c.deviceCode = :c order by c.validUntil desc",
            CertificateRow.class)
        .setParameter("c", code)
        .getResultList();
  }

  private CalibrationCertificate check(NewCertificate c, DeviceData data) {
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

  private void checkReferences(String code, DeviceData data) {
    if (data.isMobile()) {
      Long taken =
          em.createQuery(
                  "select count(d) from DeviceRow d where d.identifier = :id and d.code <> :code",
                  Long.class)
              .setParameter("id", data.identifier())
              .setParameter("code", code)
              .getSingleResult();
      if (taken > 0) {
        throw new DeviceRuleException(DeviceRule.IDENTIFIER_TAKEN, data.identifier());
      }
    } else if (!places.isActivePlace(data.placeCode())) {
      throw new DeviceRuleException(DeviceRule.PLACE_NOT_VALID, data.placeCode());
    }
  }

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

  private void persistHistory(Device device) {
    device.newEntries().forEach(e -> em.persist(DeviceHistoryRow.of(device.code(), e)));
  }

  private long count(String jpql, String code) {
    return em.createQuery(jpql, Long.class).setParameter("c", code).getSingleResult();
  }

  private DeviceRow require(String code) {
    String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    return Optional.ofNullable(em.find(DeviceRow.class, normalised))
        .orElseThrow(
            () ->
                new AdministrationException(
                    "No device " + normalised, "Dispositivo " + normalised + " non trovato."));
  }

  private static String credentialState(CredentialRow c, Instant now) {
    if (c.revokedAt() != null) {
      return "Revocata il " + c.revokedAt().atZone(ITALY).toLocalDate() + " da " + c.revokedBy();
    }
    if (CredentialRow.ACTIVATION.equals(c.kind()) && c.usedAt() != null) {
      return "Usato";
    }
    return now.isBefore(c.expiresAt()) ? "Valida" : "Scaduta";
  }

  private static boolean matches(DeviceView d, String text) {
    DeviceData data = d.data();
    return d.code().toLowerCase(Locale.ROOT).contains(text)
        || contains(data.description(), text)
        || contains(data.identifier(), text)
        || contains(data.model(), text)
        || contains(data.assignedOfficer(), text)
        || contains(data.placeCode(), text)
        || contains(data.manufacturer(), text)
        || contains(data.technicalManager(), text);
  }

  private static boolean contains(String value, String text) {
    return value != null && value.toLowerCase(Locale.ITALIAN).contains(text);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  LocalDate today() {
    return clock.instant().atZone(ITALY).toLocalDate();
  }
}
