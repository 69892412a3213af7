package it.ksanctions.devices.domain;

import static it.ksanctions.devices.domain.DeviceFixtures.T0;
import static it.ksanctions.devices.domain.DeviceFixtures.fixed;
import static it.ksanctions.devices.domain.DeviceFixtures.handheld;
import static it.ksanctions.devices.domain.DeviceFixtures.refused;
import static it.ksanctions.devices.domain.DeviceFixtures.speedCamera;
import static it.ksanctions.devices.domain.DeviceFixtures.ztlGate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTest {

  static final String ADMIN = "admin.latina";
  static final Instant T1 = T0.plusSeconds(3600);

  static Device registered(DeviceData data, boolean calibrationCurrent) {
    return Device.register("DEV-01", data, calibrationCurrent, ADMIN, T0);
  }

  @Nested
  class Registration {

    @Test
    void aMobileDeviceStartsActive() {
      Device device = registered(handheld(), false);
      assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
      assertThat(device.code()).isEqualTo("DEV-01");
      assertThat(device.data()).isEqualTo(handheld());
    }

    @Test
    void aZtlGateStartsActiveWithoutCalibration() {
      assertThat(registered(ztlGate(), false).status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(
        value = FixedDeviceType.class,
        names = {"SPEED_CAMERA", "AVERAGE_SPEED"})
    void aSpeedDeviceWithoutCurrentCalibrationWaitsInMaintenance(FixedDeviceType type) {
      assertThat(registered(fixed(type), false).status()).isEqualTo(DeviceStatus.MAINTENANCE);
      assertThat(registered(fixed(type), true).status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void registrationProducesAHistoryEntry() {
      Device device = Device.register("av-01", speedCamera(), false, "  admin.latina ", T0);
      assertThat(device.newEntries())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.at()).isEqualTo(T0);
                assertThat(e.author()).isEqualTo(ADMIN);
                assertThat(e.kind()).isEqualTo(DeviceHistoryKind.REGISTERED);
                assertThat(e.oldValue()).isEmpty();
                assertThat(e.newValue())
                    .startsWith("In manutenzione — Autovelox; luogo SS148-KM72")
                    .isEqualTo("In manutenzione — " + speedCamera().summary());
                assertThat(e.reason()).isEqualTo("Registrazione del dispositivo");
              });
    }

    @Test
    void theDataAreValidatedOnRegistration() {
      DeviceData untrimmed =
          DeviceData.mobile(" 49015 4203237518", " TC26 ", null, "M.Rossi", null, null, null);
      Device device = registered(untrimmed, false);
      assertThat(device.data().identifier()).isEqualTo("490154203237518");
      assertThat(device.data().model()).isEqualTo("TC26");
      assertThat(device.data().assignedOfficer()).isEqualTo("m.rossi");
      refused(
          () ->
              registered(DeviceData.mobile(null, "TC26", null, "m.rossi", null, null, null), false),
          DeviceRule.IDENTIFIER_REQUIRED);
    }

    @Test
    void registrationWithoutDataIsRefused() {
      refused(() -> registered(null, false), DeviceRule.CATEGORY_REQUIRED);
    }

    @Test
    void registrationNeedsItsAuthor() {
      assertThatThrownBy(() -> Device.register("DEV-01", handheld(), false, " ", T0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Device.register("DEV-01", handheld(), false, null, T0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredDeviceNeedsStatusAndData() {
      Device stored = Device.of("DEV-01", DeviceStatus.DISABLED, handheld());
      assertThat(stored.status()).isEqualTo(DeviceStatus.DISABLED);
      assertThat(stored.newEntries()).isEmpty();
      assertThatThrownBy(() -> Device.of("DEV-01", null, handheld()))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> Device.of("DEV-01", DeviceStatus.ACTIVE, null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Codes {

    @Test
    void codesAreTrimmedAndUpperCase() {
      assertThat(Device.normaliseCode(" av-ss148.km_72 ")).isEqualTo("AV-SS148.KM_72");
      assertThat(Device.normaliseCode("P1")).isEqualTo("P1");
      assertThat(Device.normaliseCode("A".repeat(30))).hasSize(30);
      assertThat(Device.register("  palm-07 ", handheld(), false, ADMIN, T0).code())
          .isEqualTo("PALM-07");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "A", "-AB", ".AB", "_AB", "AV 01", "AV/01", "AVÈ1", "AV#1"})
    void codesAreShortAndPlain(String code) {
      refused(() -> Device.normaliseCode(code), DeviceRule.CODE_INVALID);
    }

    @Test
    void codesOfMoreThanThirtyCharactersOrMissingAreRefused() {
      refused(() -> Device.normaliseCode("A".repeat(31)), DeviceRule.CODE_INVALID);
      refused(() -> Device.normaliseCode(null), DeviceRule.CODE_INVALID);
      refused(() -> Device.register("A", handheld(), false, ADMIN, T0), DeviceRule.CODE_INVALID);
    }
  }

  @Nested
  class Status {

    @Test
    void aSpeedCameraIsNotActivatedWithoutCurrentCalibration() {
      Device device = registered(speedCamera(), false);
      refused(
          () -> device.changeStatus(DeviceStatus.ACTIVE, false, ADMIN, T1, "Rientro"),
          DeviceRule.CALIBRATION_NOT_CURRENT);
      assertThat(device.status()).isEqualTo(DeviceStatus.MAINTENANCE);
      assertThat(device.newEntries()).hasSize(1);
      device.changeStatus(DeviceStatus.ACTIVE, true, ADMIN, T1, "Taratura eseguita");
      assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void anAverageSpeedDeviceIsNotActivatedWithoutCurrentCalibration() {
      Device device =
          Device.of("TUTOR-01", DeviceStatus.DISABLED, fixed(FixedDeviceType.AVERAGE_SPEED));
      refused(
          () -> device.changeStatus(DeviceStatus.ACTIVE, false, ADMIN, T1, "Riattivazione"),
          DeviceRule.CALIBRATION_NOT_CURRENT);
    }

    @Test
    void aSpeedCameraLeavesActiveWithoutCalibration() {
      Device device = registered(speedCamera(), true);
      device.changeStatus(DeviceStatus.MAINTENANCE, false, ADMIN, T1, "Taratura scaduta");
      assertThat(device.status()).isEqualTo(DeviceStatus.MAINTENANCE);
      device.changeStatus(DeviceStatus.DISABLED, false, ADMIN, T1, "Fermo");
      assertThat(device.status()).isEqualTo(DeviceStatus.DISABLED);
    }

    @Test
    void aZtlGateIsActivatedWithoutCalibration() {
      Device device = registered(ztlGate(), false);
      device.changeStatus(DeviceStatus.MAINTENANCE, false, ADMIN, T1, "Sostituzione telecamera");
      device.changeStatus(DeviceStatus.ACTIVE, false, ADMIN, T1, "Telecamera sostituita");
      assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void aMobileDeviceIsActivatedWithoutCalibration() {
      Device device = Device.of("PALM-01", DeviceStatus.MAINTENANCE, handheld());
      device.changeStatus(DeviceStatus.ACTIVE, false, ADMIN, T1, "Riparato");
      assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void aStatusChangeProducesAHistoryEntry() {
      Device device = registered(ztlGate(), false);
      device.changeStatus(DeviceStatus.MAINTENANCE, false, " tecnico ", T1, "  Guasto  ");
      assertThat(device.newEntries())
          .extracting(DeviceHistoryEntry::kind)
          .containsExactly(DeviceHistoryKind.REGISTERED, DeviceHistoryKind.STATUS);
      DeviceHistoryEntry entry = device.newEntries().get(1);
      assertThat(entry.at()).isEqualTo(T1);
      assertThat(entry.author()).isEqualTo("tecnico");
      assertThat(entry.oldValue()).isEqualTo("Attivo");
      assertThat(entry.newValue()).isEqualTo("In manutenzione");
      assertThat(entry.reason()).isEqualTo("Guasto");
    }

    @Test
    void theSameStatusIsNoChange() {
      Device device = registered(ztlGate(), false);
      refused(
          () -> device.changeStatus(DeviceStatus.ACTIVE, true, ADMIN, T1, "Di nuovo"),
          DeviceRule.NO_CHANGE);
      assertThat(device.newEntries()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aStatusChangeNeedsAReason(String reason) {
      Device device = registered(ztlGate(), false);
      refused(
          () -> device.changeStatus(DeviceStatus.DISABLED, false, ADMIN, T1, reason),
          DeviceRule.REASON_REQUIRED);
      refused(
          () -> device.changeStatus(DeviceStatus.DISABLED, false, ADMIN, T1, null),
          DeviceRule.REASON_REQUIRED);
      assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
      assertThat(device.newEntries()).hasSize(1);
    }

    @Test
    void aReasonOverFiveHundredCharactersIsRefused() {
      Device device = registered(ztlGate(), false);
      refused(
          () -> device.changeStatus(DeviceStatus.DISABLED, false, ADMIN, T1, "x".repeat(501)),
          DeviceRule.TEXT_TOO_LONG);
      device.changeStatus(DeviceStatus.DISABLED, false, ADMIN, T1, "x".repeat(500));
      assertThat(device.status()).isEqualTo(DeviceStatus.DISABLED);
    }

    @Test
    void aStatusChangeNeedsItsTargetAndAuthor() {
      Device device = registered(ztlGate(), false);
      assertThatThrownBy(() -> device.changeStatus(null, false, ADMIN, T1, "x"))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> device.changeStatus(DeviceStatus.DISABLED, false, "", T1, "x"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
    }
  }

  @Nested
  class Decommissioning {

    Device decommissioned() {
      Device device = registered(speedCamera(), true);
      device.changeStatus(DeviceStatus.DECOMMISSIONED, false, ADMIN, T1, "Sostituito");
      return device;
    }

    @Test
    void anyStatusCanBeDecommissionedWithoutCalibration() {
      Device device = decommissioned();
      assertThat(device.status()).isEqualTo(DeviceStatus.DECOMMISSIONED);
      assertThat(device.newEntries().get(1).newValue()).isEqualTo("Dismesso");
    }

    @ParameterizedTest
    @EnumSource(DeviceStatus.class)
    void aDecommissionedDeviceChangesStatusNoMore(DeviceStatus target) {
      Device device = decommissioned();
      refused(
          () -> device.changeStatus(target, true, ADMIN, T1, "Ripensamento"),
          DeviceRule.DECOMMISSIONED);
      assertThat(device.status()).isEqualTo(DeviceStatus.DECOMMISSIONED);
    }

    @Test
    void aDecommissionedDeviceChangesDataNoMore() {
      Device device = decommissioned();
      DeviceData other =
          DeviceData.fixed(
              FixedDeviceType.SPEED_CAMERA,
              "SS148-KM73",
              "Velocità",
              null,
              null,
              DownloadFrequency.DAILY,
              OutputFormat.CSV,
              null);
      refused(() -> device.change(other, ADMIN, T1, "Spostato"), DeviceRule.DECOMMISSIONED);
      refused(() -> device.recordCertificate(certificate(), ADMIN, T1), DeviceRule.DECOMMISSIONED);
      assertThat(device.newEntries()).hasSize(2);
    }

    @Test
    void theRuleIsCheckedBeforeAnythingElse() {
      Device device = Device.of("AV-01", DeviceStatus.DECOMMISSIONED, speedCamera());
      refused(
          () -> device.changeStatus(DeviceStatus.DECOMMISSIONED, false, "", T1, null),
          DeviceRule.DECOMMISSIONED);
      assertThatThrownBy(() -> device.changeStatus(DeviceStatus.ACTIVE, false, ADMIN, T1, "x"))
          .hasMessage("devices.decommissioned: AV-01");
    }

    @Test
    void theRevocationOfCredentialsIsStillRecorded() {
      // Credentials of a decommissioned handheld must still be revocable.
      Device device = Device.of("PALM-01", DeviceStatus.DECOMMISSIONED, handheld());
      device.recordCredential("Revocate 2 credenziali", ADMIN, T1, "Dismissione");
      assertThat(device.newEntries())
          .singleElement()
          .extracting(DeviceHistoryEntry::kind)
          .isEqualTo(DeviceHistoryKind.CREDENTIAL);
    }
  }

  @Nested
  class TechnicalData {

    @Test
    void aChangeOfTechnicalDataProducesAHistoryEntry() {
      Device device = registered(handheld(), false);
      DeviceData updated =
          DeviceData.mobile(
              DeviceFixtures.IMEI,
              "Zebra TC26",
              " 2.5.0 ",
              "g.bianchi",
              null,
              LocalDate.of(2026, 1, 15),
              "Palmare pattuglia");
      device.change(updated, ADMIN, T1, "Riassegnato");
      assertThat(device.data().appVersion()).isEqualTo("2.5.0");
      assertThat(device.data().assignedOfficer()).isEqualTo("g.bianchi");
      DeviceHistoryEntry entry = device.newEntries().get(1);
      assertThat(entry.kind()).isEqualTo(DeviceHistoryKind.TECHNICAL);
      assertThat(entry.at()).isEqualTo(T1);
      assertThat(entry.author()).isEqualTo(ADMIN);
      assertThat(entry.oldValue()).isEqualTo(handheld().summary()).contains("agente m.rossi");
      assertThat(entry.newValue()).contains("app 2.5.0", "agente g.bianchi");
      assertThat(entry.reason()).isEqualTo("Riassegnato");
    }

    @Test
    void theSameDataAfterNormalisationAreNoChange() {
      Device device = registered(handheld(), false);
      DeviceData same =
          DeviceData.mobile(
              " 4901 5420 3237 518 ",
              " Zebra TC26 ",
              "2.4.1",
              "M.ROSSI",
              "  ",
              LocalDate.of(2026, 1, 15),
              "Palmare pattuglia ");
      refused(() -> device.change(same, ADMIN, T1, "Nulla"), DeviceRule.NO_CHANGE);
      assertThat(device.newEntries()).hasSize(1);
    }

    @Test
    void theCategoryCannotChange() {
      Device device = registered(handheld(), false);
      assertThatThrownBy(() -> device.change(ztlGate(), ADMIN, T1, "Errore"))
          .isInstanceOfSatisfying(
              DeviceRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(DeviceRule.CATEGORY_REQUIRED))
          .hasMessageContaining("la categoria (mobile o fisso) non si cambia");
      assertThat(device.data()).isEqualTo(handheld());
      Device gate = registered(ztlGate(), false);
      refused(() -> gate.change(handheld(), ADMIN, T1, "Errore"), DeviceRule.CATEGORY_REQUIRED);
    }

    @Test
    void changedDataAreValidatedAndNeedAReason() {
      Device device = registered(ztlGate(), false);
      DeviceData noPlace =
          DeviceData.fixed(
              FixedDeviceType.ZTL_GATE,
              null,
              "Accessi ZTL",
              null,
              null,
              DownloadFrequency.DAILY,
              OutputFormat.XML,
              null);
      refused(() -> device.change(noPlace, ADMIN, T1, "Spostato"), DeviceRule.PLACE_REQUIRED);
      DeviceData moved =
          DeviceData.fixed(
              FixedDeviceType.ZTL_GATE,
              "ztl-centro-02",
              "Accessi ZTL",
              null,
              null,
              DownloadFrequency.DAILY,
              OutputFormat.XML,
              null);
      refused(() -> device.change(moved, ADMIN, T1, " "), DeviceRule.REASON_REQUIRED);
      assertThat(device.data()).isEqualTo(ztlGate());
      device.change(moved, ADMIN, T1, "Spostato");
      assertThat(device.data().placeCode()).isEqualTo("ZTL-CENTRO-02");
    }
  }

  @Nested
  class Certificates {

    @Test
    void aCertificateIsRecordedInTheHistoryOfAFixedDevice() {
      Device device = registered(speedCamera(), false);
      device.recordCertificate(certificate(), ADMIN, T1);
      DeviceHistoryEntry entry = device.newEntries().get(1);
      assertThat(entry.kind()).isEqualTo(DeviceHistoryKind.CERTIFICATE);
      assertThat(entry.oldValue()).isEmpty();
      assertThat(entry.newValue()).isEqualTo(certificate().summary()).contains("n. LAT-2026/118");
      assertThat(entry.reason()).isEqualTo("Nuovo certificato di taratura");
    }

    @Test
    void aMobileDeviceHasNoCertificates() {
      Device device = registered(handheld(), false);
      refused(
          () -> device.recordCertificate(certificate(), ADMIN, T1),
          DeviceRule.CERTIFICATE_FIXED_ONLY);
    }

    @Test
    void aCredentialEventNeedsAReason() {
      Device device = registered(handheld(), false);
      refused(
          () -> device.recordCredential("Credenziale emessa", ADMIN, T1, null),
          DeviceRule.REASON_REQUIRED);
      device.recordCredential("Credenziale emessa", ADMIN, T1, "Attivazione app");
      assertThat(device.newEntries().get(1))
          .isEqualTo(
              new DeviceHistoryEntry(
                  T1,
                  ADMIN,
                  DeviceHistoryKind.CREDENTIAL,
                  "",
                  "Credenziale emessa",
                  "Attivazione app"));
    }

    @Test
    void newEntriesAreACopyInOrder() {
      Device device = registered(speedCamera(), false);
      device.recordCertificate(certificate(), ADMIN, T1);
      device.changeStatus(DeviceStatus.ACTIVE, true, ADMIN, T1.plusSeconds(1), "Tarato");
      assertThat(device.newEntries())
          .extracting(DeviceHistoryEntry::kind)
          .containsExactly(
              DeviceHistoryKind.REGISTERED,
              DeviceHistoryKind.CERTIFICATE,
              DeviceHistoryKind.STATUS);
      assertThatThrownBy(() -> device.newEntries().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  static CalibrationCertificate certificate() {
    return new CalibrationCertificate(
        "LAT-2026/118",
        "Laboratorio LAT 123",
        LocalDate.of(2026, 11, 1),
        LocalDate.of(2027, 10, 31),
        "taratura.pdf",
        "ab".repeat(32));
  }
}
