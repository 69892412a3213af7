package it.ksanctions.sanctions.domain;

import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.FixedDeviceFacts;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The checks of every detection before its rule decides (issue 13 item 4, DEV-10, PLC-1): the
 * device active at the detection time and of a type the import decides, its calibration valid on
 * that day when its type needs one ("taratura scaduta" otherwise), the place coded, active and an
 * automatic point with a rule for the device; then {@link DetectionRules} decides. A row that fails
 * a check is refused with the reason; the file is then published not at all.
 */
public final class DetectionCheck {

  /** Detection times in files are Italian local times. */
  public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private final FixedDeviceFacts device;
  private final Place place;
  private final Instant now;

  /**
   * @param now the current instant: a detection after it (beyond five minutes of clock skew) is
   *     refused
   */
  public DetectionCheck(FixedDeviceFacts device, Place place, Instant now) {
    this.device = device;
    this.place = place;
    this.now = now;
  }

  /** The kind of detections a device type gives, if the import decides them. */
  public static Optional<DetectionKind> kindOf(FixedDeviceType type) {
    if (type == null) {
      return Optional.empty();
    }
    return switch (type) {
      case SPEED_CAMERA, AVERAGE_SPEED -> Optional.of(DetectionKind.SPEED);
      case ZTL_GATE, ELECTRONIC_GATE -> Optional.of(DetectionKind.ZTL);
      case RED_LIGHT_CAMERA -> Optional.of(DetectionKind.RED_LIGHT);
      case PARKING_CAMERA, OTHER -> Optional.empty();
    };
  }

  /**
   * The decision on {@code row}, or the row refused with the reasons.
   *
   * @throws SanctionsRuleException with the Italian reason when a check fails
   */
  public DetectionDecision decide(CameraRow row) {
    Instant at = row.detectedAt().atZone(ITALY).toInstant();
    LocalDate day = row.detectedAt().toLocalDate();
    if (at.isAfter(now.plusSeconds(300))) {
      throw new SanctionsRuleException(
          "sanctions.detection.future", "La data e ora della rilevazione è nel futuro.");
    }
    DeviceStatus status = device.statusAt(at).orElse(null);
    if (status != DeviceStatus.ACTIVE) {
      throw new SanctionsRuleException(
          "sanctions.detection.device-not-active",
          "Il dispositivo "
              + device.code()
              + (status == null
                  ? " non era ancora registrato"
                  : " non era attivo ("
                      + status.italianLabel().toLowerCase(java.util.Locale.ITALIAN)
                      + ")")
              + " al momento della rilevazione.");
    }
    if (device.calibrationRequired() && !device.calibratedOn(day)) {
      throw new SanctionsRuleException(
          "sanctions.detection.calibration-expired",
          "Taratura scaduta: nessun certificato di taratura del dispositivo "
              + device.code()
              + " copre il "
              + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
              + " (DEV-10).");
    }
    if (place == null || place.status() != PlaceStatus.ACTIVE) {
      throw new SanctionsRuleException(
          "sanctions.detection.place-not-active",
          "Il luogo " + device.placeCode() + " del dispositivo non è un luogo codificato attivo.");
    }
    AutomaticRule rule = ruleAt(at);
    DetectionKind kind =
        kindOf(device.type())
            .orElseThrow(
                () ->
                    new SanctionsRuleException(
                        "sanctions.detection.device-type",
                        "Il tipo di dispositivo "
                            + (device.type() == null ? "?" : device.type().italianLabel())
                            + " non produce rilevazioni importabili."));
    return switch (kind) {
      case SPEED ->
          DetectionRules.speed(row.speedKmh(), rule == null ? null : rule.speedLimitKmh());
      case ZTL -> {
        if (rule == null || !rule.ztlAccess()) {
          throw new SanctionsRuleException(
              "sanctions.detection.no-ztl-rule",
              "Il luogo " + place.code() + " non ha la regola di accesso ZTL.");
        }
        yield DetectionRules.ztl(row.detectedAt().toLocalTime(), rule.from(), rule.to());
      }
      case RED_LIGHT -> DetectionRules.redLight();
    };
  }

  /** The automatic rule of the place version in effect at {@code at} (the first if none yet). */
  private AutomaticRule ruleAt(Instant at) {
    Place.Version inEffect = place.versions().get(0);
    for (Place.Version version : place.versions()) {
      if (!version.at().isAfter(at)) {
        inEffect = version;
      }
    }
    return inEffect.data().rule();
  }

  /** The speed limit in effect at the place at {@code at}, if any. */
  public Integer speedLimitAt(Instant at) {
    AutomaticRule rule = place == null ? null : ruleAt(at);
    return rule == null ? null : rule.speedLimitKmh();
  }
}
