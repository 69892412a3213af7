package it.ksanctions.devices.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The anomalies of one device on a given day (DEV-6, DEV-10): missing synchronisation of active
 * mobile devices, missing, expiring or expired calibration, a place no longer valid, a last
 * download with read errors or overdue downloads, recent unauthorised access attempts.
 */
public final class DeviceMonitor {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DeviceMonitor() {}

  /** What monitoring knows of a device. */
  public record Snapshot(
      DeviceStatus status,
      DeviceData data,
      Instant registeredAt,
      Instant lastSyncAt,
      LocalDate certificateValidUntil,
      boolean placeActive,
      Instant lastDownloadAt,
      DownloadOutcome lastDownloadOutcome,
      int refusedAccessesLastDay) {}

  public static List<DeviceAnomaly> anomalies(Snapshot d, Instant now, AlertSettings settings) {
    List<DeviceAnomaly> found = new ArrayList<>();
    if (d.status() == DeviceStatus.DECOMMISSIONED) {
      return found;
    }
    LocalDate today = now.atZone(ITALY).toLocalDate();
    if (d.data().isMobile()) {
      if (d.status() == DeviceStatus.ACTIVE) {
        Instant reference = d.lastSyncAt() != null ? d.lastSyncAt() : d.registeredAt();
        long days = Duration.between(reference, now).toDays();
        if (days >= settings.syncMaxDays()) {
          found.add(
              new DeviceAnomaly(
                  AnomalyKind.NOT_SYNCHRONISED,
                  d.lastSyncAt() == null
                      ? "mai sincronizzato, registrato da " + days + " giorni"
                      : "nessuna sincronizzazione da " + days + " giorni"));
        }
      }
    } else {
      if (d.data().calibrationRequired()) {
        if (d.certificateValidUntil() == null) {
          found.add(new DeviceAnomaly(AnomalyKind.CALIBRATION_MISSING, null));
        } else if (d.certificateValidUntil().isBefore(today)) {
          found.add(
              new DeviceAnomaly(
                  AnomalyKind.CALIBRATION_EXPIRED,
                  "scaduta il " + DAY.format(d.certificateValidUntil())));
        } else if (ChronoUnit.DAYS.between(today, d.certificateValidUntil())
            <= settings.longestLead()) {
          found.add(
              new DeviceAnomaly(
                  AnomalyKind.CALIBRATION_EXPIRING,
                  "valida fino al "
                      + DAY.format(d.certificateValidUntil())
                      + " ("
                      + ChronoUnit.DAYS.between(today, d.certificateValidUntil())
                      + " giorni)"));
        }
      }
      if (!d.placeActive()) {
        found.add(new DeviceAnomaly(AnomalyKind.PLACE_NOT_VALID, d.data().placeCode()));
      }
      if (d.lastDownloadOutcome() == DownloadOutcome.WITH_ERRORS) {
        found.add(new DeviceAnomaly(AnomalyKind.READ_ERROR, null));
      }
      if (d.status() == DeviceStatus.ACTIVE && d.data().downloadFrequency() != null) {
        Instant reference = d.lastDownloadAt() != null ? d.lastDownloadAt() : d.registeredAt();
        long days = Duration.between(reference, now).toDays();
        if (days > 2L * d.data().downloadFrequency().days()) {
          found.add(
              new DeviceAnomaly(
                  AnomalyKind.DOWNLOAD_OVERDUE, "ultimo scarico " + days + " giorni fa"));
        }
      }
    }
    if (d.refusedAccessesLastDay() > 0) {
      found.add(
          new DeviceAnomaly(
              AnomalyKind.UNAUTHORISED_ACCESS,
              d.refusedAccessesLastDay() + " nelle ultime 24 ore"));
    }
    return found;
  }
}
