package it.ksanctions.devices.application;

import java.time.LocalDate;
import java.util.Map;

/**
 * Port to the records that use a device (DEV-6, DEV-8): pre-notices, camera detections and camera
 * imports still active, owned by the Sanctions context, which implements this port ({@code
 * sanctions.application.SanctionsDeviceUsage}). The Devices context sits below Sanctions and cannot
 * read those records itself (ADR 0006).
 */
public interface DeviceUsage {

  /**
   * How many pre-notices, detections and active camera imports (queued, running or stopped) of the
   * current tenant name {@code deviceCode}.
   */
  long uses(String deviceCode);

  /**
   * The violations (pre-notices and detections, not archived) per device code from {@code from} to
   * {@code to} included (Europe/Rome days); devices without any are absent.
   */
  Map<String, Long> violationsByDevice(LocalDate from, LocalDate to);
}
