package it.ksanctions.permissions;

import it.ksanctions.permissions.application.AuditTrail;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditChainVerification;
import it.ksanctions.permissions.domain.AuditEvent;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.SecurityHistoryEntry;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit log viewer (PRM-5) and the security history (PRM-8): filters, CSV and Excel export,
 * chain verification, retention.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditTrail trail;
  @Inject PermissionsAdministration administration;

  private LocalDate from;
  private LocalDate to;
  private String username;
  private AppModule module;
  private AuditOperation operation;
  private String text;
  private List<AuditEvent> events = List.of();
  private String verification;
  private boolean intact;
  private Integer retentionYears;
  private List<SecurityHistoryEntry> history = List.of();
  private String historySubject;

  @PostConstruct
  void load() {
    search();
    retentionYears = Feedback.attempt(() -> trail.retentionYears(), null);
  }

  public void search() {
    List<AuditEvent> found = Feedback.attempt(() -> trail.search(filter()), null);
    events = found == null ? List.of() : found;
  }

  public void loadHistory() {
    List<SecurityHistoryEntry> found =
        Feedback.attempt(() -> administration.history(historySubject), null);
    history = found == null ? List.of() : found;
  }

  public void exportCsv() {
    byte[] bytes = Feedback.attempt(() -> trail.exportCsv(filter()), null);
    if (bytes != null) {
      Downloads.send(bytes, Downloads.CSV, "registro-audit.csv");
    }
  }

  public void exportExcel() {
    byte[] bytes = Feedback.attempt(() -> trail.exportExcel(filter()), null);
    if (bytes != null) {
      Downloads.send(bytes, Downloads.XLSX, "registro-audit.xlsx");
    }
  }

  public void verify() {
    AuditChainVerification result = Feedback.attempt(() -> trail.verify(), null);
    if (result == null) {
      return;
    }
    intact = result.isIntact();
    verification =
        result.isIntact()
            ? "Registro integro: " + result.verifiedEvents() + " eventi verificati."
            : result
                .firstBrokenLink()
                .map(
                    b ->
                        "Registro ALTERATO: la catena si interrompe all'evento n. "
                            + b.sequenceNumber()
                            + " ("
                            + b.reason()
                            + ": "
                            + b.detail()
                            + "). Eventi verificati prima dell'interruzione: "
                            + result.verifiedEvents()
                            + ".")
                .orElse("Registro alterato.");
  }

  public void saveRetention() {
    if (retentionYears == null) {
      Feedback.error("Indicare gli anni di conservazione.");
      return;
    }
    int years = retentionYears;
    Feedback.attempt(
        () -> trail.changeRetention(years),
        "Conservazione del registro impostata a " + years + " anni.");
  }

  private AuditTrail.Filter filter() {
    return new AuditTrail.Filter(from, to, username, module, operation, text);
  }

  public AppModule[] getModules() {
    return AppModule.values();
  }

  public AuditOperation[] getOperations() {
    return AuditOperation.values();
  }

  public List<AuditEvent> getEvents() {
    return events;
  }

  public List<SecurityHistoryEntry> getHistory() {
    return history;
  }

  public String getVerification() {
    return verification;
  }

  public boolean isIntact() {
    return intact;
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

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public AppModule getModule() {
    return module;
  }

  public void setModule(AppModule module) {
    this.module = module;
  }

  public AuditOperation getOperation() {
    return operation;
  }

  public void setOperation(AuditOperation operation) {
    this.operation = operation;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Integer getRetentionYears() {
    return retentionYears;
  }

  public void setRetentionYears(Integer retentionYears) {
    this.retentionYears = retentionYears;
  }

  public String getHistorySubject() {
    return historySubject;
  }

  public void setHistorySubject(String historySubject) {
    this.historySubject = historySubject;
  }
}
