package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/**
 * Runs a camera import inside its tenant's scope (a batch thread has none) and records how the
 * execution ended: a stopped execution is restartable, unless the operator cancelled the import.
 */
@Named("cameraImportTenantScope")
@Dependent
public class CameraImportTenantScope implements JobListener {

  private static final Logger LOG = Logger.getLogger(CameraImportTenantScope.class);

  @Inject JobContext job;
  @Inject CameraImportStore store;

  private TenantScope scope;

  @Override
  public void beforeJob() {
    scope = TenantScope.enter(TenantId.of(job.getProperties().getProperty("tenant")));
    store.running(importId(), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    try {
      BatchStatus status = job.getBatchStatus();
      store.ended(
          importId(),
          status == BatchStatus.STOPPING || status == BatchStatus.STOPPED,
          status == BatchStatus.FAILED);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Could not record the end of camera import %s", job.getProperties());
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
  }

  private long importId() {
    return Long.parseLong(job.getProperties().getProperty("importId"));
  }
}
