package it.ksanctions.devices.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registered device: its code, status and current data, and the history entries its changes
 * produce (DEV-9). Rules: a decommissioned device is final; every change has an author and, after
 * registration, a reason; a device whose detections need calibration is active only with a current
 * certificate (DEV-8).
 */
public final class Device {

  private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9._-]{1,29}$");

  private final String code;
  private DeviceStatus status;
  private DeviceData data;
  private final List<DeviceHistoryEntry> newEntries = new ArrayList<>();

  private Device(String code, DeviceStatus status, DeviceData data) {
    this.code = code;
    this.status = status;
    this.data = data;
  }

  /** A device as stored. */
  public static Device of(String code, DeviceStatus status, DeviceData data) {
    return new Device(code, Objects.requireNonNull(status), Objects.requireNonNull(data));
  }

  /**
   * Registers a new device. It starts active, unless its detections need a calibration and no
   * current certificate comes with it: then it waits in maintenance.
   */
  public static Device register(
      String code, DeviceData data, boolean calibrationCurrent, String author, Instant at) {
    String normalised = normaliseCode(code);
    DeviceData valid = data == null ? null : data.validated();
    if (valid == null) {
      throw new DeviceRuleException(DeviceRule.CATEGORY_REQUIRED);
    }
    DeviceStatus initial =
        valid.calibrationRequired() && !calibrationCurrent
            ? DeviceStatus.MAINTENANCE
            : DeviceStatus.ACTIVE;
    Device device = new Device(normalised, initial, valid);
    device.newEntries.add(
        new DeviceHistoryEntry(
            at,
            author(author),
            DeviceHistoryKind.REGISTERED,
            "",
            initial.italianLabel() + " — " + valid.summary(),
            "Registrazione del dispositivo"));
    return device;
  }

  public static String normaliseCode(String code) {
    String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(upper).matches()) {
      throw new DeviceRuleException(DeviceRule.CODE_INVALID, upper);
    }
    return upper;
  }

  /** Changes the technical data (category cannot change: register another device instead). */
  public void change(DeviceData newData, String author, Instant at, String reason) {
    requireNotDecommissioned();
    DeviceData valid = newData.validated();
    if (valid.category() != data.category()) {
      throw new DeviceRuleException(
          DeviceRule.CATEGORY_REQUIRED, "la categoria (mobile o fisso) non si cambia");
    }
    if (valid.equals(data)) {
      throw new DeviceRuleException(DeviceRule.NO_CHANGE);
    }
    newEntries.add(
        new DeviceHistoryEntry(
            at,
            author(author),
            DeviceHistoryKind.TECHNICAL,
            data.summary(),
            valid.summary(),
            reason(reason)));
    data = valid;
  }

  /**
   * Changes the status. Decommissioning is final; activating a device that measures speed needs a
   * current calibration certificate.
   */
  public void changeStatus(
      DeviceStatus target, boolean calibrationCurrent, String author, Instant at, String reason) {
    requireNotDecommissioned();
    Objects.requireNonNull(target, "target");
    if (target == status) {
      throw new DeviceRuleException(DeviceRule.NO_CHANGE);
    }
    if (target == DeviceStatus.ACTIVE && data.calibrationRequired() && !calibrationCurrent) {
      throw new DeviceRuleException(DeviceRule.CALIBRATION_NOT_CURRENT, code);
    }
    newEntries.add(
        new DeviceHistoryEntry(
            at,
            author(author),
            DeviceHistoryKind.STATUS,
            status.italianLabel(),
            target.italianLabel(),
            reason(reason)));
    status = target;
  }

  /** Records in the history that a certificate was added (kept by the application layer). */
  public void recordCertificate(CalibrationCertificate certificate, String author, Instant at) {
    requireNotDecommissioned();
    if (data.category() != DeviceCategory.FIXED) {
      throw new DeviceRuleException(DeviceRule.CERTIFICATE_FIXED_ONLY);
    }
    newEntries.add(
        new DeviceHistoryEntry(
            at,
            author(author),
            DeviceHistoryKind.CERTIFICATE,
            "",
            certificate.summary(),
            "Nuovo certificato di taratura"));
  }

  /** Records a credential event (issued, renewed, revoked) in the history. */
  public void recordCredential(String event, String author, Instant at, String reason) {
    newEntries.add(
        new DeviceHistoryEntry(
            at, author(author), DeviceHistoryKind.CREDENTIAL, "", event, reason(reason)));
  }

  private void requireNotDecommissioned() {
    if (status == DeviceStatus.DECOMMISSIONED) {
      throw new DeviceRuleException(DeviceRule.DECOMMISSIONED, code);
    }
  }

  private static String author(String author) {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("A device change needs its author");
    }
    return author.strip();
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new DeviceRuleException(DeviceRule.REASON_REQUIRED);
    }
    String trimmed = reason.strip();
    if (trimmed.length() > 500) {
      throw new DeviceRuleException(DeviceRule.TEXT_TOO_LONG, "motivazione oltre 500 caratteri");
    }
    return trimmed;
  }

  public String code() {
    return code;
  }

  public DeviceStatus status() {
    return status;
  }

  public DeviceData data() {
    return data;
  }

  /** History entries produced since this object was made, oldest first. */
  public List<DeviceHistoryEntry> newEntries() {
    return List.copyOf(newEntries);
  }
}
