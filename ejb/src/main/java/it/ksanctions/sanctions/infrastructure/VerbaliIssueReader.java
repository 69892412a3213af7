package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the items of a bulk issue in order, from the one after the last checkpoint: those of its
 * partition ({@code position mod partitions = partition}), so that the step's partitions issue the
 * run's items on two threads at once, each with its own checkpoint. A partition runs on a batch
 * thread of its own, with neither the tenant nor a request context: the reader sets them up, signed
 * in as the operator who started the run, and ends them when the partition closes.
 */
@Named("verbaliIssueReader")
@Dependent
public class VerbaliIssueReader extends AbstractItemReader {

  private static final int PAGE = 500;

  @Inject JobContext job;
  @Inject IssueRunStore store;
  @Inject RequestContextController requestContext;
  @Inject CurrentStaff currentStaff;

  @Inject
  @BatchProperty(name = "partition")
  String partition;

  @Inject
  @BatchProperty(name = "partitions")
  String partitions;

  private final Deque<IssueRunStore.Item> page = new ArrayDeque<>();
  private int lastRead;
  private int lastFetched;
  private boolean exhausted;
  private TenantScope scope;
  private boolean activated;

  @Override
  public void open(Serializable checkpoint) {
    if (TenantContext.current().isEmpty()) {
      scope = TenantScope.enter(TenantId.of(job.getProperties().getProperty("tenant")));
      activated = requestContext.activate();
      currentStaff.signIn(store.find(runId()).orElseThrow().createdBy());
    }
    lastRead = checkpoint == null ? 0 : (Integer) checkpoint;
    lastFetched = lastRead;
  }

  @Override
  public Object readItem() {
    if (page.isEmpty() && !exhausted) {
      var next =
          store.itemsAfter(runId(), lastFetched, PAGE, count(partitions, 1), count(partition, 0));
      page.addAll(next);
      if (next.isEmpty()) {
        exhausted = true;
      } else {
        lastFetched = next.get(next.size() - 1).position();
      }
    }
    IssueRunStore.Item item = page.poll();
    if (item != null) {
      lastRead = item.position();
    }
    return item;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRead;
  }

  @Override
  public void close() {
    if (activated) {
      requestContext.deactivate();
      activated = false;
    }
    if (scope != null) {
      scope.close();
      scope = null;
    }
  }

  private long runId() {
    return Long.parseLong(job.getProperties().getProperty("runId"));
  }

  private static int count(String value, int otherwise) {
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
  }
}
