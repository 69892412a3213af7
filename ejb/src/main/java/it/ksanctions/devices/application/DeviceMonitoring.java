package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.application.CalibrationCertificates.CertificateView;
import it.ksanctions.devices.application.DeviceCredentials.CredentialView;
import it.ksanctions.devices.application.DeviceDownloads.DownloadView;
import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.devices.domain.DeviceAnomaly;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceHistoryEntry;
import it.ksanctions.devices.domain.DeviceMonitor;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.infrastructure.AccessRow;
import it.ksanctions.devices.infrastructure.DeviceHistoryRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.devices.infrastructure.DownloadRow;
import it.ksanctions.permissions.application.Authorized;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the command sees of its devices (DEV-1, DEV-6): the searchable list, the monitoring board
 * and the detail with every history. The rule: a device is always shown with the anomalies the
 * domain's {@link DeviceMonitor} finds on the current alert thresholds (calibration, last contact,
 * last download, place, refused accesses), computed for any number of devices with a fixed number
 * of queries. Read-only; needs {@code DEVICES / ACCESS}.
 */
@ApplicationScoped
@Transactional
public class DeviceMonitoring {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceRecords records;
  @Inject PlacesAdministration places;
  @Inject CalibrationCertificates certificates;
  @Inject DeviceDownloads downloads;
  @Inject DeviceCredentials credentials;
  @Inject DeviceAlertSettings alertSettings;
  @Inject DeviceUsage usage;

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
  public List<DeviceView> overview() {
    return views(em.createQuery("select d from DeviceRow d", DeviceRow.class).getResultList())
        .stream()
        .sorted(
            Comparator.comparing((DeviceView d) -> d.anomalies().isEmpty())
                .thenComparing(DeviceView::code))
        .toList();
  }

  /**
   * The monitoring view (DEV-6) with the violations of each device (pre-notices and detections, not
   * archived) from {@code from} to {@code to} included, at most one year: every device, anomalies
   * first.
   */
  @Authorized(module = DEVICES, action = ACCESS)
  public List<DeviceView> overview(LocalDate from, LocalDate to) {
    PlacesAdministration.requirePeriod(from, to);
    Map<String, Long> violations = usage.violationsByDevice(from, to);
    return overview().stream()
        .map(
            d ->
                new DeviceView(
                    d.code(),
                    d.status(),
                    d.data(),
                    d.lastContact(),
                    d.certificateValidUntil(),
                    violations.getOrDefault(d.code(), 0L),
                    d.anomalies()))
        .toList();
  }

  @Authorized(module = DEVICES, action = ACCESS)
  public DeviceDetail detail(String code) {
    DeviceRow row = records.require(code);
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
    List<CertificateView> certificateViews = certificates.of(row.code());
    List<DownloadView> downloadViews = downloads.of(row.code());
    List<CredentialView> credentialViews = credentials.of(row.code());
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
        certificateViews,
        downloadViews,
        credentialViews,
        accesses);
  }

  // ---- for the other services of this package, in their transaction

  /**
   * The views of {@code rows}, in the same order, with their anomalies: a fixed number of queries.
   */
  List<DeviceView> views(List<DeviceRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> codes = rows.stream().map(DeviceRow::code).toList();
    Map<String, LocalDate> validUntil = certificates.latestValidity(codes);
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
    AlertSettings thresholds = alertSettings.thresholds();
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
                      thresholds);
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
}
