package it.ksanctions.devices.domain;

import static it.ksanctions.devices.domain.DeviceFixtures.TODAY;
import static it.ksanctions.devices.domain.DeviceFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibrationCertificateTest {

  static final LocalDate CALIBRATED = LocalDate.of(2026, 11, 1);
  static final LocalDate VALID_UNTIL = LocalDate.of(2027, 10, 31);
  static final byte[] PDF =
      "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

  static void check(LocalDate calibratedOn, LocalDate validUntil, byte[] pdf) {
    CalibrationCertificate.check(
        "LAT-2026/118", "Laboratorio LAT 123", calibratedOn, validUntil, pdf, TODAY);
  }

  static byte[] pdfOfSize(int size) {
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) ' ');
    System.arraycopy(PDF, 0, content, 0, Math.min(5, size));
    return content;
  }

  static CalibrationCertificate certificate(LocalDate calibratedOn, LocalDate validUntil) {
    return new CalibrationCertificate(
        "LAT-2026/118", "Laboratorio LAT 123", calibratedOn, validUntil, "taratura.pdf", "00");
  }

  @Nested
  class Check {

    @Test
    void aCompleteCertificatePasses() {
      assertThatCode(() -> check(CALIBRATED, VALID_UNTIL, PDF)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
        nullValues = "NULL",
        value = {
          "NULL,Laboratorio",
          "'',Laboratorio",
          "'  ',Laboratorio",
          "LAT-1,NULL",
          "LAT-1,''",
          "LAT-1,' '"
        })
    void numberAndIssuerAreRequired(String number, String issuer) {
      refused(
          () -> CalibrationCertificate.check(number, issuer, CALIBRATED, VALID_UNTIL, PDF, TODAY),
          DeviceRule.CERTIFICATE_NUMBER_REQUIRED);
    }

    @Test
    void numberAndIssuerHaveAMaximumLength() {
      refused(
          () ->
              CalibrationCertificate.check(
                  "1".repeat(101), "Laboratorio", CALIBRATED, VALID_UNTIL, PDF, TODAY),
          DeviceRule.TEXT_TOO_LONG);
      refused(
          () ->
              CalibrationCertificate.check(
                  "LAT-1", "x".repeat(201), CALIBRATED, VALID_UNTIL, PDF, TODAY),
          DeviceRule.TEXT_TOO_LONG);
      assertThatCode(
              () ->
                  CalibrationCertificate.check(
                      " " + "1".repeat(100) + " ",
                      "x".repeat(200),
                      CALIBRATED,
                      VALID_UNTIL,
                      PDF,
                      TODAY))
          .doesNotThrowAnyException();
    }

    @Test
    void theCalibrationIsNotInTheFuture() {
      refused(() -> check(TODAY.plusDays(1), VALID_UNTIL, PDF), DeviceRule.CERTIFICATE_DATES);
      assertThatCode(() -> check(TODAY, VALID_UNTIL, PDF)).doesNotThrowAnyException();
    }

    @Test
    void theValidityFollowsTheCalibration() {
      refused(() -> check(CALIBRATED, CALIBRATED, PDF), DeviceRule.CERTIFICATE_DATES);
      refused(() -> check(CALIBRATED, CALIBRATED.minusDays(1), PDF), DeviceRule.CERTIFICATE_DATES);
      assertThatCode(() -> check(CALIBRATED, CALIBRATED.plusDays(1), PDF))
          .doesNotThrowAnyException();
    }

    @Test
    void anAlreadyExpiredCertificateCanBeRecordedForTheHistory() {
      assertThatCode(() -> check(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 10, 31), PDF))
          .doesNotThrowAnyException();
    }

    @Test
    void bothDatesAreRequired() {
      refused(() -> check(null, VALID_UNTIL, PDF), DeviceRule.CERTIFICATE_DATES);
      refused(() -> check(CALIBRATED, null, PDF), DeviceRule.CERTIFICATE_DATES);
    }

    @Test
    void theFileMustBeAPdf() {
      refused(
          () ->
              check(
                  CALIBRATED,
                  VALID_UNTIL,
                  "PK\u0003\u0004zip".getBytes(StandardCharsets.ISO_8859_1)),
          DeviceRule.CERTIFICATE_FILE);
      refused(
          () -> check(CALIBRATED, VALID_UNTIL, "%PDF 1.7".getBytes(StandardCharsets.US_ASCII)),
          DeviceRule.CERTIFICATE_FILE);
      refused(
          () -> check(CALIBRATED, VALID_UNTIL, "%pdf-1.7".getBytes(StandardCharsets.US_ASCII)),
          DeviceRule.CERTIFICATE_FILE);
      refused(
          () -> check(CALIBRATED, VALID_UNTIL, " %PDF-1.7".getBytes(StandardCharsets.US_ASCII)),
          DeviceRule.CERTIFICATE_FILE);
    }

    @Test
    void theFileMustNotBeEmpty() {
      refused(() -> check(CALIBRATED, VALID_UNTIL, null), DeviceRule.CERTIFICATE_FILE);
      refused(() -> check(CALIBRATED, VALID_UNTIL, new byte[0]), DeviceRule.CERTIFICATE_FILE);
      refused(
          () -> check(CALIBRATED, VALID_UNTIL, "%PDF".getBytes(StandardCharsets.US_ASCII)),
          DeviceRule.CERTIFICATE_FILE);
      assertThatCode(() -> check(CALIBRATED, VALID_UNTIL, pdfOfSize(5))).doesNotThrowAnyException();
    }

    @Test
    void theFileIsAtMostTenMegabytes() {
      assertThat(CalibrationCertificate.MAX_BYTES).isEqualTo(10_485_760);
      assertThatCode(() -> check(CALIBRATED, VALID_UNTIL, pdfOfSize(10 * 1024 * 1024)))
          .doesNotThrowAnyException();
      refused(
          () -> check(CALIBRATED, VALID_UNTIL, pdfOfSize(10 * 1024 * 1024 + 1)),
          DeviceRule.CERTIFICATE_FILE);
    }

    @Test
    void theNumberIsCheckedBeforeDatesAndDatesBeforeTheFile() {
      refused(
          () -> CalibrationCertificate.check(" ", "Lab", null, null, null, TODAY),
          DeviceRule.CERTIFICATE_NUMBER_REQUIRED);
      refused(
          () -> CalibrationCertificate.check("LAT-1", "Lab", null, null, null, TODAY),
          DeviceRule.CERTIFICATE_DATES);
    }
  }

  @Nested
  class Coverage {

    @Test
    void aCertificateCoversItsBoundsInclusive() {
      CalibrationCertificate certificate = certificate(CALIBRATED, VALID_UNTIL);
      assertThat(certificate.covers(CALIBRATED)).isTrue();
      assertThat(certificate.covers(VALID_UNTIL)).isTrue();
      assertThat(certificate.covers(LocalDate.of(2027, 3, 15))).isTrue();
      assertThat(certificate.covers(CALIBRATED.minusDays(1))).isFalse();
      assertThat(certificate.covers(VALID_UNTIL.plusDays(1))).isFalse();
    }

    @Test
    void theSummaryNamesNumberIssuerDatesAndFile() {
      assertThat(certificate(CALIBRATED, VALID_UNTIL).summary())
          .isEqualTo(
              "n. LAT-2026/118 (Laboratorio LAT 123), taratura 2026-11-01, valido fino al"
                  + " 2027-10-31, file taratura.pdf");
    }
  }
}
