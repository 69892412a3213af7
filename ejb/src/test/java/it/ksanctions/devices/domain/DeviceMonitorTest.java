package it.ksanctions.devices.domain;

import static it.ksanctions.devices.domain.DeviceFixtures.handheld;
import static it.ksanctions.devices.domain.DeviceFixtures.speedCamera;
import static it.ksanctions.devices.domain.DeviceFixtures.ztlGate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeviceMonitorTest {

  /** Monday 23 November 2026, 11:00 in Rome (CET, UTC+1). */
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  static final AlertSettings SETTINGS = AlertSettings.DEFAULTS;

  static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  static DeviceMonitor.Snapshot mobile(DeviceStatus status, Instant registered, Instant lastSync) {
    return new DeviceMonitor.Snapshot(
        status, handheld(), registered, lastSync, null, true, null, null, 0);
  }

  /** A healthy fixed device: valid place, certificate for a year, downloaded yesterday. */
  static DeviceMonitor.Snapshot fixed(DeviceData data) {
    return new DeviceMonitor.Snapshot(
        DeviceStatus.ACTIVE,
        data,
        daysAgo(200),
        null,
        TODAY.plusYears(1),
        true,
        daysAgo(1),
        DownloadOutcome.COMPLETED,
        0);
  }

  static DeviceMonitor.Snapshot withCertificate(DeviceMonitor.Snapshot s, LocalDate validUntil) {
    return new DeviceMonitor.Snapshot(
        s.status(),
        s.data(),
        s.registeredAt(),
        s.lastSyncAt(),
        validUntil,
        s.placeActive(),
        s.lastDownloadAt(),
        s.lastDownloadOutcome(),
        s.refusedAccessesLastDay());
  }

  static DeviceMonitor.Snapshot withDownload(
      DeviceMonitor.Snapshot s, DeviceStatus status, Instant at, DownloadOutcome outcome) {
    return new DeviceMonitor.Snapshot(
        status,
        s.data(),
        s.registeredAt(),
        s.lastSyncAt(),
        s.certificateValidUntil(),
        s.placeActive(),
        at,
        outcome,
        s.refusedAccessesLastDay());
  }

  static List<AnomalyKind> kinds(DeviceMonitor.Snapshot snapshot, Instant now) {
    return DeviceMonitor.anomalies(snapshot, now, SETTINGS).stream()
        .map(DeviceAnomaly::kind)
        .toList();
  }

  static List<AnomalyKind> kinds(DeviceMonitor.Snapshot snapshot) {
    return kinds(snapshot, NOW);
  }

  @Nested
  class MobileSynchronisation {

    @Test
    void aRecentlySyncedMobileDeviceHasNoAnomaly() {
      assertThat(kinds(mobile(DeviceStatus.ACTIVE, daysAgo(100), daysAgo(1)))).isEmpty();
    }

    @Test
    void anActiveMobileDeviceNotSyncedForTheConfiguredDaysIsReported() {
      List<DeviceAnomaly> found =
          DeviceMonitor.anomalies(
              mobile(DeviceStatus.ACTIVE, daysAgo(100), daysAgo(3)), NOW, SETTINGS);
      assertThat(found)
          .containsExactly(
              new DeviceAnomaly(
                  AnomalyKind.NOT_SYNCHRONISED, "nessuna sincronizzazione da 3 giorni"));
      assertThat(found.get(0).text())
          .isEqualTo("Mancata sincronizzazione: nessuna sincronizzazione da 3 giorni");
    }

    @Test
    void lessThanTheConfiguredDaysIsNoAnomaly() {
      Instant almostThreeDays = daysAgo(3).plusSeconds(1);
      assertThat(kinds(mobile(DeviceStatus.ACTIVE, daysAgo(100), almostThreeDays))).isEmpty();
    }

    @Test
    void theConfiguredDaysAreUsed() {
      AlertSettings week = new AlertSettings(List.of(30), 7, 30);
      DeviceMonitor.Snapshot fiveDays = mobile(DeviceStatus.ACTIVE, daysAgo(100), daysAgo(5));
      assertThat(DeviceMonitor.anomalies(fiveDays, NOW, week)).isEmpty();
      assertThat(DeviceMonitor.anomalies(fiveDays, NOW, SETTINGS))
          .extracting(DeviceAnomaly::kind)
          .containsExactly(AnomalyKind.NOT_SYNCHRONISED);
    }

    @Test
    void aMobileDeviceNeverSyncedIsReportedFromItsRegistration() {
      assertThat(
              DeviceMonitor.anomalies(mobile(DeviceStatus.ACTIVE, daysAgo(5), null), NOW, SETTINGS))
          .containsExactly(
              new DeviceAnomaly(
                  AnomalyKind.NOT_SYNCHRONISED, "mai sincronizzato, registrato da 5 giorni"));
      assertThat(kinds(mobile(DeviceStatus.ACTIVE, daysAgo(2), null))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
        value = DeviceStatus.class,
        names = {"MAINTENANCE", "DISABLED", "DECOMMISSIONED"})
    void aMobileDeviceNotActiveIsNotExpectedToSync(DeviceStatus status) {
      assertThat(kinds(mobile(status, daysAgo(100), daysAgo(60)))).isEmpty();
      assertThat(kinds(mobile(status, daysAgo(100), null))).isEmpty();
    }

    @Test
    void calibrationPlaceAndDownloadsDoNotConcernMobileDevices() {
      DeviceMonitor.Snapshot snapshot =
          new DeviceMonitor.Snapshot(
              DeviceStatus.ACTIVE,
              handheld(),
              daysAgo(100),
              daysAgo(1),
              null,
              false,
              null,
              DownloadOutcome.WITH_ERRORS,
              0);
      assertThat(kinds(snapshot)).isEmpty();
    }
  }

  @Nested
  class Calibration {

    @Test
    void aHealthySpeedCameraHasNoAnomaly() {
      assertThat(kinds(fixed(speedCamera()))).isEmpty();
    }

    @Test
    void aSpeedCameraWithoutCertificateIsReported() {
      assertThat(kinds(withCertificate(fixed(speedCamera()), null)))
          .containsExactly(AnomalyKind.CALIBRATION_MISSING);
      assertThat(
              kinds(
                  withCertificate(
                      fixed(DeviceFixtures.fixed(FixedDeviceType.AVERAGE_SPEED)), null)))
          .containsExactly(AnomalyKind.CALIBRATION_MISSING);
    }

    @Test
    void aZtlGateNeedsNoCertificate() {
      assertThat(kinds(withCertificate(fixed(ztlGate()), null))).isEmpty();
      assertThat(kinds(withCertificate(fixed(ztlGate()), TODAY.minusDays(10)))).isEmpty();
    }

    @Test
    void anExpiredCertificateIsReported() {
      assertThat(
              DeviceMonitor.anomalies(
                  withCertificate(fixed(speedCamera()), TODAY.minusDays(1)), NOW, SETTINGS))
          .containsExactly(
              new DeviceAnomaly(AnomalyKind.CALIBRATION_EXPIRED, "scaduta il 22/11/2026"));
    }

    @Test
    void aCertificateWithinTheLongestLeadIsExpiring() {
      assertThat(
              DeviceMonitor.anomalies(
                  withCertificate(fixed(speedCamera()), TODAY.plusDays(30)), NOW, SETTINGS))
          .containsExactly(
              new DeviceAnomaly(
                  AnomalyKind.CALIBRATION_EXPIRING, "valida fino al 23/12/2026 (30 giorni)"));
      assertThat(kinds(withCertificate(fixed(speedCamera()), TODAY.plusDays(31)))).isEmpty();
      assertThat(kinds(withCertificate(fixed(speedCamera()), TODAY)))
          .containsExactly(AnomalyKind.CALIBRATION_EXPIRING);
    }

    @Test
    void theLongestConfiguredLeadIsUsed() {
      AlertSettings sixty = new AlertSettings(List.of(7, 60), 3, 30);
      DeviceMonitor.Snapshot in45 = withCertificate(fixed(speedCamera()), TODAY.plusDays(45));
      assertThat(DeviceMonitor.anomalies(in45, NOW, sixty))
          .extracting(DeviceAnomaly::kind)
          .containsExactly(AnomalyKind.CALIBRATION_EXPIRING);
      assertThat(kinds(in45)).isEmpty();
    }

    @Test
    void todayIsTheDayInRomeNotInUtc() {
      // 23:30 UTC on 23 November is already 00:30 on 24 November in Rome.
      Instant lateEvening = Instant.parse("2026-11-23T23:30:00Z");
      DeviceMonitor.Snapshot untilToday = withCertificate(fixed(speedCamera()), TODAY);
      assertThat(
              DeviceMonitor.anomalies(
                  withDownload(untilToday, DeviceStatus.ACTIVE, lateEvening, null),
                  lateEvening,
                  SETTINGS))
          .containsExactly(
              new DeviceAnomaly(AnomalyKind.CALIBRATION_EXPIRED, "scaduta il 23/11/2026"));
      // One second before midnight in Rome the certificate is still valid.
      Instant lastSecond = Instant.parse("2026-11-23T22:59:59Z");
      assertThat(kinds(untilToday, lastSecond)).containsExactly(AnomalyKind.CALIBRATION_EXPIRING);
    }

    @Test
    void inSummerRomeIsTwoHoursAhead() {
      DeviceMonitor.Snapshot untilJune =
          withCertificate(fixed(speedCamera()), LocalDate.of(2026, 6, 30));
      DeviceMonitor.Snapshot s =
          withDownload(untilJune, DeviceStatus.ACTIVE, Instant.parse("2026-06-30T08:00:00Z"), null);
      assertThat(kinds(s, Instant.parse("2026-06-30T21:59:59Z")))
          .containsExactly(AnomalyKind.CALIBRATION_EXPIRING);
      assertThat(kinds(s, Instant.parse("2026-06-30T22:00:00Z")))
          .containsExactly(AnomalyKind.CALIBRATION_EXPIRED);
    }

    @Test
    void calibrationIsReportedAlsoInMaintenance() {
      DeviceMonitor.Snapshot waiting =
          withDownload(
              withCertificate(fixed(speedCamera()), null), DeviceStatus.MAINTENANCE, null, null);
      assertThat(kinds(waiting)).containsExactly(AnomalyKind.CALIBRATION_MISSING);
    }
  }

  @Nested
  class PlacesAndDownloads {

    @Test
    void aDeviceOnAnInactivePlaceIsReported() {
      DeviceMonitor.Snapshot s = fixed(ztlGate());
      DeviceMonitor.Snapshot onInactive =
          new DeviceMonitor.Snapshot(
              s.status(),
              s.data(),
              s.registeredAt(),
              null,
              null,
              false,
              s.lastDownloadAt(),
              s.lastDownloadOutcome(),
              0);
      assertThat(DeviceMonitor.anomalies(onInactive, NOW, SETTINGS))
          .containsExactly(new DeviceAnomaly(AnomalyKind.PLACE_NOT_VALID, "ZTL-CENTRO-01"));
    }

    @Test
    void aLastDownloadWithErrorsIsAReadError() {
      DeviceMonitor.Snapshot s =
          withDownload(
              fixed(ztlGate()), DeviceStatus.ACTIVE, daysAgo(1), DownloadOutcome.WITH_ERRORS);
      List<DeviceAnomaly> found = DeviceMonitor.anomalies(s, NOW, SETTINGS);
      assertThat(found).extracting(DeviceAnomaly::kind).containsExactly(AnomalyKind.READ_ERROR);
      assertThat(found.get(0).text()).isEqualTo("Errore di lettura nell'ultimo scarico");
    }

    @ParameterizedTest
    @EnumSource(
        value = DownloadOutcome.class,
        names = {"COMPLETED", "CANCELLED"})
    void otherOutcomesAreNoReadError(DownloadOutcome outcome) {
      assertThat(kinds(withDownload(fixed(ztlGate()), DeviceStatus.ACTIVE, daysAgo(1), outcome)))
          .isEmpty();
    }

    @Test
    void aDownloadIsOverdueBeyondTwiceTheFrequency() {
      // A daily gate: 2 days are tolerated, 3 are overdue.
      assertThat(kinds(withDownload(fixed(ztlGate()), DeviceStatus.ACTIVE, daysAgo(2), null)))
          .isEmpty();
      assertThat(
              DeviceMonitor.anomalies(
                  withDownload(fixed(ztlGate()), DeviceStatus.ACTIVE, daysAgo(3), null),
                  NOW,
                  SETTINGS))
          .containsExactly(
              new DeviceAnomaly(AnomalyKind.DOWNLOAD_OVERDUE, "ultimo scarico 3 giorni fa"));
      // A weekly speed camera: 14 days are tolerated, 15 are overdue.
      assertThat(kinds(withDownload(fixed(speedCamera()), DeviceStatus.ACTIVE, daysAgo(14), null)))
          .isEmpty();
      assertThat(kinds(withDownload(fixed(speedCamera()), DeviceStatus.ACTIVE, daysAgo(15), null)))
          .containsExactly(AnomalyKind.DOWNLOAD_OVERDUE);
    }

    @Test
    void aMonthlyDeviceIsOverdueAfterSixtyTwoDays() {
      DeviceData monthly =
          DeviceData.fixed(
              FixedDeviceType.PARKING_CAMERA,
              "P-01",
              "Sosta",
              null,
              null,
              DownloadFrequency.MONTHLY,
              OutputFormat.JSON,
              null);
      assertThat(kinds(withDownload(fixed(monthly), DeviceStatus.ACTIVE, daysAgo(62), null)))
          .isEmpty();
      assertThat(kinds(withDownload(fixed(monthly), DeviceStatus.ACTIVE, daysAgo(63), null)))
          .containsExactly(AnomalyKind.DOWNLOAD_OVERDUE);
    }

    @Test
    void aDeviceNeverDownloadedIsOverdueFromItsRegistration() {
      DeviceMonitor.Snapshot s = fixed(ztlGate());
      DeviceMonitor.Snapshot never =
          new DeviceMonitor.Snapshot(
              DeviceStatus.ACTIVE, s.data(), daysAgo(5), null, null, true, null, null, 0);
      assertThat(DeviceMonitor.anomalies(never, NOW, SETTINGS))
          .containsExactly(
              new DeviceAnomaly(AnomalyKind.DOWNLOAD_OVERDUE, "ultimo scarico 5 giorni fa"));
      DeviceMonitor.Snapshot justRegistered =
          new DeviceMonitor.Snapshot(
              DeviceStatus.ACTIVE, s.data(), daysAgo(1), null, null, true, null, null, 0);
      assertThat(kinds(justRegistered)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
        value = DeviceStatus.class,
        names = {"MAINTENANCE", "DISABLED"})
    void aDeviceNotActiveIsNotOverdue(DeviceStatus status) {
      assertThat(kinds(withDownload(fixed(ztlGate()), status, daysAgo(60), null))).isEmpty();
    }
  }

  @Nested
  class AccessesAndDecommissioning {

    @Test
    void refusedAccessesAreReportedForEveryCategory() {
      DeviceMonitor.Snapshot palm =
          new DeviceMonitor.Snapshot(
              DeviceStatus.ACTIVE, handheld(), daysAgo(10), daysAgo(1), null, true, null, null, 2);
      assertThat(DeviceMonitor.anomalies(palm, NOW, SETTINGS))
          .containsExactly(
              new DeviceAnomaly(AnomalyKind.UNAUTHORISED_ACCESS, "2 nelle ultime 24 ore"));
      DeviceMonitor.Snapshot disabledPalm =
          new DeviceMonitor.Snapshot(
              DeviceStatus.DISABLED, handheld(), daysAgo(10), null, null, true, null, null, 1);
      assertThat(kinds(disabledPalm)).containsExactly(AnomalyKind.UNAUTHORISED_ACCESS);
      DeviceMonitor.Snapshot s = fixed(ztlGate());
      DeviceMonitor.Snapshot gate =
          new DeviceMonitor.Snapshot(
              s.status(),
              s.data(),
              s.registeredAt(),
              null,
              null,
              true,
              s.lastDownloadAt(),
              s.lastDownloadOutcome(),
              5);
      assertThat(kinds(gate)).containsExactly(AnomalyKind.UNAUTHORISED_ACCESS);
    }

    @Test
    void everyAnomalyIsReportedInOrder() {
      DeviceMonitor.Snapshot broken =
          new DeviceMonitor.Snapshot(
              DeviceStatus.ACTIVE,
              speedCamera(),
              daysAgo(100),
              null,
              TODAY.minusDays(3),
              false,
              daysAgo(20),
              DownloadOutcome.WITH_ERRORS,
              4);
      assertThat(kinds(broken))
          .containsExactly(
              AnomalyKind.CALIBRATION_EXPIRED,
              AnomalyKind.PLACE_NOT_VALID,
              AnomalyKind.READ_ERROR,
              AnomalyKind.DOWNLOAD_OVERDUE,
              AnomalyKind.UNAUTHORISED_ACCESS);
    }

    @Test
    void aDecommissionedDeviceHasNoAnomalies() {
      DeviceMonitor.Snapshot fixedGone =
          new DeviceMonitor.Snapshot(
              DeviceStatus.DECOMMISSIONED,
              speedCamera(),
              daysAgo(100),
              null,
              null,
              false,
              daysAgo(90),
              DownloadOutcome.WITH_ERRORS,
              7);
      assertThat(DeviceMonitor.anomalies(fixedGone, NOW, SETTINGS)).isEmpty();
      DeviceMonitor.Snapshot mobileGone =
          new DeviceMonitor.Snapshot(
              DeviceStatus.DECOMMISSIONED,
              handheld(),
              daysAgo(100),
              null,
              null,
              true,
              null,
              null,
              3);
      assertThat(DeviceMonitor.anomalies(mobileGone, NOW, SETTINGS)).isEmpty();
    }

    @Test
    void theTextOfAnAnomalyWithoutDetailIsItsLabel() {
      assertThat(new DeviceAnomaly(AnomalyKind.CALIBRATION_MISSING, null).text())
          .isEqualTo("Taratura non registrata");
      assertThat(new DeviceAnomaly(AnomalyKind.CALIBRATION_MISSING, " ").text())
          .isEqualTo("Taratura non registrata");
      assertThat(new DeviceAnomaly(AnomalyKind.PLACE_NOT_VALID, "VR-001").text())
          .isEqualTo("Dispositivo senza luogo valido: VR-001");
    }
  }
}
