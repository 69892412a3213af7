package it.ksanctions.devices.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The technical and administrative data of a device. Mobile devices (DEV-2) use the mobile fields,
 * fixed devices (DEV-3) the fixed ones; {@link #validated()} checks the fields of the category,
 * drops those of the other one and trims text.
 *
 * @param identifier IMEI, serial number or internal id of a mobile device
 * @param assignedOfficer username of the officer the mobile device is assigned to
 * @param assignedDepartment department the mobile device is assigned to (officer or department)
 * @param placeCode the coded place (Places module) where a fixed device is installed
 * @param detectionCategory what a fixed device detects, e.g. "Velocità", "Accessi ZTL"
 * @param technicalManager the technical manager or external vendor of a fixed device
 */
public record DeviceData(
    DeviceCategory category,
    String description,
    String identifier,
    String model,
    String appVersion,
    String assignedOfficer,
    String assignedDepartment,
    LocalDate activationDate,
    FixedDeviceType type,
    String placeCode,
    String detectionCategory,
    String technicalManager,
    String manufacturer,
    DownloadFrequency downloadFrequency,
    OutputFormat outputFormat) {

  private static final int MAX_TEXT = 200;

  /** A mobile device's data. */
  public static DeviceData mobile(
      String identifier,
      String model,
      String appVersion,
      String assignedOfficer,
      String assignedDepartment,
      LocalDate activationDate,
      String description) {
    return new DeviceData(
        DeviceCategory.MOBILE,
        description,
        identifier,
        model,
        appVersion,
        assignedOfficer,
        assignedDepartment,
        activationDate,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A fixed or automatic device's data. */
  public static DeviceData fixed(
      FixedDeviceType type,
      String placeCode,
      String detectionCategory,
      String technicalManager,
      String manufacturer,
      DownloadFrequency downloadFrequency,
      OutputFormat outputFormat,
      String description) {
    return new DeviceData(
        DeviceCategory.FIXED,
        description,
        null,
        null,
        null,
        null,
        null,
        null,
        type,
        placeCode,
        detectionCategory,
        technicalManager,
        manufacturer,
        downloadFrequency,
        outputFormat);
  }

  public boolean isMobile() {
    return category == DeviceCategory.MOBILE;
  }

  /** Whether detections of this device need a current calibration certificate (DEV-8). */
  public boolean calibrationRequired() {
    return category == DeviceCategory.FIXED && type != null && type.calibrationRequired();
  }

  /**
   * The data checked against the rules of their category, with text trimmed and the other
   * category's fields cleared.
   *
   * @throws DeviceRuleException naming the first rule broken
   */
  public DeviceData validated() {
    if (category == null) {
      throw new DeviceRuleException(DeviceRule.CATEGORY_REQUIRED);
    }
    String description = text(this.description);
    if (category == DeviceCategory.MOBILE) {
      String identifier = text(this.identifier);
      if (identifier == null) {
        throw new DeviceRuleException(DeviceRule.IDENTIFIER_REQUIRED);
      }
      identifier = identifier.replace(" ", "").toUpperCase(Locale.ROOT);
      if (identifier.matches("\\d{15}") && !luhn(identifier)) {
        throw new DeviceRuleException(DeviceRule.IMEI_INVALID, identifier);
      }
      if (!identifier.matches("[A-Z0-9._:/-]{4,64}")) {
        throw new DeviceRuleException(
            DeviceRule.IDENTIFIER_REQUIRED, "4-64 lettere, cifre o . _ : / - : " + identifier);
      }
      String model = text(this.model);
      if (model == null) {
        throw new DeviceRuleException(DeviceRule.MODEL_REQUIRED);
      }
      String officer = text(assignedOfficer);
      String department = text(assignedDepartment);
      if (officer == null && department == null) {
        throw new DeviceRuleException(DeviceRule.ASSIGNEE_REQUIRED);
      }
      return mobile(
          identifier,
          model,
          text(appVersion),
          officer == null ? null : officer.toLowerCase(Locale.ROOT),
          department == null ? null : department.toUpperCase(Locale.ROOT),
          activationDate,
          description);
    }
    if (type == null) {
      throw new DeviceRuleException(DeviceRule.TYPE_REQUIRED);
    }
    String place = text(placeCode);
    if (place == null) {
      throw new DeviceRuleException(DeviceRule.PLACE_REQUIRED);
    }
    String detection = text(detectionCategory);
    if (detection == null) {
      throw new DeviceRuleException(DeviceRule.DETECTION_CATEGORY_REQUIRED);
    }
    if (downloadFrequency == null || outputFormat == null) {
      throw new DeviceRuleException(DeviceRule.DOWNLOAD_SETTINGS_REQUIRED);
    }
    return fixed(
        type,
        place.toUpperCase(Locale.ROOT),
        detection,
        text(technicalManager),
        text(manufacturer),
        downloadFrequency,
        outputFormat,
        description);
  }

  /** A one-line summary for the history (old and new value). */
  public String summary() {
    StringJoiner parts = new StringJoiner("; ");
    if (isMobile()) {
      parts.add("id " + identifier).add("modello " + model);
      add(parts, "app", appVersion);
      add(parts, "agente", assignedOfficer);
      add(parts, "reparto", assignedDepartment);
      add(parts, "attivazione", activationDate == null ? null : activationDate.toString());
    } else {
      parts.add(type == null ? "?" : type.italianLabel()).add("luogo " + placeCode);
      add(parts, "rilevazione", detectionCategory);
      add(parts, "gestore", technicalManager);
      add(parts, "produttore", manufacturer);
      add(parts, "scarico", downloadFrequency == null ? null : downloadFrequency.italianLabel());
      add(parts, "formato", outputFormat == null ? null : outputFormat.italianLabel());
    }
    add(parts, "descrizione", description);
    return parts.toString();
  }

  private static void add(StringJoiner parts, String label, String value) {
    if (value != null && !value.isBlank()) {
      parts.add(label + " " + value);
    }
  }

  private static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_TEXT) {
      throw new DeviceRuleException(
          DeviceRule.TEXT_TOO_LONG, "al massimo " + MAX_TEXT + " caratteri per campo");
    }
    return trimmed;
  }

  /** The Luhn check digit test IMEIs use. */
  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
