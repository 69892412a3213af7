package it.ksanctions.devices.infrastructure;

import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** Storage of a {@link Device}: its status, current data and the time of its last contacts. */
@Entity
@Table(name = "device")
public class DeviceRow {

  @Id private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeviceCategory category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeviceStatus status;

  private String description;
  private String identifier;
  private String model;

  @Column(name = "app_version")
  private String appVersion;

  @Column(name = "assigned_officer")
  private String assignedOfficer;

  @Column(name = "assigned_department")
  private String assignedDepartment;

  @Column(name = "activation_date")
  private LocalDate activationDate;

  @Column(name = "last_sync_at")
  private Instant lastSyncAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "fixed_type")
  private FixedDeviceType fixedType;

  @Column(name = "place_code")
  private String placeCode;

  @Column(name = "detection_category")
  private String detectionCategory;

  @Column(name = "technical_manager")
  private String technicalManager;

  private String manufacturer;

  @Enumerated(EnumType.STRING)
  @Column(name = "download_frequency")
  private DownloadFrequency downloadFrequency;

  @Enumerated(EnumType.STRING)
  @Column(name = "output_format")
  private OutputFormat outputFormat;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected DeviceRow() {}

  public static DeviceRow of(Device device, Instant at) {
    DeviceRow row = new DeviceRow();
    row.code = device.code();
    row.category = device.data().category();
    row.createdAt = at;
    row.update(device, at);
    return row;
  }

  public void update(Device device, Instant at) {
    DeviceData d = device.data();
    status = device.status();
    description = d.description();
    identifier = d.identifier();
    model = d.model();
    appVersion = d.appVersion();
    assignedOfficer = d.assignedOfficer();
    assignedDepartment = d.assignedDepartment();
    activationDate = d.activationDate();
    fixedType = d.type();
    placeCode = d.placeCode();
    detectionCategory = d.detectionCategory();
    technicalManager = d.technicalManager();
    manufacturer = d.manufacturer();
    downloadFrequency = d.downloadFrequency();
    outputFormat = d.outputFormat();
    updatedAt = at;
  }

  public Device toDomain() {
    return Device.of(code, status, data());
  }

  public DeviceData data() {
    return new DeviceData(
        category,
        description,
        identifier,
        model,
        appVersion,
        assignedOfficer,
        assignedDepartment,
        activationDate,
        fixedType,
        placeCode,
        detectionCategory,
        technicalManager,
        manufacturer,
        downloadFrequency,
        outputFormat);
  }

  /** A successful sync: the time and the app version the device reported. */
  public void synchronised(Instant at, String reportedAppVersion) {
    lastSyncAt = at;
    if (reportedAppVersion != null && !reportedAppVersion.isBlank()) {
      appVersion =
          reportedAppVersion
              .strip()
              .substring(0, Math.min(60, reportedAppVersion.strip().length()));
    }
  }

  public String code() {
    return code;
  }

  public DeviceStatus status() {
    return status;
  }

  public DeviceCategory category() {
    return category;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant lastSyncAt() {
    return lastSyncAt;
  }
}
