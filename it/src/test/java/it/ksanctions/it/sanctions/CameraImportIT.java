package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.devices.application.DeviceDownloads.DownloadView;
import it.ksanctions.devices.application.DeviceMonitoring;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.domain.DownloadOutcome;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.SpeedCameraFixture;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.CameraImports;
import it.ksanctions.sanctions.application.CameraImports.ImportView;
import it.ksanctions.sanctions.application.Detections;
import it.ksanctions.sanctions.application.Detections.DetectionView;
import it.ksanctions.sanctions.domain.DetectionStatus;
import it.ksanctions.sanctions.domain.ImportStatus;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Camera files in the server (issue 13 items 3–4, DEV-5, DEV-10): the tolerance table decided by
 * the rule through a real Jakarta Batch job, photos in a ZIP, the same file twice refused, a file
 * with a wrong row (calibration expired, malformed plate) published not at all with its per-row
 * report, an import stopped at about half and restarted from its checkpoint yielding exactly the
 * file's rows, a cancelled import publishing nothing, and two tenants with the same device code
 * each seeing only their own detections.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CameraImportIT {

  static final String ALFA = "cam-alfa";
  static final String BETA = "cam-beta";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'
  };

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject CurrentStaff currentStaff;
  @Inject PlacesAdministration places;
  @Inject PlaceDirectory placeDirectory;
  @Inject DeviceRegistry devices;
  @Inject CameraImports imports;
  @Inject Detections detections;
  @Inject PermissionsAdministration permissions;
  @Inject DeviceMonitoring monitoring;

  @BeforeEach
  void commandsWithASpeedCamera() {
    for (String slug : List.of(ALFA, BETA)) {
      onboarding.onboard(
          OnboardingRequest.validated(
              slug, "Comune " + slug, "COMUNE", "00097020598", null, List.of()));
      try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
        currentStaff.signIn("admin." + slug);
        SpeedCameraFixture.install(places, placeDirectory, devices);
      }
    }
  }

  private boolean placeExists() {
    return placeDirectory.place("AV-50").isPresent();
  }

  @Test
  @Order(1)
  void theToleranceTableIsDecidedByTheRuleAndTheWholeFileIsPublished() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      LocalDateTime t = LocalDateTime.now(ITALY).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
      String csv =
          "targa;nazione;data_ora;velocita;foto\n"
              + "AA111AA;I;"
              + WHEN.format(t)
              + ";55;\n" // 55 - 5 = 50: no violation
              + "BB222BB;I;"
              + WHEN.format(t.plusMinutes(1))
              + ";61;bb.jpg\n" // 56: c. 7
              + "CC333CC;;"
              + WHEN.format(t.plusMinutes(2))
              + ";90;\n" // 85: c. 8
              + "DD444DD;D;"
              + WHEN.format(t.plusMinutes(3))
              + ";100;\n"; // 95: c. 9

      ImportView started =
          imports.start(
              new CameraImports.NewImport(
                  "AV-01",
                  "Mario Rossi",
                  "Servizio del mattino",
                  "av01.csv",
                  csv.getBytes(StandardCharsets.UTF_8),
                  "foto.zip",
                  zip("bb.jpg")));
      ImportView done = awaitEnd(started.id());

      assertThat(done.status()).as(done.outcome()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(done.rowsTotal()).isEqualTo(4);
      assertThat(done.rowsViolations()).isEqualTo(3);
      assertThat(done.rowsNoViolation()).isEqualTo(1);
      List<DetectionView> found = detections.search(Detections.Filter.all());
      assertThat(found)
          .extracting(DetectionView::plate, DetectionView::articleCode)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("BB222BB", "142c7"),
              org.assertj.core.groups.Tuple.tuple("CC333CC", "142c8"),
              org.assertj.core.groups.Tuple.tuple("DD444DD", "142c9"));
      DetectionView c8 = only(found, d -> d.plate().equals("CC333CC"));
      assertThat(c8.decidedRule())
          .contains("velocità rilevata 90 km/h", "tolleranza 5 km/h", "limite 50 km/h");
      assertThat(c8.speedLimit()).isEqualTo(50);
      assertThat(c8.status()).isEqualTo(DetectionStatus.TO_REVIEW);
      DetectionView c7 = only(found, d -> d.plate().equals("BB222BB"));
      assertThat(detections.photo(c7.id(), "bb.jpg"))
          .hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(JPEG));
      assertThat(detections.photo(c7.id(), "../../etc/passwd")).isEmpty();

      // The same file again: refused, naming the first import.
      assertThatThrownBy(
              () ->
                  imports.start(
                      new CameraImports.NewImport(
                          "AV-01",
                          "Mario Rossi",
                          null,
                          "copia.csv",
                          csv.getBytes(StandardCharsets.UTF_8),
                          null,
                          null)))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("già stato importato")
          .hasMessageContaining("n. " + started.id());

      // Review: a plate corrected with its reason, one validated, one archived with its reason.
      assertThat(
              detections.correctPlate(c8.id(), "cc 333 ce", "Lettura errata della targa").plate())
          .isEqualTo("CC333CE");
      assertThat(detections.validate(List.of(c8.id()))).isEqualTo(1);
      assertThat(detections.archive(List.of(c7.id()), "Veicolo in emergenza")).isEqualTo(1);
      assertThatThrownBy(() -> detections.validate(List.of(c7.id())))
          .hasMessageContaining("già archiviata");
      assertThat(
              detections.search(
                  new Detections.Filter(
                      null, null, null, null, null, DetectionStatus.TO_REVIEW, null)))
          .extracting(DetectionView::plate)
          .containsExactly("DD444DD");
    }
  }

  @Test
  @Order(2)
  void aFileWithWrongRowsPublishesNothingAndReportsEachRow() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      LocalDateTime t = LocalDateTime.now(ITALY).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
      LocalDateTime beforeCalibration = t.minusDays(45);
      int before = detections.search(Detections.Filter.all()).size();
      String csv =
          "targa;data_ora;velocita\n"
              + "EE555EE;"
              + WHEN.format(t)
              + ";90\n"
              + "FF666FF;"
              + WHEN.format(beforeCalibration)
              + ";90\n" // no certificate covers it
              + "G;"
              + WHEN.format(t)
              + ";90\n" // malformed plate
              + "HH777HH;ieri;90\n" // malformed time
              + "II888II;"
              + WHEN.format(t)
              + ";\n"; // a speed camera's row without speed

      ImportView done =
          awaitEnd(
              imports
                  .start(
                      new CameraImports.NewImport(
                          "AV-01",
                          "Luca Bianchi",
                          null,
                          "errori.csv",
                          csv.getBytes(StandardCharsets.UTF_8),
                          null,
                          null))
                  .id());

      assertThat(done.status()).isEqualTo(ImportStatus.FAILED);
      assertThat(done.rowsRefused()).isEqualTo(4);
      assertThat(done.outcome()).contains("4 righe rifiutate", "nessuna rilevazione pubblicata");
      List<CameraImports.RefusedRow> report = imports.report(done.id());
      assertThat(report).extracting(CameraImports.RefusedRow::row).containsExactly(2, 3, 4, 5);
      assertThat(report.get(0).reasons()).contains("Taratura scaduta");
      assertThat(report.get(1).reasons()).startsWith("targa:");
      assertThat(report.get(2).reasons()).startsWith("data_ora:");
      assertThat(report.get(3).reasons()).startsWith("velocita:");
      assertThat(detections.search(Detections.Filter.all())).hasSize(before);
      // The device's download history links the file to the device with the outcome "with errors".
      String sha = sha256(csv.getBytes(StandardCharsets.UTF_8));
      assertThat(downloadsOf("AV-01"))
          .filteredOn(d -> "errori.csv".equals(d.fileName()))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.outcome()).isEqualTo(DownloadOutcome.WITH_ERRORS);
                assertThat(d.sha256()).isEqualTo(sha);
                assertThat(d.operator()).isEqualTo("Luca Bianchi");
              });

      // An unreadable file is refused at once, nothing stored.
      int imported = imports.latest().size();
      assertThatThrownBy(
              () ->
                  imports.start(
                      new CameraImports.NewImport(
                          "AV-01",
                          "Luca Bianchi",
                          null,
                          "rotto.csv",
                          new byte[] {0, (byte) 0xFF, 0x13, 0x0A, (byte) 0xC3, 0x28},
                          null,
                          null)))
          .isInstanceOf(SanctionsRuleException.class);
      assertThat(imports.latest()).hasSize(imported);
    }
  }

  @Test
  @Order(3)
  void anImportStoppedAtAboutHalfAndRestartedYieldsExactlyTheRowsOfTheFile() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      int rows = 20_000;
      // 03:00 two days ago: the 20,000 passages (one a second) stay within that day, away from
      // the other tests' passages of the last hours (which may fall on yesterday after midnight)
      LocalDateTime t = java.time.LocalDate.now(ITALY).minusDays(2).atTime(3, 0);
      StringBuilder csv = new StringBuilder("targa;data_ora;velocita\n");
      for (int i = 0; i < rows; i++) {
        csv.append(String.format("XY%06d;%s;%d%n", i, WHEN.format(t.plusSeconds(i)), 80));
      }
      ImportView started =
          imports.start(
              new CameraImports.NewImport(
                  "AV-01",
                  "Mario Rossi",
                  null,
                  "lungo.csv",
                  csv.toString().getBytes(StandardCharsets.UTF_8),
                  null,
                  null));
      ImportView progress = started;
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (progress.rowsProcessed() == 0
          && progress.status().inProgress()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
        progress = imports.status(started.id());
      }
      assertThat(progress.status())
          .as("still running when stopped")
          .isEqualTo(ImportStatus.RUNNING);
      imports.stop(started.id());
      ImportView stopped = awaitEnd(started.id());
      assertThat(stopped.status()).isEqualTo(ImportStatus.STOPPED);
      assertThat(stopped.rowsProcessed()).isBetween(1, rows - 1);

      ImportView done = awaitEnd(imports.restart(started.id()).id());

      assertThat(done.status()).as(done.outcome()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(done.rowsViolations()).isEqualTo(rows);
      assertThat(detections.countByDevice(t.toLocalDate(), t.toLocalDate()))
          .containsEntry("AV-01", (long) rows);
    }
  }

  @Test
  @Order(4)
  void aCancelledImportPublishesNothingAndTheOtherTenantSeesNothing() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      assertThat(detections.search(Detections.Filter.all())).isEmpty();
      assertThat(imports.latest()).isEmpty();
      StringBuilder csv = new StringBuilder("targa;data_ora;velocita\n");
      LocalDateTime t = LocalDateTime.now(ITALY).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
      for (int i = 0; i < 20_000; i++) {
        csv.append(String.format("ZZ%06d;%s;%d%n", i, WHEN.format(t.plusSeconds(i)), 90));
      }
      ImportView started =
          imports.start(
              new CameraImports.NewImport(
                  "AV-01",
                  "Anna Verdi",
                  null,
                  "beta.csv",
                  csv.toString().getBytes(StandardCharsets.UTF_8),
                  null,
                  null));
      ImportView cancelled = imports.cancel(started.id());
      assertThat(cancelled.status()).isEqualTo(ImportStatus.CANCELLED);
      assertThat(detections.search(Detections.Filter.all())).isEmpty();
      // The device's download history records the cancelled file with its outcome (DEV-5).
      String sha = sha256(csv.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(downloadsOf("AV-01"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.outcome()).isEqualTo(DownloadOutcome.CANCELLED);
                assertThat(d.fileName()).isEqualTo("beta.csv");
                assertThat(d.sha256()).isEqualTo(sha);
                assertThat(d.operator()).isEqualTo("Anna Verdi");
              });
      // Cancelled once: a second cancel is refused and records nothing more.
      assertThatThrownBy(() -> imports.cancel(started.id()))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("già conclusa");
      assertThat(downloadsOf("AV-01")).hasSize(1);
      // A cancelled file may be imported again.
      ImportView again =
          awaitEnd(
              imports
                  .start(
                      new CameraImports.NewImport(
                          "AV-01",
                          "Anna Verdi",
                          null,
                          "beta.csv",
                          csv.toString().getBytes(StandardCharsets.UTF_8),
                          null,
                          null))
                  .id());
      assertThat(again.status()).isEqualTo(ImportStatus.COMPLETED);
      assertThat(downloadsOf("AV-01"))
          .extracting(DownloadView::fileName, DownloadView::outcome, DownloadView::sha256)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("beta.csv", DownloadOutcome.CANCELLED, sha),
              org.assertj.core.groups.Tuple.tuple("beta.csv", DownloadOutcome.COMPLETED, sha));
      assertThat(detections.countByDevice(t.toLocalDate(), t.toLocalDate().plusDays(1)))
          .containsEntry("AV-01", 20_000L);
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      assertThat(
              detections.search(
                  new Detections.Filter(null, null, null, null, null, null, "ZZ000001")))
          .isEmpty();
    }
  }

  @Test
  @Order(5)
  void anOfficerSeesNoCameraDetectionWhileTheOfficeAndTheAuditorSeeThemAll() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      List<DetectionView> all = detections.search(Detections.Filter.all());
      assertThat(all).isNotEmpty();
      long id = all.get(0).id();
      permissions.createUser(
          new NewUser(
              "cam.agente",
              "Mario",
              "Rossi",
              cf("RSSMRA80A01E472"),
              null,
              "VIABILITA",
              "FIELD_OFFICER"),
          null);
      permissions.createUser(
          new NewUser(
              "cam.revisore", "Grazia", "Grigi", cf("GRGGRZ80A41E472"), null, null, "AUDITOR"),
          null);

      currentStaff.signIn("cam.agente");
      assertThat(detections.search(Detections.Filter.all())).isEmpty();
      assertThatThrownBy(() -> detections.detail(id))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("sanctions.detection.unknown");

      currentStaff.signIn("cam.revisore");
      assertThat(detections.search(Detections.Filter.all())).hasSameSizeAs(all);
      assertThat(detections.detail(id).id()).isEqualTo(id);
    }
  }

  /** The download history of a device, as the devices context publishes it. */
  private List<DownloadView> downloadsOf(String device) {
    return monitoring.detail(device).downloads();
  }

  private static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static String cf(String first15) {
    return first15 + it.ksanctions.shared.CodiceFiscale.checkCharacterOf(first15);
  }

  private ImportView awaitEnd(long id) throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    ImportView view = imports.status(id);
    while (view.status().inProgress() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      view = imports.status(id);
    }
    return view;
  }

  private static DetectionView only(List<DetectionView> found, Predicate<DetectionView> which) {
    return found.stream().filter(which).findFirst().orElseThrow();
  }

  private static LocalDate today() {
    return LocalDate.now(ITALY);
  }

  private static byte[] zip(String name) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(JPEG);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
