package it.ksanctions.devices.domain;

import static it.ksanctions.devices.domain.DeviceFixtures.IMEI;
import static it.ksanctions.devices.domain.DeviceFixtures.handheld;
import static it.ksanctions.devices.domain.DeviceFixtures.refused;
import static it.ksanctions.devices.domain.DeviceFixtures.speedCamera;
import static it.ksanctions.devices.domain.DeviceFixtures.ztlGate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceDataTest {

  static DeviceData mobile(String identifier, String model, String officer, String department) {
    return DeviceData.mobile(identifier, model, null, officer, department, null, null);
  }

  static DeviceData fixed(
      FixedDeviceType type,
      String place,
      String detection,
      DownloadFrequency frequency,
      OutputFormat format) {
    return DeviceData.fixed(type, place, detection, null, null, frequency, format, null);
  }

  @Test
  void theCategoryIsRequired() {
    DeviceData none =
        new DeviceData(
            null, "x", IMEI, "m", null, "a", null, null, null, null, null, null, null, null, null);
    refused(none::validated, DeviceRule.CATEGORY_REQUIRED);
  }

  @Nested
  class Mobile {

    @Test
    void aCompleteMobileDeviceIsValid() {
      DeviceData valid = handheld().validated();
      assertThat(valid).isEqualTo(handheld());
      assertThat(valid.isMobile()).isTrue();
      assertThat(valid.calibrationRequired()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMobileDeviceNeedsItsIdentifier(String identifier) {
      refused(
          () -> mobile(identifier, "TC26", "m.rossi", null).validated(),
          DeviceRule.IDENTIFIER_REQUIRED);
      refused(
          () -> mobile(null, "TC26", "m.rossi", null).validated(), DeviceRule.IDENTIFIER_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB1", "SN#12345", "SERIALE CON ÀCCENTO", "ID*42"})
    void anIdentifierIsFourToSixtyFourPlainCharacters(String identifier) {
      refused(
          () -> mobile(identifier, "TC26", "m.rossi", null).validated(),
          DeviceRule.IDENTIFIER_REQUIRED);
    }

    @Test
    void anIdentifierOfSixtyFiveCharactersIsRefusedAndSixtyFourAccepted() {
      refused(
          () -> mobile("A".repeat(65), "TC26", "m.rossi", null).validated(),
          DeviceRule.IDENTIFIER_REQUIRED);
      assertThat(mobile("A".repeat(64), "TC26", "m.rossi", null).validated().identifier())
          .hasSize(64);
    }

    @Test
    void aMobileDeviceNeedsItsModel() {
      refused(() -> mobile(IMEI, null, "m.rossi", null).validated(), DeviceRule.MODEL_REQUIRED);
      refused(() -> mobile(IMEI, " ", "m.rossi", null).validated(), DeviceRule.MODEL_REQUIRED);
    }

    @Test
    void aMobileDeviceIsAssignedToAnOfficerOrADepartment() {
      refused(() -> mobile(IMEI, "TC26", null, null).validated(), DeviceRule.ASSIGNEE_REQUIRED);
      refused(() -> mobile(IMEI, "TC26", " ", "\t").validated(), DeviceRule.ASSIGNEE_REQUIRED);
      assertThat(mobile(IMEI, "TC26", "M.Rossi", null).validated().assignedOfficer())
          .isEqualTo("m.rossi");
      DeviceData toDepartment = mobile(IMEI, "TC26", null, " Viabilità ").validated();
      assertThat(toDepartment.assignedDepartment()).isEqualTo("VIABILITÀ");
      assertThat(toDepartment.assignedOfficer()).isNull();
    }

    @Test
    void aFifteenDigitImeiMustPassTheLuhnCheck() {
      assertThat(mobile("490154203237518", "TC26", "m.rossi", null).validated().identifier())
          .isEqualTo("490154203237518");
      refused(
          () -> mobile("490154203237519", "TC26", "m.rossi", null).validated(),
          DeviceRule.IMEI_INVALID);
      assertThat(DeviceData.luhn("490154203237518")).isTrue();
      assertThat(DeviceData.luhn("490154203237519")).isFalse();
      assertThat(DeviceData.luhn("356938035643809")).isTrue();
      assertThat(DeviceData.luhn("79927398713")).isTrue();
    }

    @Test
    void theImeiIsCheckedAfterRemovingSpaces() {
      assertThat(mobile(" 49015 420323 7518 ", "TC26", "m.rossi", null).validated().identifier())
          .isEqualTo(IMEI);
      refused(
          () -> mobile("49015 420323 7519", "TC26", "m.rossi", null).validated(),
          DeviceRule.IMEI_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4901542032375190", "49015420323751", "SN490154203237519"})
    void otherDigitCountsAreSerialNumbersWithoutLuhnCheck(String identifier) {
      assertThat(mobile(identifier, "TC26", "m.rossi", null).validated().identifier())
          .isEqualTo(identifier);
    }

    @Test
    void identifiersAreNormalisedWithoutSpacesAndInUpperCase() {
      assertThat(mobile(" sn 12ab-34 cd ", "TC26", "m.rossi", null).validated().identifier())
          .isEqualTo("SN12AB-34CD");
      assertThat(mobile("tab.042/lt:01_x", "TC26", "m.rossi", null).validated().identifier())
          .isEqualTo("TAB.042/LT:01_X");
    }

    @Test
    void textIsTrimmedAndBlankTextBecomesNull() {
      DeviceData valid =
          DeviceData.mobile(
                  IMEI, "  Zebra TC26 ", " ", "m.rossi", null, LocalDate.of(2026, 1, 1), "  ")
              .validated();
      assertThat(valid.model()).isEqualTo("Zebra TC26");
      assertThat(valid.appVersion()).isNull();
      assertThat(valid.description()).isNull();
      assertThat(valid.activationDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void theFixedFieldsOfAMobileDeviceAreCleared() {
      DeviceData mixed =
          new DeviceData(
              DeviceCategory.MOBILE,
              null,
              IMEI,
              "TC26",
              "2.4",
              "m.rossi",
              null,
              null,
              FixedDeviceType.SPEED_CAMERA,
              "SS148",
              "Velocità",
              "Vendor",
              "Maker",
              DownloadFrequency.DAILY,
              OutputFormat.JSON);
      DeviceData valid = mixed.validated();
      assertThat(valid.type()).isNull();
      assertThat(valid.placeCode()).isNull();
      assertThat(valid.detectionCategory()).isNull();
      assertThat(valid.technicalManager()).isNull();
      assertThat(valid.manufacturer()).isNull();
      assertThat(valid.downloadFrequency()).isNull();
      assertThat(valid.outputFormat()).isNull();
      assertThat(valid.calibrationRequired()).isFalse();
    }
  }

  @Nested
  class Fixed {

    @Test
    void aCompleteFixedDeviceIsValid() {
      DeviceData valid = speedCamera().validated();
      assertThat(valid).isEqualTo(speedCamera());
      assertThat(valid.isMobile()).isFalse();
      assertThat(valid.category()).isEqualTo(DeviceCategory.FIXED);
    }

    @Test
    void aFixedDeviceNeedsItsType() {
      refused(
          () ->
              fixed(null, "SS148", "Velocità", DownloadFrequency.DAILY, OutputFormat.CSV)
                  .validated(),
          DeviceRule.TYPE_REQUIRED);
    }

    @Test
    void aFixedDeviceNeedsACodedPlace() {
      refused(
          () ->
              fixed(
                      FixedDeviceType.ZTL_GATE,
                      null,
                      "ZTL",
                      DownloadFrequency.DAILY,
                      OutputFormat.CSV)
                  .validated(),
          DeviceRule.PLACE_REQUIRED);
      refused(
          () ->
              fixed(
                      FixedDeviceType.ZTL_GATE,
                      "  ",
                      "ZTL",
                      DownloadFrequency.DAILY,
                      OutputFormat.CSV)
                  .validated(),
          DeviceRule.PLACE_REQUIRED);
    }

    @Test
    void aFixedDeviceNeedsADetectionCategory() {
      refused(
          () ->
              fixed(FixedDeviceType.ZTL_GATE, "Z1", " ", DownloadFrequency.DAILY, OutputFormat.CSV)
                  .validated(),
          DeviceRule.DETECTION_CATEGORY_REQUIRED);
    }

    @Test
    void aFixedDeviceNeedsDownloadFrequencyAndOutputFormat() {
      refused(
          () -> fixed(FixedDeviceType.ZTL_GATE, "Z1", "ZTL", null, OutputFormat.CSV).validated(),
          DeviceRule.DOWNLOAD_SETTINGS_REQUIRED);
      refused(
          () ->
              fixed(FixedDeviceType.ZTL_GATE, "Z1", "ZTL", DownloadFrequency.MONTHLY, null)
                  .validated(),
          DeviceRule.DOWNLOAD_SETTINGS_REQUIRED);
    }

    @Test
    void thePlaceCodeIsUpperCaseAndTextIsTrimmed() {
      DeviceData valid =
          DeviceData.fixed(
                  FixedDeviceType.RED_LIGHT_CAMERA,
                  " vr-001 ",
                  " Semaforo rosso ",
                  "  ",
                  " Kria ",
                  DownloadFrequency.DAILY,
                  OutputFormat.EXCEL,
                  " Incrocio Via Roma ")
              .validated();
      assertThat(valid.placeCode()).isEqualTo("VR-001");
      assertThat(valid.detectionCategory()).isEqualTo("Semaforo rosso");
      assertThat(valid.technicalManager()).isNull();
      assertThat(valid.manufacturer()).isEqualTo("Kria");
      assertThat(valid.description()).isEqualTo("Incrocio Via Roma");
    }

    @Test
    void theMobileFieldsOfAFixedDeviceAreCleared() {
      DeviceData mixed =
          new DeviceData(
              DeviceCategory.FIXED,
              null,
              IMEI,
              "TC26",
              "2.4",
              "m.rossi",
              "VIABILITÀ",
              LocalDate.of(2026, 1, 1),
              FixedDeviceType.ZTL_GATE,
              "Z1",
              "ZTL",
              null,
              null,
              DownloadFrequency.DAILY,
              OutputFormat.JSON);
      DeviceData valid = mixed.validated();
      assertThat(valid.identifier()).isNull();
      assertThat(valid.model()).isNull();
      assertThat(valid.appVersion()).isNull();
      assertThat(valid.assignedOfficer()).isNull();
      assertThat(valid.assignedDepartment()).isNull();
      assertThat(valid.activationDate()).isNull();
      assertThat(valid.type()).isEqualTo(FixedDeviceType.ZTL_GATE);
    }

    @ParameterizedTest
    @EnumSource(
        value = FixedDeviceType.class,
        names = {"SPEED_CAMERA", "AVERAGE_SPEED"})
    void speedDevicesNeedCalibration(FixedDeviceType type) {
      assertThat(DeviceFixtures.fixed(type).calibrationRequired()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
        value = FixedDeviceType.class,
        names = {"SPEED_CAMERA", "AVERAGE_SPEED"},
        mode = EnumSource.Mode.EXCLUDE)
    void otherDevicesNeedNoCalibration(FixedDeviceType type) {
      assertThat(DeviceFixtures.fixed(type).calibrationRequired()).isFalse();
    }
  }

  @Nested
  class Text {

    @Test
    void textOverTwoHundredCharactersIsRefused() {
      String tooLong = "x".repeat(201);
      refused(
          () -> DeviceData.mobile(IMEI, tooLong, null, "m.rossi", null, null, null).validated(),
          DeviceRule.TEXT_TOO_LONG);
      refused(
          () -> DeviceData.mobile(IMEI, "TC26", null, "m.rossi", null, null, tooLong).validated(),
          DeviceRule.TEXT_TOO_LONG);
      refused(
          () ->
              DeviceData.fixed(
                      FixedDeviceType.ZTL_GATE,
                      "Z1",
                      "ZTL",
                      tooLong,
                      null,
                      DownloadFrequency.DAILY,
                      OutputFormat.CSV,
                      null)
                  .validated(),
          DeviceRule.TEXT_TOO_LONG);
    }

    @Test
    void twoHundredCharactersAfterTrimmingAreAccepted() {
      String limit = "x".repeat(200);
      DeviceData valid =
          DeviceData.mobile(IMEI, "  " + limit + "  ", null, "m.rossi", null, null, limit)
              .validated();
      assertThat(valid.model()).hasSize(200);
      assertThat(valid.description()).hasSize(200);
    }

    @Test
    void theSummaryNamesTheMainFields() {
      assertThat(handheld().summary())
          .isEqualTo(
              "id "
                  + IMEI
                  + "; modello Zebra TC26; app 2.4.1; agente m.rossi; attivazione 2026-01-15;"
                  + " descrizione Palmare pattuglia");
      assertThat(ztlGate().validated().summary())
          .isEqualTo(
              "Varco ZTL; luogo ZTL-CENTRO-01; rilevazione Accessi ZTL; scarico Giornaliera;"
                  + " formato XML");
    }
  }
}
