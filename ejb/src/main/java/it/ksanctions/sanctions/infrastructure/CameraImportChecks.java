package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.devices.application.DeviceDirectory;
import it.ksanctions.devices.domain.FixedDeviceFacts;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.domain.Place;
import it.ksanctions.sanctions.domain.CameraRow;
import it.ksanctions.sanctions.domain.DetectionCheck;
import it.ksanctions.sanctions.domain.DetectionDecision;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.StagedRow;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each row of a camera file and decides it (issue 13 item 4): the device, its calibration
 * and its place as of the detection time ({@link DetectionCheck}), the photos the row names in the
 * ZIP, and the article version in force at the detection time. The device, place, photo names and
 * article versions are read once per step, not per row.
 */
@Named("cameraImportChecks")
@Dependent
public class CameraImportChecks implements ItemProcessor {

  @Inject JobContext job;
  @Inject CameraImportStore store;
  @Inject DeviceDirectory devices;
  @Inject PlaceDirectory places;
  @Inject ArticleCatalogue catalogue;

  private DetectionCheck check;
  private Set<String> photoNames;
  private final Map<String, Optional<CataloguedVersion>> versions = new HashMap<>();

  @Override
  public Object processItem(Object item) {
    CameraRow row = (CameraRow) item;
    prepare();
    List<CameraRow.FieldProblem> problems = new ArrayList<>(row.problems());
    for (String photo : row.photos()) {
      if (photoNames == null) {
        problems.add(
            new CameraRow.FieldProblem("foto", "nessun archivio di foto caricato: " + photo));
      } else if (!photoNames.contains(photo.toLowerCase(Locale.ROOT))) {
        problems.add(new CameraRow.FieldProblem("foto", "manca nell'archivio: " + photo));
      }
    }
    if (!problems.isEmpty()) {
      return StagedRow.refused(row, problems);
    }
    DetectionDecision decision;
    try {
      decision = check.decide(row);
    } catch (SanctionsRuleException e) {
      return StagedRow.refused(
          row, List.of(new CameraRow.FieldProblem("data_ora", e.italianMessage())));
    }
    Integer limit = check.speedLimitAt(row.detectedAt().atZone(DetectionCheck.ITALY).toInstant());
    if (!decision.isViolation()) {
      return new StagedRow(
          row, StagedRow.Outcome.NO_VIOLATION, null, null, limit, decision.rule(), List.of());
    }
    String code = decision.articleCode().orElseThrow();
    LocalDate day = row.detectedAt().toLocalDate();
    Optional<CataloguedVersion> version =
        versions.computeIfAbsent(
            code + "@" + day, k -> catalogue.inForce(ArticleCode.parse(code), day));
    if (version.isEmpty()) {
      return StagedRow.refused(
          row,
          List.of(
              new CameraRow.FieldProblem(
                  "articolo",
                  "l'articolo "
                      + code
                      + " non ha una versione in vigore il "
                      + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                      + " nel catalogo del comando")));
    }
    return new StagedRow(
        row,
        StagedRow.Outcome.VIOLATION,
        code,
        version.get().getValidFrom(),
        limit,
        decision.rule(),
        List.of());
  }

  private void prepare() {
    if (check != null) {
      return;
    }
    long id = Long.parseLong(job.getProperties().getProperty("importId"));
    CameraImportRow imported = store.find(id).orElseThrow();
    FixedDeviceFacts device = devices.fixedDevice(imported.deviceCode()).orElseThrow();
    Place place = places.place(device.placeCode()).orElse(null);
    check = new DetectionCheck(device, place, java.time.Instant.now());
    byte[] photos = store.file(id).photos();
    photoNames = photos == null ? null : PhotoArchive.check(photos);
  }
}
