package it.ksanctions.platform;

import it.ksanctions.platform.application.PlatformAudit;
import it.ksanctions.tenancy.operations.PlatformAuditEntry;
import it.ksanctions.tenancy.operations.PlatformAuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The audit trail of platform actions, filtered by tenant, user, action and period. */
@Named
@ViewScoped
public class PlatformAuditView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int LIMIT = 500;

  @Inject transient PlatformAudit audit;

  private String tenant;
  private String user;
  private String action;
  private LocalDate from;
  private LocalDate to;
  private transient List<PlatformAuditEntry> entries;
  private transient List<String> actions;

  @PostConstruct
  void init() {
    search();
  }

  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      ConsoleSupport.error("Periodo non valido: la data finale precede quella iniziale.");
      entries = List.of();
      return;
    }
    Instant start = from == null ? null : from.atStartOfDay(ConsoleSupport.ROME).toInstant();
    Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ConsoleSupport.ROME).toInstant();
    entries = audit.search(new PlatformAuditTrail.Filter(tenant, user, action, start, end, LIMIT));
  }

  public List<PlatformAuditEntry> getEntries() {
    if (entries == null) {
      search();
    }
    return entries;
  }

  public List<String> getActions() {
    if (actions == null) {
      actions = audit.actions();
    }
    return actions;
  }

  public String format(Instant instant) {
    return ConsoleSupport.format(instant);
  }

  public String outcome(PlatformAuditEntry entry) {
    return entry.getOutcome() == PlatformAuditEntry.Outcome.SUCCESS ? "Riuscita" : "Non riuscita";
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
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
}
