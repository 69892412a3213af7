package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.devices.application.DeviceDirectory;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step of a camera import: publish the whole file at once, or nothing. */
@Named("cameraImportPublisher")
@Dependent
public class CameraImportPublisher extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject CameraImportStore store;
  @Inject DeviceDirectory devices;

  @Override
  public String process() {
    long id = Long.parseLong(job.getProperties().getProperty("importId"));
    CameraImportRow row = store.find(id).orElseThrow();
    String place = devices.fixedDevice(row.deviceCode()).orElseThrow().placeCode();
    return store.complete(id, place).status().name();
  }
}
