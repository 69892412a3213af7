package it.ksanctions.devices.domain;

import java.time.LocalDate;

/**
 * A calibration certificate of a fixed device (DEV-3, DEV-8): number, issuer, calibration date and
 * last day of validity (inclusive), the PDF's file name and SHA-256.
 */
public record CalibrationCertificate(
    String number,
    String issuer,
    LocalDate calibratedOn,
    LocalDate validUntil,
    String fileName,
    String sha256) {

  /** The largest certificate file: 10 MB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /**
   * Checks a new certificate and its file.
   *
   * @param today the current day in Italy: a calibration cannot be in the future
   * @param pdf the file's content; must be a PDF ({@code %PDF-} header), not empty, at most 10 MB
   */
  public static void check(
      String number,
      String issuer,
      LocalDate calibratedOn,
      LocalDate validUntil,
      byte[] pdf,
      LocalDate today) {
    if (number == null || number.isBlank() || issuer == null || issuer.isBlank()) {
      throw new DeviceRuleException(DeviceRule.CERTIFICATE_NUMBER_REQUIRED);
    }
    if (number.strip().length() > 100 || issuer.strip().length() > 200) {
      throw new DeviceRuleException(DeviceRule.TEXT_TOO_LONG, "numero o ente del certificato");
    }
    if (calibratedOn == null
        || validUntil == null
        || calibratedOn.isAfter(today)
        || !validUntil.isAfter(calibratedOn)) {
      throw new DeviceRuleException(DeviceRule.CERTIFICATE_DATES);
    }
    if (pdf == null || pdf.length < 5 || pdf.length > MAX_BYTES || !isPdf(pdf)) {
      throw new DeviceRuleException(DeviceRule.CERTIFICATE_FILE);
    }
  }

  private static boolean isPdf(byte[] content) {
    return content[0] == '%'
        && content[1] == 'P'
        && content[2] == 'D'
        && content[3] == 'F'
        && content[4] == '-';
  }

  /** Whether the certificate covers {@code day}. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(calibratedOn) && !day.isAfter(validUntil);
  }

  public String summary() {
    return "n. "
        + number
        + " ("
        + issuer
        + "), taratura "
        + calibratedOn
        + ", valido fino al "
        + validUntil
        + ", file "
        + fileName;
  }
}
