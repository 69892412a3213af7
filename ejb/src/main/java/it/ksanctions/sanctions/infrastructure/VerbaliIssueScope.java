package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/**
 * Runs a bulk issue inside its tenant's scope and a request context of its own (a batch thread has
 * neither), signed in as the operator who started it — so every act is authorised, attributed and
 * audited as if issued from the page — and records how the execution ended.
 */
@Named("verbaliIssueScope")
@Dependent
public class VerbaliIssueScope implements jakarta.batch.api.listener.JobListener {

  private static final Logger LOG = Logger.getLogger(VerbaliIssueScope.class);

  @Inject JobContext job;
  @Inject IssueRunStore store;
  @Inject RequestContextController requestContext;
  @Inject CurrentStaff currentStaff;

  private TenantScope scope;
  private boolean activated;

  @Override
  public void beforeJob() {
    scope = TenantScope.enter(TenantId.of(job.getProperties().getProperty("tenant")));
    activated = requestContext.activate();
    IssueRunStore.Run run = store.find(runId()).orElseThrow();
    currentStaff.signIn(run.createdBy());
    store.status(runId(), "RUNNING", job.getExecutionId(), null, false);
  }

  @Override
  public void afterJob() {
    try {
      BatchStatus status = job.getBatchStatus();
      IssueRunStore.Run run = store.find(runId()).orElseThrow();
      if (status == BatchStatus.COMPLETED) {
        store.status(
            runId(),
            "COMPLETED",
            null,
            run.issued()
                + (run.issued() == 1 ? " verbale emesso" : " verbali emessi")
                + (run.refused() == 0
                    ? "."
                    : ", " + run.refused() + (run.refused() == 1 ? " rifiutato." : " rifiutati.")),
            true);
      } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
        store.status(runId(), "STOPPED", null, "Emissione interrotta: si può riprendere.", true);
      } else {
        store.status(
            runId(),
            "FAILED",
            null,
            "Emissione interrotta da un errore del sistema: si può riprendere.",
            true);
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "Could not record the end of verbali issue run %s", job.getProperties());
    } finally {
      if (activated) {
        requestContext.deactivate();
      }
      if (scope != null) {
        scope.close();
      }
    }
  }

  private long runId() {
    return Long.parseLong(job.getProperties().getProperty("runId"));
  }
}
