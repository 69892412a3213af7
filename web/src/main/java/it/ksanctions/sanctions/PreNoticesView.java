package it.ksanctions.sanctions;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.BulkOutcome;
import it.ksanctions.sanctions.application.PreNotices.Detail;
import it.ksanctions.sanctions.application.PreNotices.Filter;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.PreNotices.SessionView;
import it.ksanctions.sanctions.application.PreNotices.Summary;
import it.ksanctions.sanctions.domain.PreNotice;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.sanctions.domain.VehicleType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/**
 * Pre-notices (LIF-1, PRM-6): search with filters within the role's visibility, a pre-notice with
 * its photos and plate corrections, a paper pre-notice typed in, plate correction with a reason,
 * validation or archiving with a reason — one or a selection — and the restoring of an archived
 * one; the latest sessions of the mobile app. Every rule is the services' (authorised and audited);
 * this page only offers what the role allows.
 */
@Named
@ViewScoped
public class PreNoticesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PreNotices preNotices;
  @Inject it.ksanctions.sanctions.application.PreNoticePayments preNoticePayments;
  @Inject CurrentStaff currentStaff;
  @Inject it.ksanctions.sanctions.application.Verbali verbali;
  @Inject it.ksanctions.sanctions.application.VerbaleIssueRuns issueRuns;

  // filters
  private LocalDate from;
  private LocalDate to;
  private String deviceFilter;
  private String placeFilter;
  private String articleFilter;
  private String officerFilter;
  private PreNoticeStatus statusFilter;
  private String statusParam;
  private String plateFilter;
  private List<Summary> results = List.of();
  private List<Summary> selection = new ArrayList<>();
  private String bulkReason;

  // detail
  private Detail detail;
  private String reviewReason;
  private String newPlate;
  private String newPlateCountry;
  private String correctionReason;

  // paper entry
  private boolean entering;
  private LocalDateTime violationAt;
  private String placeCode;
  private String articleCode;
  private String plate;
  private String plateCountry = "IT";
  private VehicleType vehicleType;
  private String officer;
  private String notes;
  private transient UploadedFiles photos;

  private List<SessionView> sessions = List.of();

  @PostConstruct
  void load() {
    search();
  }

  /** The list a link asks for ({@code ?stato=RECORDED} from the worklist), applied on opening. */
  public void applyLink() {
    for (PreNoticeStatus s : PreNoticeStatus.values()) {
      if (s.name().equals(statusParam)) {
        statusFilter = s;
        search();
      }
    }
  }

  public String getStatusParam() {
    return statusParam;
  }

  public void setStatusParam(String statusParam) {
    this.statusParam = statusParam;
  }

  public void search() {
    List<Summary> found =
        Feedback.attempt(
            () ->
                preNotices.search(
                    new Filter(
                        from,
                        to,
                        deviceFilter,
                        placeFilter,
                        articleFilter,
                        officerFilter,
                        statusFilter,
                        plateFilter)),
            null);
    results = found == null ? List.of() : found;
    selection = new ArrayList<>();
    List<SessionView> log = Feedback.attempt(() -> preNotices.sessions(20), null);
    sessions = log == null ? List.of() : log;
  }

  public void exportCsv() {
    byte[] bytes =
        Feedback.attempt(
            () ->
                preNotices.exportCsv(
                    new Filter(
                        from,
                        to,
                        deviceFilter,
                        placeFilter,
                        articleFilter,
                        officerFilter,
                        statusFilter,
                        plateFilter)),
            null);
    if (bytes != null) {
      Downloads.send(bytes, Downloads.CSV, "preavvisi.csv");
    }
  }

  public void open(UUID id) {
    Detail found = Feedback.attempt(() -> preNotices.detail(id), null);
    if (found != null) {
      detail = found;
      entering = false;
      reviewReason = null;
      newPlate = found.preNotice().plate().number();
      newPlateCountry = found.preNotice().plate().country();
      correctionReason = null;
    }
  }

  public void close() {
    detail = null;
  }

  public void validate() {
    UUID id = detail.preNotice().id();
    if (Feedback.attempt(() -> preNotices.validate(id), "Preavviso validato.") != null) {
      search();
      open(id);
    }
  }

  public void archive() {
    UUID id = detail.preNotice().id();
    if (Feedback.attempt(() -> preNotices.archive(id, reviewReason), "Preavviso archiviato.")
        != null) {
      search();
      open(id);
    }
  }

  public void restore() {
    UUID id = detail.preNotice().id();
    if (Feedback.attempt(
            () -> preNotices.restore(id), "Preavviso ripristinato tra quelli da esaminare.")
        != null) {
      search();
      open(id);
    }
  }

  public void correctPlate() {
    UUID id = detail.preNotice().id();
    if (Feedback.attempt(
            () -> preNotices.correctPlate(id, newPlate, newPlateCountry, correctionReason),
            "Targa corretta: la correzione è registrata nello storico.")
        != null) {
      search();
      open(id);
    }
  }

  public void validateSelected() {
    BulkOutcome outcome = Feedback.attempt(() -> preNotices.validateAll(selectedIds()), null);
    report(outcome, "validati");
  }

  /** Issues the verbali of the selected validated pre-notices, each on its own. */
  public void issueSelected() {
    List<it.ksanctions.sanctions.application.Verbali.Source> sources =
        selectedIds().stream()
            .map(it.ksanctions.sanctions.application.Verbali.Source::preNotice)
            .toList();
    VerbaliFeedback.started(Feedback.attempt(() -> issueRuns.start(sources, null), null));
    search();
  }

  public void archiveSelected() {
    BulkOutcome outcome =
        Feedback.attempt(() -> preNotices.archiveAll(selectedIds(), bulkReason), null);
    report(outcome, "archiviati");
  }

  private void report(BulkOutcome outcome, String done) {
    if (outcome == null) {
      return;
    }
    Feedback.info(
        (outcome.done() == 1 ? "1 preavviso " : outcome.done() + " preavvisi ")
            + (outcome.done() == 1 ? done.substring(0, done.length() - 1) + "o" : done)
            + ".");
    outcome.refusals().forEach(r -> Feedback.error("Non modificato — " + r));
    bulkReason = null;
    search();
    if (detail != null) {
      open(detail.preNotice().id());
    }
  }

  private List<UUID> selectedIds() {
    return selection == null ? List.of() : selection.stream().map(Summary::id).toList();
  }

  public void startPaperEntry() {
    detail = null;
    entering = true;
    violationAt = null;
    placeCode = articleCode = plate = notes = null;
    plateCountry = "IT";
    vehicleType = VehicleType.CAR;
    officer = currentStaff.username().orElse(null);
    photos = null;
  }

  public void cancelPaperEntry() {
    entering = false;
  }

  public void savePaperEntry() {
    Summary saved;
    try {
      List<byte[]> contents = uploadedPhotos();
      saved =
          Feedback.attempt(
              () ->
                  preNotices.recordPaper(
                      new PaperEntry(
                          violationAt,
                          placeCode,
                          articleCode,
                          plate,
                          plateCountry,
                          vehicleType,
                          officer,
                          notes,
                          contents)),
              "Preavviso cartaceo registrato.");
    } catch (UncheckedIOException e) {
      Feedback.error("Le foto non sono leggibili: caricarle di nuovo.");
      return;
    }
    if (saved != null) {
      entering = false;
      search();
      open(saved.id());
    }
  }

  private List<byte[]> uploadedPhotos() {
    List<byte[]> contents = new ArrayList<>();
    if (photos == null || photos.getFiles() == null) {
      return contents;
    }
    for (UploadedFile file : photos.getFiles()) {
      if (file == null || file.getSize() == 0) {
        continue;
      }
      try (InputStream in = file.getInputStream()) {
        contents.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return contents;
  }

  /** The URL path of a photo, below the tenant's base (the page prefixes it). */
  public String photoPath(int position) {
    return "/admin/preavviso-foto?id=" + detail.preNotice().id() + "&n=" + position;
  }

  public PreNoticeStatus[] getStatuses() {
    return PreNoticeStatus.values();
  }

  public VehicleType[] getVehicleTypes() {
    return VehicleType.values();
  }

  public List<String> getUsualArchiveReasons() {
    return PreNotice.USUAL_ARCHIVE_REASONS;
  }

  /** Archive reasons starting with what was typed, for the autocomplete. */
  public List<String> completeReason(String typed) {
    String start = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ITALIAN);
    return PreNotice.USUAL_ARCHIVE_REASONS.stream()
        .filter(r -> r.toLowerCase(java.util.Locale.ITALIAN).contains(start))
        .toList();
  }

  public List<Summary> getResults() {
    return results;
  }

  public List<SessionView> getSessions() {
    return sessions;
  }

  public Detail getDetail() {
    return detail;
  }

  /** The code a citizen types on the portal to pay the open pre-notice (ADR 0013). */
  public String getCitizenCode() {
    return detail == null
        ? null
        : it.ksanctions.sanctions.domain.PreNoticePayment.printed(detail.preNotice().id());
  }

  /** Whether and how the open pre-notice was paid on the portal (ADR 0013). */
  public String getPortalPayment() {
    if (detail == null) {
      return null;
    }
    var notices = preNoticePayments.notices(detail.preNotice().id());
    return notices.stream()
        .filter(n -> n.status() == it.ksanctions.sanctions.domain.PreNoticePayment.Status.PAID)
        .findFirst()
        .map(
            n ->
                "Pagato il "
                    + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                        .format(n.paidAt().atZone(java.time.ZoneId.of("Europe/Rome")))
                    + ", euro "
                    + n.paidAmount().toPlainString()
                    + " (ricevuta pagoPA "
                    + n.receiptId()
                    + ")")
        .orElse(
            notices.stream()
                    .anyMatch(
                        n ->
                            n.status()
                                == it.ksanctions.sanctions.domain.PreNoticePayment.Status.OPEN)
                ? "Avviso pagoPA creato dal cittadino, non ancora pagato"
                : "Non pagato");
  }

  /** The pre-notice of the open detail, or null. */
  public PreNotice getPreNotice() {
    return detail == null ? null : detail.preNotice();
  }

  public boolean isEntering() {
    return entering;
  }

  public boolean isRecorded() {
    return detail != null && detail.preNotice().status() == PreNoticeStatus.RECORDED;
  }

  public boolean isArchived() {
    return detail != null && detail.preNotice().status() == PreNoticeStatus.ARCHIVED;
  }

  // Getters and setters of the filters and the forms.
  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate v) {
    from = v;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate v) {
    to = v;
  }

  public String getDeviceFilter() {
    return deviceFilter;
  }

  public void setDeviceFilter(String v) {
    this.deviceFilter = v;
  }

  public String getPlaceFilter() {
    return placeFilter;
  }

  public void setPlaceFilter(String v) {
    placeFilter = v;
  }

  public String getArticleFilter() {
    return articleFilter;
  }

  public void setArticleFilter(String v) {
    articleFilter = v;
  }

  public String getOfficerFilter() {
    return officerFilter;
  }

  public void setOfficerFilter(String v) {
    officerFilter = v;
  }

  public PreNoticeStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(PreNoticeStatus v) {
    statusFilter = v;
  }

  public String getPlateFilter() {
    return plateFilter;
  }

  public void setPlateFilter(String v) {
    plateFilter = v;
  }

  public List<Summary> getSelection() {
    return selection;
  }

  public void setSelection(List<Summary> v) {
    selection = v;
  }

  public String getBulkReason() {
    return bulkReason;
  }

  public void setBulkReason(String v) {
    bulkReason = v;
  }

  public String getReviewReason() {
    return reviewReason;
  }

  public void setReviewReason(String v) {
    reviewReason = v;
  }

  public String getNewPlate() {
    return newPlate;
  }

  public void setNewPlate(String v) {
    newPlate = v;
  }

  public String getNewPlateCountry() {
    return newPlateCountry;
  }

  public void setNewPlateCountry(String v) {
    newPlateCountry = v;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }

  public void setCorrectionReason(String v) {
    correctionReason = v;
  }

  public LocalDateTime getViolationAt() {
    return violationAt;
  }

  public void setViolationAt(LocalDateTime v) {
    violationAt = v;
  }

  public String getPlaceCode() {
    return placeCode;
  }

  public void setPlaceCode(String v) {
    placeCode = v;
  }

  public String getArticleCode() {
    return articleCode;
  }

  public void setArticleCode(String v) {
    articleCode = v;
  }

  public String getPlate() {
    return plate;
  }

  public void setPlate(String v) {
    plate = v;
  }

  public String getPlateCountry() {
    return plateCountry;
  }

  public void setPlateCountry(String v) {
    plateCountry = v;
  }

  public VehicleType getVehicleType() {
    return vehicleType;
  }

  public void setVehicleType(VehicleType v) {
    vehicleType = v;
  }

  public String getOfficer() {
    return officer;
  }

  public void setOfficer(String v) {
    officer = v;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String v) {
    notes = v;
  }

  public UploadedFiles getPhotos() {
    return photos;
  }

  public void setPhotos(UploadedFiles v) {
    photos = v;
  }
}
