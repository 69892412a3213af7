package it.ksanctions.devices;

import it.ksanctions.devices.application.CalibrationCertificates;
import it.ksanctions.devices.application.CalibrationCertificates.NewCertificate;
import it.ksanctions.devices.application.DeviceCredentials;
import it.ksanctions.devices.application.DeviceDownloads;
import it.ksanctions.devices.application.DeviceDownloads.NewDownload;
import it.ksanctions.devices.application.DeviceMonitoring;
import it.ksanctions.devices.application.DeviceMonitoring.DeviceDetail;
import it.ksanctions.devices.application.DeviceMonitoring.DeviceView;
import it.ksanctions.devices.application.DeviceMonitoring.Filter;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.DownloadOutcome;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * Devices (DEV-1..9): search, register a mobile or fixed device (a fixed one with its first
 * calibration certificate), change its data or status, add certificates, register downloads, issue
 * activation codes and revoke credentials; the detail shows every history.
 */
@Named
@ViewScoped
public class DevicesView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Inject DeviceRegistry registry;
  @Inject DeviceMonitoring monitoring;
  @Inject CalibrationCertificates certificates;
  @Inject DeviceDownloads downloads;
  @Inject DeviceCredentials credentials;

  private String text;
  private DeviceCategory categoryFilter;
  private DeviceStatus statusFilter;
  private List<DeviceView> results = List.of();

  private DeviceDetail selected;
  private boolean creating;
  private DeviceForm form = new DeviceForm();
  private String reason;

  private String certificateNumber;
  private String certificateIssuer;
  private LocalDate calibratedOn;
  private LocalDate validUntil;
  private transient UploadedFile certificateFile;

  private DeviceStatus targetStatus;
  private String statusReason;

  private LocalDateTime downloadedAt;
  private String operator;
  private DownloadOutcome outcome;
  private String downloadNotes;
  private transient UploadedFile downloadFile;

  private String activationCode;
  private String revokeReason;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    List<DeviceView> found =
        Feedback.attempt(
            () -> monitoring.search(new Filter(text, categoryFilter, statusFilter)), null);
    results = found == null ? List.of() : found;
  }

  public void startNew() {
    selected = null;
    creating = true;
    form = new DeviceForm();
    reason = null;
    clearCertificate();
  }

  public void open(String code) {
    DeviceDetail detail = Feedback.attempt(() -> monitoring.detail(code), null);
    if (detail == null) {
      return;
    }
    selected = detail;
    creating = false;
    form = DeviceForm.of(detail.device().code(), detail.device().data());
    reason = null;
    targetStatus = null;
    statusReason = null;
    activationCode = null;
    clearCertificate();
  }

  public void save() {
    DeviceView saved;
    if (creating) {
      NewCertificate certificate =
          form.isMobile() || certificateFile == null || certificateFile.getSize() == 0
              ? null
              : certificate();
      saved =
          Feedback.attempt(() -> registry.register(form.getCode(), form.data(), certificate), null);
      if (saved != null) {
        Feedback.info(
            "Dispositivo "
                + saved.code()
                + " registrato: stato "
                + saved.status().italianLabel()
                + (saved.status() == DeviceStatus.MAINTENANCE
                    ? " (serve un certificato di taratura valido per attivarlo)."
                    : "."));
      }
    } else {
      saved =
          Feedback.attempt(
              () -> registry.change(selected.device().code(), form.data(), reason),
              "Dati del dispositivo aggiornati.");
    }
    if (saved != null) {
      search();
      open(saved.code());
    }
  }

  public void changeStatus() {
    DeviceView done =
        Feedback.attempt(
            () -> registry.changeStatus(selected.device().code(), targetStatus, statusReason),
            "Stato aggiornato.");
    if (done != null) {
      search();
      open(done.code());
    }
  }

  public void addCertificate() {
    if (certificateFile == null || certificateFile.getSize() == 0) {
      Feedback.error("Scegliere il file PDF del certificato di taratura.");
      return;
    }
    NewCertificate certificate = certificate();
    if (Feedback.attempt(
            () -> certificates.add(selected.device().code(), certificate),
            "Certificato di taratura registrato.")
        != null) {
      open(selected.device().code());
    }
  }

  public void downloadCertificate(long id) {
    Map.Entry<String, byte[]> file = Feedback.attempt(() -> certificates.file(id), null);
    if (file != null) {
      Downloads.send(file.getValue(), Downloads.PDF, file.getKey());
    }
  }

  public void registerDownload() {
    byte[] content = bytes(downloadFile);
    String fileName = downloadFile == null ? null : downloadFile.getFileName();
    if (Feedback.attempt(
            () ->
                downloads.register(
                    selected.device().code(),
                    new NewDownload(
                        downloadedAt == null ? null : downloadedAt.atZone(ITALY).toInstant(),
                        operator,
                        outcome,
                        downloadNotes,
                        fileName,
                        content)),
            "Scarico dati registrato.")
        != null) {
      downloadedAt = null;
      operator = null;
      outcome = null;
      downloadNotes = null;
      open(selected.device().code());
    }
  }

  public void issueActivationCode() {
    String code =
        Feedback.attempt(() -> credentials.issueActivationCode(selected.device().code()), null);
    if (code != null) {
      String device = selected.device().code();
      open(device);
      activationCode = code;
      Feedback.info(
          "Codice di attivazione emesso: digitarlo nell'app entro 24 ore. Non sarà più mostrato.");
    }
  }

  public void revokeCredentials() {
    Integer revoked =
        Feedback.attempt(() -> credentials.revoke(selected.device().code(), revokeReason), null);
    if (revoked != null) {
      Feedback.info("Credenziali revocate: " + revoked + ". L'app dovrà essere riattivata.");
      revokeReason = null;
      open(selected.device().code());
    }
  }

  public void delete() {
    String code = selected.device().code();
    if (Feedback.attempt(() -> registry.delete(code), "Dispositivo " + code + " eliminato.")) {
      selected = null;
      search();
    }
  }

  private NewCertificate certificate() {
    return new NewCertificate(
        certificateNumber,
        certificateIssuer,
        calibratedOn,
        validUntil,
        certificateFile.getFileName(),
        bytes(certificateFile));
  }

  private static byte[] bytes(UploadedFile file) {
    if (file == null || file.getSize() == 0) {
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      return in.readNBytes(20 * 1024 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void clearCertificate() {
    certificateNumber = certificateIssuer = null;
    calibratedOn = validUntil = null;
    certificateFile = null;
  }

  public DeviceCategory[] getCategories() {
    return DeviceCategory.values();
  }

  public DeviceStatus[] getStatuses() {
    return DeviceStatus.values();
  }

  public FixedDeviceType[] getTypes() {
    return FixedDeviceType.values();
  }

  public DownloadFrequency[] getFrequencies() {
    return DownloadFrequency.values();
  }

  public OutputFormat[] getFormats() {
    return OutputFormat.values();
  }

  public DownloadOutcome[] getOutcomes() {
    return DownloadOutcome.values();
  }

  public boolean isEditing() {
    return creating || selected != null;
  }

  public boolean isCreating() {
    return creating;
  }

  public DeviceDetail getSelected() {
    return selected;
  }

  public List<DeviceView> getResults() {
    return results;
  }

  public DeviceForm getForm() {
    return form;
  }

  public String getActivationCode() {
    return activationCode;
  }

  public String getText() {
    return text;
  }

  public void setText(String v) {
    text = v;
  }

  public DeviceCategory getCategoryFilter() {
    return categoryFilter;
  }

  public void setCategoryFilter(DeviceCategory v) {
    categoryFilter = v;
  }

  public DeviceStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(DeviceStatus v) {
    statusFilter = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    reason = v;
  }

  public String getCertificateNumber() {
    return certificateNumber;
  }

  public void setCertificateNumber(String v) {
    certificateNumber = v;
  }

  public String getCertificateIssuer() {
    return certificateIssuer;
  }

  public void setCertificateIssuer(String v) {
    certificateIssuer = v;
  }

  public LocalDate getCalibratedOn() {
    return calibratedOn;
  }

  public void setCalibratedOn(LocalDate v) {
    calibratedOn = v;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate v) {
    validUntil = v;
  }

  public UploadedFile getCertificateFile() {
    return certificateFile;
  }

  public void setCertificateFile(UploadedFile v) {
    certificateFile = v;
  }

  public DeviceStatus getTargetStatus() {
    return targetStatus;
  }

  public void setTargetStatus(DeviceStatus v) {
    targetStatus = v;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public void setStatusReason(String v) {
    statusReason = v;
  }

  public LocalDateTime getDownloadedAt() {
    return downloadedAt;
  }

  public void setDownloadedAt(LocalDateTime v) {
    downloadedAt = v;
  }

  public String getOperator() {
    return operator;
  }

  public void setOperator(String v) {
    operator = v;
  }

  public DownloadOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(DownloadOutcome v) {
    outcome = v;
  }

  public String getDownloadNotes() {
    return downloadNotes;
  }

  public void setDownloadNotes(String v) {
    downloadNotes = v;
  }

  public UploadedFile getDownloadFile() {
    return downloadFile;
  }

  public void setDownloadFile(UploadedFile v) {
    downloadFile = v;
  }

  public String getRevokeReason() {
    return revokeReason;
  }

  public void setRevokeReason(String v) {
    revokeReason = v;
  }
}
