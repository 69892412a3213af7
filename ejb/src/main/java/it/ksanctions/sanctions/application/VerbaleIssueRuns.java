package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppModule.VERBALI;

import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.application.Verbali.Source;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.infrastructure.IssueRunStore;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;

/**
 * Bulk issue of verbali (issue 14 item 6): a selection of validated violations issued by the
 * Jakarta Batch job {@code verbali-issue} with its progress, each act in its own transaction, a
 * per-item report; a stopped run restarts from its last checkpoint without making an act twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class VerbaleIssueRuns {

  static final String JOB = "verbali-issue";

  /** The most violations one run takes. */
  public static final int MAX_ITEMS = 20_000;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject IssueRunStore store;

  /** A run and its progress. */
  public record RunView(
      long id,
      Instant createdAt,
      String createdBy,
      String status,
      int total,
      int done,
      int issued,
      int refused,
      String message) {

    public boolean inProgress() {
      return status.equals("QUEUED") || status.equals("RUNNING");
    }

    public int percent() {
      return total == 0 ? 100 : (int) (100L * done / total);
    }

    public String statusLabel() {
      return switch (status) {
        case "QUEUED" -> "In coda";
        case "RUNNING" -> "In corso";
        case "STOPPED" -> "Interrotta";
        case "COMPLETED" -> "Completata";
        default -> "Non riuscita";
      };
    }

    static RunView of(IssueRunStore.Run r) {
      return new RunView(
          r.id(),
          r.createdAt(),
          r.createdBy(),
          r.status(),
          r.total(),
          r.done(),
          r.issued(),
          r.refused(),
          r.message());
    }
  }

  /** A refused item of a run. */
  public record RefusedItem(int position, String sourceKind, String sourceId, String reason) {}

  /** Starts issuing {@code sources} (duplicates once, in order) with {@code channel} (or null). */
  public RunView start(List<Source> sources, NotificationChannel channel) {
    StaffProfile staff = currentStaff.require(VERBALI, CREATE);
    List<Source> distinct =
        new ArrayList<>(new LinkedHashSet<>(sources == null ? List.of() : sources));
    if (distinct.isEmpty()) {
      throw new SanctionsRuleException(
          "sanctions.verbale.nothing-selected",
          "Selezionare almeno una violazione validata da emettere.",
          Kind.INVALID_INPUT);
    }
    if (distinct.size() > MAX_ITEMS) {
      throw new SanctionsRuleException(
          "sanctions.verbale.too-many",
          "Si possono emettere al più " + MAX_ITEMS + " verbali per volta.",
          Kind.INVALID_INPUT);
    }
    List<IssueRunStore.Item> items = new ArrayList<>(distinct.size());
    for (int i = 0; i < distinct.size(); i++) {
      items.add(new IssueRunStore.Item(i + 1, distinct.get(i).kind().name(), distinct.get(i).id()));
    }
    long id = store.create(staff.username(), channel == null ? null : channel.name(), items);
    audit.record(
        VERBALI,
        "Verbali: emissione massiva",
        AuditOperation.CHANGE,
        "n. " + id + ", " + items.size() + " violazioni");
    Properties parameters = new Properties();
    parameters.setProperty("tenant", TenantContext.require().slug());
    parameters.setProperty("runId", Long.toString(id));
    jobs().start(JOB, parameters);
    return status(id);
  }

  /** Restarts a stopped or failed run from its last checkpoint. */
  public RunView restart(long id) {
    currentStaff.require(VERBALI, CREATE);
    IssueRunStore.Run run = store.find(id).orElseThrow(() -> unknown(id));
    if (!run.status().equals("STOPPED") && !run.status().equals("FAILED")) {
      throw new SanctionsRuleException(
          "sanctions.verbale.run-not-stopped", "Si può riprendere solo un'emissione interrotta.");
    }
    Properties parameters = new Properties();
    parameters.setProperty("tenant", TenantContext.require().slug());
    parameters.setProperty("runId", Long.toString(id));
    jobs().restart(run.executionId(), parameters);
    return status(id);
  }

  /** Stops a running run at its next checkpoint (for tests and the operator). */
  public RunView stop(long id) {
    currentStaff.require(VERBALI, CREATE);
    IssueRunStore.Run run = store.find(id).orElseThrow(() -> unknown(id));
    if (run.executionId() != null && run.status().equals("RUNNING")) {
      jobs().stop(run.executionId());
    }
    return status(id);
  }

  public RunView status(long id) {
    currentStaff.require(VERBALI, ACCESS);
    return store.find(id).map(RunView::of).orElseThrow(() -> unknown(id));
  }

  public List<RunView> latest() {
    currentStaff.require(VERBALI, ACCESS);
    return store.latest(20).stream().map(RunView::of).toList();
  }

  public List<RefusedItem> refused(long id) {
    status(id);
    return store.refused(id).stream()
        .map(
            r ->
                new RefusedItem(
                    ((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  private static JobOperator jobs() {
    return BatchRuntime.getJobOperator();
  }

  private static SanctionsRuleException unknown(long id) {
    return new SanctionsRuleException(
        "sanctions.verbale.run-unknown", "Emissione n. " + id + " inesistente.", Kind.NOT_FOUND);
  }
}
