package it.ksanctions.sanctions.infrastructure;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads the items of a bulk issue in order, from the one after the last checkpoint. */
@Named("verbaliIssueReader")
@Dependent
public class VerbaliIssueReader extends AbstractItemReader {

  private static final int PAGE = 500;

  @Inject JobContext job;
  @Inject IssueRunStore store;

  private final Deque<IssueRunStore.Item> page = new ArrayDeque<>();
  private int lastRead;
  private int lastFetched;
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) {
    lastRead = checkpoint == null ? 0 : (Integer) checkpoint;
    lastFetched = lastRead;
  }

  @Override
  public Object readItem() {
    if (page.isEmpty() && !exhausted) {
      long runId = Long.parseLong(job.getProperties().getProperty("runId"));
      var next = store.itemsAfter(runId, lastFetched, PAGE);
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
}
