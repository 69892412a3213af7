package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.sanctions.application.Verbali;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Issues one item in its own transaction and tells its outcome. */
@Named("verbaliIssueProcessor")
@Dependent
public class VerbaliIssueProcessor implements ItemProcessor {

  @Inject JobContext job;
  @Inject IssueRunStore store;
  @Inject Verbali verbali;

  private NotificationChannel channel;
  private boolean channelRead;

  @Override
  public Object processItem(Object item) {
    IssueRunStore.Item i = (IssueRunStore.Item) item;
    if (!channelRead) {
      long runId = Long.parseLong(job.getProperties().getProperty("runId"));
      String stored = store.find(runId).orElseThrow().channel();
      channel = stored == null ? null : NotificationChannel.valueOf(stored);
      channelRead = true;
    }
    Verbali.Source source =
        new Verbali.Source(Verbali.SourceKind.valueOf(i.sourceKind()), i.sourceId());
    Verbali.ItemOutcome outcome = verbali.issueForRun(source, channel);
    return new IssueRunStore.Outcome(i.position(), outcome.number(), outcome.refusal());
  }
}
