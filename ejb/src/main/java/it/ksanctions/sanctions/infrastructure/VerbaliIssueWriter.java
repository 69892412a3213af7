package it.ksanctions.sanctions.infrastructure;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Records the outcomes of a chunk and the run's progress, in the chunk's transaction. */
@Named("verbaliIssueWriter")
@Dependent
public class VerbaliIssueWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject IssueRunStore store;

  @Override
  public void writeItems(List<Object> items) {
    long runId = Long.parseLong(job.getProperties().getProperty("runId"));
    store.record(runId, items.stream().map(IssueRunStore.Outcome.class::cast).toList());
  }
}
