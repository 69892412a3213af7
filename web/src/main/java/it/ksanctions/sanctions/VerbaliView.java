package it.ksanctions.sanctions;

import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Verbali (issue 14 item 6): search within the role's visibility, an act with its windows and
 * pagoPA notices, fees, timeline and the days left to notify it; its PDF; annulment in
 * self-protection with a reason; the perfection date of its notification. Every rule is the
 * service's; the page offers what the role allows.
 */
@Named
@ViewScoped
public class VerbaliView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Verbali verbali;
  @Inject it.ksanctions.sanctions.application.VerbaleIssueRuns issueRuns;
  private List<it.ksanctions.sanctions.application.VerbaleIssueRuns.RunView> runs = List.of();
  private List<it.ksanctions.sanctions.application.VerbaleIssueRuns.RefusedItem> runReport =
      List.of();
  private Long reportedRun;

  private LocalDate from;
  private LocalDate to;
  private VerbaleStatus statusFilter;
  private boolean awaitingNotification;
  private String statusParam;
  private String plateFilter;
  private String textFilter;
  private List<VerbaleView> results = List.of();
  private long matching;

  private VerbaleView detail;
  private String annulReason;
  private LocalDate notifiedOn;

  @PostConstruct
  void load() {
    search();
    refreshRuns();
  }

  /** The latest bulk issues with their progress (polled while one runs). */
  public void refreshRuns() {
    var found = Feedback.attempt(() -> issueRuns.latest(), null);
    boolean wasRunning = anyRunInProgress();
    runs = found == null ? List.of() : found;
    if (wasRunning && !anyRunInProgress()) {
      search();
    }
  }

  public boolean anyRunInProgress() {
    return runs.stream().anyMatch(r -> r.inProgress());
  }

  public void showReport(long runId) {
    var found = Feedback.attempt(() -> issueRuns.refused(runId), null);
    runReport = found == null ? List.of() : found;
    reportedRun = runId;
  }

  public void restartRun(long runId) {
    Feedback.attempt(
        () -> issueRuns.restart(runId), "Emissione ripresa dall'ultimo punto salvato.");
    refreshRuns();
  }

  public List<it.ksanctions.sanctions.application.VerbaleIssueRuns.RunView> getRuns() {
    return runs;
  }

  public List<it.ksanctions.sanctions.application.VerbaleIssueRuns.RefusedItem> getRunReport() {
    return runReport;
  }

  public Long getReportedRun() {
    return reportedRun;
  }

  /**
   * The list a link asks for ({@code ?stato=DA_NOTIFICARE} from the worklist, or a state's name),
   * applied when the page is opened.
   */
  public void applyLink() {
    if ("DA_NOTIFICARE".equals(statusParam)) {
      awaitingNotification = true;
      statusFilter = null;
      search();
      return;
    }
    for (VerbaleStatus s : VerbaleStatus.values()) {
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

  /** Whether the list shows only the acts waiting for notification (the worklist's link). */
  public boolean isAwaitingNotification() {
    return awaitingNotification;
  }

  public void search() {
    List<VerbaleView> found =
        Feedback.attempt(
            () ->
                verbali.search(
                    new Verbali.Filter(
                        from, to, statusFilter, plateFilter, textFilter, awaitingNotification)),
            null);
    results = found == null ? List.of() : found;
    matching = results.size();
    if (results.size() >= Verbali.LIST_MAX) {
      Long all =
          Feedback.attempt(
              () ->
                  verbali.count(
                      new Verbali.Filter(
                          from, to, statusFilter, plateFilter, textFilter, awaitingNotification)),
              null);
      matching = all == null ? results.size() : all;
    }
  }

  /** How many acts match the search (the list shows the first {@value Verbali#LIST_MAX}). */
  public long getMatching() {
    return matching;
  }

  /** Whether the list shows only part of what matches. */
  public boolean isTruncated() {
    return matching > results.size();
  }

  public void exportCsv() {
    export(Verbali.ExportFormat.CSV, Downloads.CSV, "verbali.csv");
  }

  public void exportExcel() {
    export(Verbali.ExportFormat.EXCEL, Downloads.XLSX, "verbali.xlsx");
  }

  public void exportPdf() {
    export(Verbali.ExportFormat.PDF, Downloads.PDF, "elenco-verbali.pdf");
  }

  private void export(Verbali.ExportFormat format, String mediaType, String fileName) {
    Verbali.Filter filter =
        new Verbali.Filter(from, to, statusFilter, plateFilter, textFilter, awaitingNotification);
    byte[] bytes = Feedback.attempt(() -> verbali.export(filter, format), null);
    if (bytes != null) {
      Downloads.send(bytes, mediaType, fileName);
    }
  }

  public void open(long id) {
    VerbaleView found = Feedback.attempt(() -> verbali.detail(id), null);
    if (found != null) {
      detail = found;
      annulReason = null;
      notifiedOn = null;
    }
  }

  public void close() {
    detail = null;
  }

  public void pdf() {
    if (detail == null) {
      return;
    }
    long id = detail.id();
    byte[] bytes = Feedback.attempt(() -> verbali.pdf(id).orElse(null), null);
    if (bytes != null) {
      Downloads.send(
          bytes,
          Downloads.PDF,
          "verbale-" + detail.number().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf");
    }
  }

  public void annul() {
    long id = detail.id();
    VerbaleView done =
        Feedback.attempt(
            () -> verbali.annul(id, annulReason),
            "Verbale n. " + detail.number() + " annullato in autotutela. Il numero resta usato.");
    if (done != null) {
      detail = done;
      search();
    }
  }

  public void notified() {
    long id = detail.id();
    VerbaleView done =
        Feedback.attempt(
            () -> verbali.notified(id, notifiedOn),
            "Notifica registrata: i termini di pagamento decorrono dal giorno indicato.");
    if (done != null) {
      detail = done;
      search();
    }
  }

  /** Days left to notify the open act (art. 201), negative once lapsed. */
  public long daysToNotify(VerbaleView v) {
    return v.daysToNotify(LocalDate.now(ZoneId.of("Europe/Rome")));
  }

  public boolean annullable() {
    return detail != null && detail.status().canMoveTo(VerbaleStatus.ANNULLED);
  }

  public boolean notifiable() {
    return detail != null && detail.status().canMoveTo(VerbaleStatus.NOTIFIED);
  }

  public VerbaleStatus[] getStatuses() {
    return VerbaleStatus.values();
  }

  public List<VerbaleView> getResults() {
    return results;
  }

  public VerbaleView getDetail() {
    return detail;
  }

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

  public VerbaleStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(VerbaleStatus v) {
    awaitingNotification = false; // a state chosen in the form replaces the worklist's link
    statusFilter = v;
  }

  public String getPlateFilter() {
    return plateFilter;
  }

  public void setPlateFilter(String v) {
    plateFilter = v;
  }

  public String getTextFilter() {
    return textFilter;
  }

  public void setTextFilter(String v) {
    textFilter = v;
  }

  public String getAnnulReason() {
    return annulReason;
  }

  public void setAnnulReason(String v) {
    annulReason = v;
  }

  public LocalDate getNotifiedOn() {
    return notifiedOn;
  }

  public void setNotifiedOn(LocalDate v) {
    notifiedOn = v;
  }
}
