package it.ksanctions.notifications;

import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * "Notifiche" (issue 15 item 10): the acts' notifications with their state, and the sendings that
 * kept failing (dead letters) with the reason and a "Riprova" action.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Notifications notifications;
  @Inject Outbox outbox;
  @Inject it.ksanctions.notifications.application.PostalBatches postal;

  private long postalWaiting;
  private List<it.ksanctions.notifications.application.PostalBatches.BatchView> batches = List.of();
  private it.ksanctions.notifications.application.PostalBatches.BatchDetail openBatch;
  private String outcomeNumber;
  private it.ksanctions.notifications.domain.PostalOutcome outcome;
  private java.time.LocalDate outcomeDay;
  private String outcomeNote;
  private transient org.primefaces.model.file.UploadedFile upload;
  private it.ksanctions.notifications.application.PostalBatches.ImportReport report;

  private NotificationStatus statusFilter;
  private List<Notifications.ListRow> rows = List.of();
  private List<Outbox.MessageView> deadLetters = List.of();

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    var found = Feedback.attempt(() -> notifications.latest(statusFilter), null);
    rows = found == null ? List.of() : found;
    var dead = Feedback.attempt(() -> outbox.deadLetters(AppModule.NOTIFICATIONS), null);
    deadLetters = dead == null ? List.of() : dead;
    Long waiting = Feedback.attempt(() -> postal.waiting(), null);
    postalWaiting = waiting == null ? 0 : waiting;
    var listed = Feedback.attempt(() -> postal.batches(), null);
    batches = listed == null ? List.of() : listed;
  }

  /** Puts every act waiting for the post into a new print-and-mail batch. */
  public void prepareBatch() {
    var batch = Feedback.attempt(() -> postal.prepare(), "Lotto di postalizzazione preparato.");
    search();
    if (batch != null) {
      openBatch(batch.id());
    }
  }

  public void openBatch(long id) {
    openBatch = Feedback.attempt(() -> postal.batch(id), null);
  }

  /** The batch's ZIP (the acts' PDFs and the manifest) for the postal intermediary. */
  public void downloadBatch(long id) {
    var file = Feedback.attempt(() -> postal.zip(id), null);
    if (file != null) {
      it.ksanctions.web.backoffice.Downloads.send(
          file.content(), "application/zip", file.fileName());
    }
  }

  public void handOver(long id) {
    Feedback.attempt(() -> postal.handOver(id), "Lotto consegnato all'intermediario postale.");
    search();
    openBatch(id);
  }

  /** Records by hand the outcome of one act's postal notification. */
  public void recordOutcome() {
    var done =
        Feedback.attempt(
            () -> postal.recordOutcome(outcomeNumber, outcome, outcomeDay, outcomeNote),
            "Esito registrato.");
    if (done != null) {
      outcomeNumber = null;
      outcome = null;
      outcomeDay = null;
      outcomeNote = null;
    }
    search();
  }

  /** Imports a file of postal outcomes (all or nothing, with a report per row). */
  public void importOutcomes() {
    if (upload == null || upload.getSize() == 0) {
      Feedback.error("Scegliere un file CSV non vuoto.");
      return;
    }
    report = Feedback.attempt(() -> postal.importOutcomes(upload.getContent()), null);
    if (report != null) {
      if (report.accepted()) {
        Feedback.info(
            "Importazione completata: "
                + report.applied()
                + " esiti registrati, "
                + report.unchanged()
                + " già presenti.");
      } else {
        Feedback.importRejected(
            report.problems().size(), "Nessun esito è stato registrato: correggere il file.");
      }
    }
    search();
  }

  public long getPostalWaiting() {
    return postalWaiting;
  }

  public List<it.ksanctions.notifications.application.PostalBatches.BatchView> getBatches() {
    return batches;
  }

  public it.ksanctions.notifications.application.PostalBatches.BatchDetail getOpenBatch() {
    return openBatch;
  }

  public it.ksanctions.notifications.domain.PostalOutcome[] getOutcomes() {
    return it.ksanctions.notifications.domain.PostalOutcome.values();
  }

  public String getOutcomeNumber() {
    return outcomeNumber;
  }

  public void setOutcomeNumber(String v) {
    outcomeNumber = v;
  }

  public it.ksanctions.notifications.domain.PostalOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(it.ksanctions.notifications.domain.PostalOutcome v) {
    outcome = v;
  }

  public java.time.LocalDate getOutcomeDay() {
    return outcomeDay;
  }

  public void setOutcomeDay(java.time.LocalDate v) {
    outcomeDay = v;
  }

  public String getOutcomeNote() {
    return outcomeNote;
  }

  public void setOutcomeNote(String v) {
    outcomeNote = v;
  }

  public org.primefaces.model.file.UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(org.primefaces.model.file.UploadedFile v) {
    upload = v;
  }

  public it.ksanctions.notifications.application.PostalBatches.ImportReport getReport() {
    return report;
  }

  public void retry(long messageId) {
    Feedback.attempt(
        () -> outbox.retry(messageId, AppModule.NOTIFICATIONS),
        "Invio rimesso in coda: sarà ritentato entro pochi secondi.");
    search();
  }

  public NotificationStatus[] getStatuses() {
    return NotificationStatus.values();
  }

  public NotificationStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(NotificationStatus v) {
    statusFilter = v;
  }

  public List<Notifications.ListRow> getRows() {
    return rows;
  }

  public List<Outbox.MessageView> getDeadLetters() {
    return deadLetters;
  }
}
