package it.ksanctions.devices;

import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import java.io.Serializable;
import java.time.LocalDate;

/** The fields of the device form, bound by the Devices page. */
public class DeviceForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String code;
  private DeviceCategory category = DeviceCategory.FIXED;
  private String description;
  private String identifier;
  private String model;
  private String appVersion;
  private String assignedOfficer;
  private String assignedDepartment;
  private LocalDate activationDate;
  private FixedDeviceType type;
  private String placeCode;
  private String detectionCategory;
  private String technicalManager;
  private String manufacturer;
  private DownloadFrequency downloadFrequency;
  private OutputFormat outputFormat;

  static DeviceForm of(String code, DeviceData d) {
    DeviceForm f = new DeviceForm();
    f.code = code;
    f.category = d.category();
    f.description = d.description();
    f.identifier = d.identifier();
    f.model = d.model();
    f.appVersion = d.appVersion();
    f.assignedOfficer = d.assignedOfficer();
    f.assignedDepartment = d.assignedDepartment();
    f.activationDate = d.activationDate();
    f.type = d.type();
    f.placeCode = d.placeCode();
    f.detectionCategory = d.detectionCategory();
    f.technicalManager = d.technicalManager();
    f.manufacturer = d.manufacturer();
    f.downloadFrequency = d.downloadFrequency();
    f.outputFormat = d.outputFormat();
    return f;
  }

  DeviceData data() {
    return category == DeviceCategory.MOBILE
        ? DeviceData.mobile(
            identifier,
            model,
            appVersion,
            assignedOfficer,
            assignedDepartment,
            activationDate,
            description)
        : DeviceData.fixed(
            type,
            placeCode,
            detectionCategory,
            technicalManager,
            manufacturer,
            downloadFrequency,
            outputFormat,
            description);
  }

  public boolean isMobile() {
    return category == DeviceCategory.MOBILE;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String v) {
    code = v;
  }

  public DeviceCategory getCategory() {
    return category;
  }

  public void setCategory(DeviceCategory v) {
    category = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }

  public String getIdentifier() {
    return identifier;
  }

  public void setIdentifier(String v) {
    identifier = v;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String v) {
    model = v;
  }

  public String getAppVersion() {
    return appVersion;
  }

  public void setAppVersion(String v) {
    appVersion = v;
  }

  public String getAssignedOfficer() {
    return assignedOfficer;
  }

  public void setAssignedOfficer(String v) {
    assignedOfficer = v;
  }

  public String getAssignedDepartment() {
    return assignedDepartment;
  }

  public void setAssignedDepartment(String v) {
    assignedDepartment = v;
  }

  public LocalDate getActivationDate() {
    return activationDate;
  }

  public void setActivationDate(LocalDate v) {
    activationDate = v;
  }

  public FixedDeviceType getType() {
    return type;
  }

  public void setType(FixedDeviceType v) {
    type = v;
  }

  public String getPlaceCode() {
    return placeCode;
  }

  public void setPlaceCode(String v) {
    placeCode = v;
  }

  public String getDetectionCategory() {
    return detectionCategory;
  }

  public void setDetectionCategory(String v) {
    detectionCategory = v;
  }

  public String getTechnicalManager() {
    return technicalManager;
  }

  public void setTechnicalManager(String v) {
    technicalManager = v;
  }

  public String getManufacturer() {
    return manufacturer;
  }

  public void setManufacturer(String v) {
    manufacturer = v;
  }

  public DownloadFrequency getDownloadFrequency() {
    return downloadFrequency;
  }

  public void setDownloadFrequency(DownloadFrequency v) {
    downloadFrequency = v;
  }

  public OutputFormat getOutputFormat() {
    return outputFormat;
  }

  public void setOutputFormat(OutputFormat v) {
    outputFormat = v;
  }
}
