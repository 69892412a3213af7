package it.ksanctions.devices.application;

import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The speed-checking positions a command publishes to citizens (SPEC POR-5, the citizen portal's
 * speed-camera map). <strong>Public data only</strong>, read without a signed-in officer and
 * without authorisation checks: callers may show everything this service returns to anybody.
 *
 * <p>A device is public when it is a fixed device of a type that measures speed ({@link
 * #PUBLIC_TYPES}: speed cameras and average-speed sections, the types whose detections need a
 * calibration), its status is in service ({@link #PUBLIC_STATUSES}: active only — in maintenance,
 * disabled and decommissioned devices are never published) and its coded place is an active place
 * of the Places directory (a device whose place is missing or deactivated is not published: it
 * cannot be located).
 *
 * <p>What is published of such a device: code, description, type, manufacturer (make and model as
 * the register keeps them), the place's code, name, zone, coordinates and speed limit with its time
 * band, and its latest calibration certificate (number, issuer, calibration date, last day of
 * validity) with the PDF. Never published: the technical manager, download settings and output
 * format, credentials, history, anomalies, who uploaded a certificate, other devices.
 */
@ApplicationScoped
// REQUIRED, not SUPPORTS: outside a transaction WildFly keeps the entity manager of the first call
// for the rest of the calling invocation, so a caller that moves from one tenant to another (a
// job over the tenants, an in-container test) would read the first tenant's schema
@Transactional
public class PublicSpeedCameras {

  /** The statuses that count as "in service": only these devices are published. */
  public static final Set<DeviceStatus> PUBLIC_STATUSES = Set.of(DeviceStatus.ACTIVE);

  /** The fixed device types that check speed: only these devices are published. */
  public static final Set<FixedDeviceType> PUBLIC_TYPES =
      Set.of(FixedDeviceType.SPEED_CAMERA, FixedDeviceType.AVERAGE_SPEED);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject PlaceDirectory places;

  Clock clock = Clock.systemUTC();

  /**
   * Where a public device stands: the place's code, name and zone, its position and, when the place
   * is an automatic detection point with a speed rule, the limit and the time band it applies in
   * (both null: all day).
   */
  public record PublicPlace(
      String code,
      String name,
      String zone,
      Coordinates coordinates,
      Integer speedLimitKmh,
      LocalTime limitFrom,
      LocalTime limitTo) {}

  /** The public part of a calibration certificate (the PDF is read by {@link #certificate}). */
  public record PublicCertificate(
      String number, String issuer, LocalDate calibratedOn, LocalDate validUntil) {

    /** Whether the certificate covers {@code day}. */
    public boolean covers(LocalDate day) {
      return !day.isBefore(calibratedOn) && !day.isAfter(validUntil);
    }
  }

  /**
   * A public speed-checking device.
   *
   * @param certificate its latest calibration certificate, null when it has none
   */
  public record SpeedCamera(
      String code,
      String description,
      FixedDeviceType type,
      String manufacturer,
      PublicPlace place,
      PublicCertificate certificate) {}

  /** The PDF of a public device's latest calibration certificate. */
  public record CertificateFile(String deviceCode, LocalDate calibratedOn, byte[] content) {

    /** A file name that tells what it is, free of the name it was uploaded with. */
    public String fileName() {
      return "certificato-taratura-" + deviceCode + "-" + calibratedOn + ".pdf";
    }
  }

  /**
   * The current tenant's public speed-checking devices, by code, with their place and latest
   * certificate: one query for the devices, one for the certificates (without their PDFs) and one
   * per distinct place (a command has a few such positions).
   */
  public List<SpeedCamera> publicSpeedCameras() {
    List<DeviceRow> rows =
        em.createQuery(
                "select d from DeviceRow d where d.category = :fixed and d.status in :statuses"
                    + " and d.fixedType in :types order by d.code",
                DeviceRow.class)
            .setParameter("fixed", DeviceCategory.FIXED)
            .setParameter("statuses", PUBLIC_STATUSES)
            .setParameter("types", PUBLIC_TYPES)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Optional<PublicPlace>> placesByCode = new HashMap<>();
    Map<String, LatestCertificate> latest =
        latestCertificates(rows.stream().map(DeviceRow::code).toList());
    List<SpeedCamera> cameras = new ArrayList<>();
    for (DeviceRow row : rows) {
      DeviceData data = row.data();
      Optional<PublicPlace> place =
          placesByCode.computeIfAbsent(data.placeCode(), this::publicPlace);
      if (place.isEmpty()) {
        continue;
      }
      LatestCertificate certificate = latest.get(row.code());
      cameras.add(
          new SpeedCamera(
              row.code(),
              data.description(),
              data.type(),
              data.manufacturer(),
              place.get(),
              certificate == null ? null : certificate.certificate()));
    }
    return List.copyOf(cameras);
  }

  /**
   * The PDF of the latest calibration certificate of {@code deviceCode}, only when that device is
   * public (see the class); empty for any other code, malformed, unknown or not public, and for a
   * public device without a certificate.
   */
  public Optional<CertificateFile> certificate(String deviceCode) {
    if (deviceCode == null || deviceCode.isBlank()) {
      return Optional.empty();
    }
    String code;
    try {
      code = Device.normaliseCode(deviceCode);
    } catch (DeviceRuleException malformed) {
      return Optional.empty();
    }
    DeviceRow row = em.find(DeviceRow.class, code);
    if (row == null || !isPublicDevice(row) || publicPlace(row.data().placeCode()).isEmpty()) {
      return Optional.empty();
    }
    LatestCertificate latest = latestCertificates(List.of(row.code())).get(row.code());
    if (latest == null) {
      return Optional.empty();
    }
    List<byte[]> content =
        em.createQuery("select c.content from CertificateRow c where c.id = :id", byte[].class)
            .setParameter("id", latest.id())
            .getResultList();
    if (content.isEmpty() || content.get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CertificateFile(row.code(), latest.certificate().calibratedOn(), content.get(0)));
  }

  /** Today in Italy, the day against which a certificate's validity is told. */
  public LocalDate today() {
    return DeviceRecords.today(clock);
  }

  // ---------------------------------------------------------------- helpers

  private static boolean isPublicDevice(DeviceRow row) {
    return row.category() == DeviceCategory.FIXED
        && PUBLIC_STATUSES.contains(row.status())
        && row.data().type() != null
        && PUBLIC_TYPES.contains(row.data().type());
  }

  /** The place {@code code} as published, if it is an active place of the directory. */
  private Optional<PublicPlace> publicPlace(String code) {
    return places
        .place(code)
        .filter(p -> p.status() == PlaceStatus.ACTIVE)
        .map(PublicSpeedCameras::publicPlace);
  }

  private static PublicPlace publicPlace(Place place) {
    PlaceData data = place.current();
    AutomaticRule rule = data.rule();
    Integer limit = rule == null ? null : rule.speedLimitKmh();
    return new PublicPlace(
        place.code(),
        data.name(),
        data.zone(),
        data.coordinates(),
        limit,
        limit == null ? null : rule.from(),
        limit == null ? null : rule.to());
  }

  private record LatestCertificate(long id, PublicCertificate certificate) {}

  /**
   * The latest certificate (latest calibration; then the latest-ending; then the latest uploaded)
   * of each device in {@code codes}, read without the PDFs.
   */
  private Map<String, LatestCertificate> latestCertificates(List<String> codes) {
    Map<String, LatestCertificate> latest = new HashMap<>();
    Comparator<LatestCertificate> order =
        Comparator.comparing((LatestCertificate c) -> c.certificate().calibratedOn())
            .thenComparing(c -> c.certificate().validUntil())
            .thenComparingLong(LatestCertificate::id);
    for (Object[] r :
        em.createQuery(
                "select c.deviceCode, c.id, c.number, c.issuer, c.calibratedOn, c.validUntil"
                    + " from CertificateRow c where c.deviceCode in :codes",
                Object[].class)
            .setParameter("codes", codes)
            .getResultList()) {
      if (r[4] == null || r[5] == null) {
        continue;
      }
      LatestCertificate candidate =
          new LatestCertificate(
              ((Number) r[1]).longValue(),
              new PublicCertificate(
                  (String) r[2], (String) r[3], (LocalDate) r[4], (LocalDate) r[5]));
      latest.merge((String) r[0], candidate, (a, b) -> order.compare(a, b) >= 0 ? a : b);
    }
    return latest;
  }
}
