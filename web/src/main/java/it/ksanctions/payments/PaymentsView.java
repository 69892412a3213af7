package it.ksanctions.payments;

import it.ksanctions.payments.application.Payments;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.application.Outbox;
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
 * "Pagamenti" (issue 15 item 10): the pagoPA receipts with what reconciliation made of them, the
 * anomalies to settle with a note, the export for the treasury per budget chapter, and the payment
 * sendings that kept failing with a "Riprova" action.
 */
@Named
@ViewScoped
public class PaymentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Payments payments;
  @Inject Outbox outbox;

  private LocalDate from = LocalDate.now(ZoneId.of("Europe/Rome")).withDayOfMonth(1);
  private LocalDate to = LocalDate.now(ZoneId.of("Europe/Rome"));
  private boolean anomaliesOnly;
  private List<Payments.ReceiptView> receipts = List.of();
  private List<Outbox.MessageView> deadLetters = List.of();
  private Long resolving;
  private String note;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    var found = Feedback.attempt(() -> payments.receipts(from, to, anomaliesOnly), null);
    receipts = found == null ? List.of() : found;
    var dead = Feedback.attempt(() -> outbox.deadLetters(AppModule.PAYMENTS), null);
    deadLetters = dead == null ? List.of() : dead;
  }

  public void startResolve(long id) {
    resolving = id;
    note = null;
  }

  public void resolve() {
    Long id = resolving;
    if (id == null) {
      return;
    }
    if (Feedback.attempt(() -> payments.resolve(id, note), "Anomalia segnata come risolta.")
        != null) {
      resolving = null;
      note = null;
    }
    search();
  }

  public void retry(long messageId) {
    Feedback.attempt(
        () -> outbox.retry(messageId, AppModule.PAYMENTS),
        "Invio rimesso in coda: sarà ritentato entro pochi secondi.");
    search();
  }

  public void exportCsv() {
    export(false);
  }

  public void exportExcel() {
    export(true);
  }

  private void export(boolean excel) {
    byte[] bytes = Feedback.attempt(() -> payments.treasuryExport(from, to, excel), null);
    if (bytes != null) {
      Downloads.send(
          bytes,
          excel ? Downloads.XLSX : Downloads.CSV,
          "incassi-per-capitolo-" + from + "-" + to + (excel ? ".xlsx" : ".csv"));
    }
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

  public boolean isAnomaliesOnly() {
    return anomaliesOnly;
  }

  public void setAnomaliesOnly(boolean v) {
    anomaliesOnly = v;
  }

  public List<Payments.ReceiptView> getReceipts() {
    return receipts;
  }

  public List<Outbox.MessageView> getDeadLetters() {
    return deadLetters;
  }

  public Long getResolving() {
    return resolving;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String v) {
    note = v;
  }
}
