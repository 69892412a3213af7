package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.devices.application.DeviceDirectory;
import it.ksanctions.devices.domain.FixedDeviceFacts;
import it.ksanctions.sanctions.domain.CameraRow;
import it.ksanctions.sanctions.domain.DetectionCheck;
import it.ksanctions.sanctions.domain.DetectionKind;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of the import's file, from the row after the last checkpoint; a file that breaks
 * mid-way (malformed syntax, wrong encoding) ends with one refused row naming where.
 */
@Named("cameraImportReader")
@Dependent
public class CameraImportReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject CameraImportStore store;
  @Inject DeviceDirectory devices;

  private CameraFileReader reader;
  private boolean speedRequired;
  private int lastRow;
  private boolean broken;

  @Override
  public void open(Serializable checkpoint) {
    long id = Long.parseLong(job.getProperties().getProperty("importId"));
    CameraImportRow row = store.find(id).orElseThrow();
    FixedDeviceFacts device = devices.fixedDevice(row.deviceCode()).orElseThrow();
    speedRequired = DetectionCheck.kindOf(device.type()).orElse(null) == DetectionKind.SPEED;
    reader = CameraFileReader.open(store.file(id).content(), row.fileFormat());
    int skip = checkpoint == null ? 0 : (Integer) checkpoint;
    while (lastRow < skip && reader.hasNext()) {
      reader.next();
      lastRow++;
    }
  }

  @Override
  public Object readItem() {
    if (broken) {
      return null;
    }
    try {
      if (!reader.hasNext()) {
        return null;
      }
      Map<String, String> fields = reader.next();
      lastRow++;
      return CameraRow.read(lastRow, fields, speedRequired);
    } catch (SanctionsRuleException e) {
      broken = true;
      lastRow++;
      return new CameraRow(
          lastRow,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          List.of(new CameraRow.FieldProblem("file", e.italianMessage())));
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRow;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
