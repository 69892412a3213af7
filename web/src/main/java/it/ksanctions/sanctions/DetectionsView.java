package it.ksanctions.sanctions;

import it.ksanctions.devices.application.DeviceDirectory;
import it.ksanctions.devices.application.DeviceDirectory.FixedDeviceChoice;
import it.ksanctions.sanctions.application.CameraImports;
import it.ksanctions.sanctions.application.CameraImports.ImportView;
import it.ksanctions.sanctions.application.CameraImports.RefusedRow;
import it.ksanctions.sanctions.application.Detections;
import it.ksanctions.sanctions.application.Detections.DetectionView;
import it.ksanctions.sanctions.domain.DetectionStatus;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * "Rilevazioni" (issue 13 items 3 and 6): import a camera file with its photos and follow the job
 * (progress bar, cancel, restart, the per-row report of a refused file), then review the detections
 * — filters, photos, plate correction with its reason, validation or archiving with a reason, one
 * or many at once.
 */
@Named
@ViewScoped
public class DetectionsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CameraImports imports;
  @Inject Detections detections;
  @Inject it.ksanctions.sanctions.application.Verbali verbali;
  @Inject it.ksanctions.sanctions.application.VerbaleIssueRuns issueRuns;
  @Inject DeviceDirectory devices;
  @Inject it.ksanctions.sanctions.application.VehicleOwners owners;

  // import form
  private String deviceCode;
  private String operator;
  private String serviceNote;
  private transient UploadedFile file;
  private transient UploadedFile photos;

  private List<FixedDeviceChoice> deviceChoices = List.of();
  private List<ImportView> latest = List.of();
  private Long reportOf;
  private List<RefusedRow> report = List.of();

  // review
  private LocalDate from;
  private LocalDate to;
  private String deviceFilter;
  private String placeFilter;
  private String articleFilter;
  private DetectionStatus statusFilter = DetectionStatus.TO_REVIEW;
  private String plateFilter;
  private List<DetectionView> results = List.of();
  private List<DetectionView> selection = new ArrayList<>();
  private DetectionView detail;
  private String newPlate;
  private String plateReason;
  private String archiveReason;
  private DetectionView ownerLookedUpFor;
  private it.ksanctions.sanctions.domain.VehicleOwner detailOwner;

  @PostConstruct
  void init() {
    List<FixedDeviceChoice> choices = Feedback.attempt(devices::fixedDevices, null);
    deviceChoices = choices == null ? List.of() : choices;
    refreshImports();
    search();
  }

  /** The import form's devices, read once per view (the getter is called at every render). */
  public List<FixedDeviceChoice> getDeviceChoices() {
    return deviceChoices;
  }

  /**
   * The owner of the open detection's vehicle on the detection's day, if known (looked up once per
   * opened detection, audited as a read of personal data); null when unknown or not readable.
   */
  public it.ksanctions.sanctions.domain.VehicleOwner getDetailOwner() {
    if (detail == null) {
      return null;
    }
    if (ownerLookedUpFor != detail) {
      ownerLookedUpFor = detail;
      try {
        detailOwner =
            owners
                .lookup(detail.plate(), detail.country(), detail.detectedAt().toLocalDate())
                .orElse(null);
      } catch (RuntimeException e) {
        detailOwner = null;
      }
    }
    return detailOwner;
  }

  public void startImport() {
    if (file == null || file.getSize() == 0) {
      Feedback.error("Scegliere il file del dispositivo.");
      return;
    }
    byte[] content = read(file);
    byte[] zip = photos == null || photos.getSize() == 0 ? null : read(photos);
    if (content == null) {
      return;
    }
    ImportView started =
        Feedback.attempt(
            () ->
                imports.start(
                    new CameraImports.NewImport(
                        deviceCode,
                        operator,
                        serviceNote,
                        file.getFileName(),
                        content,
                        zip == null ? null : photos.getFileName(),
                        zip)),
            null);
    if (started != null) {
      Feedback.info(
          "Importazione n. "
              + started.id()
              + " avviata: "
              + started.rowsTotal()
              + " righe da verificare.");
      file = null;
      photos = null;
      serviceNote = null;
    }
    refreshImports();
  }

  /** Polled while an import runs. */
  public void refreshImports() {
    List<ImportView> found = Feedback.attempt(imports::latest, null);
    latest = found == null ? List.of() : found;
  }

  public boolean isAnyRunning() {
    return latest.stream().anyMatch(i -> i.status().inProgress());
  }

  public void showReport(long id) {
    List<RefusedRow> rows = Feedback.attempt(() -> imports.report(id), null);
    report = rows == null ? List.of() : rows;
    reportOf = id;
  }

  public void cancel(long id) {
    Feedback.attempt(
        () -> imports.cancel(id),
        "Importazione n. " + id + " annullata: nulla è stato pubblicato.");
    refreshImports();
  }

  public void restart(long id) {
    Feedback.attempt(
        () -> imports.restart(id), "Importazione n. " + id + " ripresa dall'ultimo punto salvato.");
    refreshImports();
  }

  public void search() {
    List<DetectionView> found =
        Feedback.attempt(
            () ->
                detections.search(
                    new Detections.Filter(
                        from,
                        to,
                        deviceFilter,
                        placeFilter,
                        articleFilter,
                        statusFilter,
                        plateFilter)),
            null);
    results = found == null ? List.of() : found;
    selection = new ArrayList<>();
  }

  public void open(long id) {
    detail = Feedback.attempt(() -> detections.detail(id), null);
    newPlate = detail == null ? null : detail.plate();
    plateReason = null;
  }

  public void correctPlate() {
    if (detail == null) {
      return;
    }
    long id = detail.id();
    DetectionView corrected =
        Feedback.attempt(
            () -> detections.correctPlate(id, newPlate, plateReason), "Targa corretta.");
    if (corrected != null) {
      detail = corrected;
      search();
    }
  }

  /** Issues the verbali of the selected validated detections, each on its own. */
  public void issueSelected() {
    List<it.ksanctions.sanctions.application.Verbali.Source> sources =
        selection.stream()
            .map(d -> it.ksanctions.sanctions.application.Verbali.Source.detection(d.id()))
            .toList();
    VerbaliFeedback.started(Feedback.attempt(() -> issueRuns.start(sources, null), null));
    search();
  }

  public void validateSelected() {
    List<Long> ids = selection.stream().map(DetectionView::id).toList();
    Integer n = Feedback.attempt(() -> detections.validate(ids), null);
    if (n != null) {
      Feedback.info(n == 1 ? "Una rilevazione validata." : n + " rilevazioni validate.");
      search();
    }
  }

  public void archiveSelected() {
    List<Long> ids = selection.stream().map(DetectionView::id).toList();
    Integer n = Feedback.attempt(() -> detections.archive(ids, archiveReason), null);
    if (n != null) {
      Feedback.info(n == 1 ? "Una rilevazione archiviata." : n + " rilevazioni archiviate.");
      archiveReason = null;
      search();
    }
  }

  public void validateDetail() {
    if (detail == null) {
      return;
    }
    long id = detail.id();
    if (Feedback.attempt(() -> detections.validate(List.of(id)), "Rilevazione validata.") != null) {
      detail = Feedback.attempt(() -> detections.detail(id), null);
      search();
    }
  }

  /** Issues the verbale of the open, validated detection. */
  public void issueDetail() {
    if (detail == null) {
      return;
    }
    VerbaliFeedback.report(
        Feedback.attempt(
            () ->
                verbali.issueAll(
                    List.of(
                        it.ksanctions.sanctions.application.Verbali.Source.detection(detail.id())),
                    null),
            null));
  }

  /** The draft of the open, validated detection's act (PDF marked "BOZZA"): nothing is kept. */
  public void draftDetail() {
    if (detail == null) {
      return;
    }
    long id = detail.id();
    var draft =
        Feedback.attempt(
            () ->
                verbali.draft(
                    it.ksanctions.sanctions.application.Verbali.Source.detection(id), null),
            null);
    if (draft != null) {
      it.ksanctions.web.backoffice.Downloads.send(
          draft.pdf(),
          it.ksanctions.web.backoffice.Downloads.PDF,
          "bozza-verbale-rilevazione-" + id + ".pdf");
    }
  }

  public DetectionStatus[] getStatuses() {
    return DetectionStatus.values();
  }

  private static byte[] read(UploadedFile upload) {
    try (InputStream in = upload.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      Feedback.error("Il file non si è potuto ricevere: riprovare.");
      return null;
    }
  }

  // ---------------------------------------------------------------- accessors

  public String getDeviceCode() {
    return deviceCode;
  }

  public void setDeviceCode(String deviceCode) {
    this.deviceCode = deviceCode;
  }

  public String getOperator() {
    return operator;
  }

  public void setOperator(String operator) {
    this.operator = operator;
  }

  public String getServiceNote() {
    return serviceNote;
  }

  public void setServiceNote(String serviceNote) {
    this.serviceNote = serviceNote;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public UploadedFile getPhotos() {
    return photos;
  }

  public void setPhotos(UploadedFile photos) {
    this.photos = photos;
  }

  public List<ImportView> getLatest() {
    return latest;
  }

  public Long getReportOf() {
    return reportOf;
  }

  public List<RefusedRow> getReport() {
    return report;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getDeviceFilter() {
    return deviceFilter;
  }

  public void setDeviceFilter(String deviceFilter) {
    this.deviceFilter = deviceFilter;
  }

  public String getPlaceFilter() {
    return placeFilter;
  }

  public void setPlaceFilter(String placeFilter) {
    this.placeFilter = placeFilter;
  }

  public String getArticleFilter() {
    return articleFilter;
  }

  public void setArticleFilter(String articleFilter) {
    this.articleFilter = articleFilter;
  }

  public DetectionStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(DetectionStatus statusFilter) {
    this.statusFilter = statusFilter;
  }

  public String getPlateFilter() {
    return plateFilter;
  }

  public void setPlateFilter(String plateFilter) {
    this.plateFilter = plateFilter;
  }

  public List<DetectionView> getResults() {
    return results;
  }

  public List<DetectionView> getSelection() {
    return selection;
  }

  public void setSelection(List<DetectionView> selection) {
    this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
  }

  public DetectionView getDetail() {
    return detail;
  }

  public String getNewPlate() {
    return newPlate;
  }

  public void setNewPlate(String newPlate) {
    this.newPlate = newPlate;
  }

  public String getPlateReason() {
    return plateReason;
  }

  public void setPlateReason(String plateReason) {
    this.plateReason = plateReason;
  }

  public String getArchiveReason() {
    return archiveReason;
  }

  public void setArchiveReason(String archiveReason) {
    this.archiveReason = archiveReason;
  }
}
