package it.ksanctions.devices.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other contexts need to know of a fixed device to accept its detections (DEV-3, DEV-5,
 * DEV-10): its type, declared output format and place, its status over time and its calibration
 * certificates.
 *
 * @param statusChanges the device's status from each instant on, oldest first (the first is its
 *     registration)
 */
public record FixedDeviceFacts(
    String code,
    FixedDeviceType type,
    OutputFormat outputFormat,
    String placeCode,
    DeviceStatus currentStatus,
    List<StatusChange> statusChanges,
    List<CalibrationCertificate> certificates) {

  /** The device's status from {@code at} on. */
  public record StatusChange(Instant at, DeviceStatus status) {}

  /**
   * The device's status at {@code at}. Before its registration in the system the device had the
   * status it was registered with (a command registers devices it already runs and imports their
   * earlier files); empty only for a device without history.
   */
  public Optional<DeviceStatus> statusAt(Instant at) {
    DeviceStatus found = statusChanges.isEmpty() ? null : statusChanges.get(0).status();
    for (StatusChange change : statusChanges) {
      if (change.at().isAfter(at)) {
        break;
      }
      found = change.status();
    }
    return Optional.ofNullable(found);
  }

  /** Whether a calibration certificate covers {@code day} (DEV-10). */
  public boolean calibratedOn(LocalDate day) {
    return certificates.stream().anyMatch(c -> c.covers(day));
  }

  /** Whether the device type needs a calibration for its detections to stand (speed devices). */
  public boolean calibrationRequired() {
    return type != null && type.calibrationRequired();
  }
}
