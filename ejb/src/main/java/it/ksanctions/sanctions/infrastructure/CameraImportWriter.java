package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.StagedRow;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Writes each chunk of checked rows to the staging area, in the chunk's transaction. */
@Named("cameraImportWriter")
@Dependent
public class CameraImportWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject CameraImportStore store;

  @Override
  public void writeItems(List<Object> items) {
    long id = Long.parseLong(job.getProperties().getProperty("importId"));
    store.stage(id, items.stream().map(StagedRow.class::cast).toList());
  }
}
