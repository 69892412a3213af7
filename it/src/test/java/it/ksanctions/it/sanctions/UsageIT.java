package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.articles.application.ArticleAdministration;
import it.ksanctions.devices.application.DeviceMonitoring;
import it.ksanctions.devices.application.DeviceMonitoring.DeviceView;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.SpeedCameraFixture;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.CameraImports;
import it.ksanctions.sanctions.application.CameraImports.ImportView;
import it.ksanctions.sanctions.domain.ImportStatus;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The settings rules that wait for the Sanctions records (issue 13 item 7; ART-7, PLC-6, PLC-7,
 * DEV-6, DEV-8): an article, a place and a device used by a camera detection are never deleted
 * (each refusal with its code), the violations per device (monitoring) and per place (register) in
 * a period count the detections of the period, and two tenants each count only their own.
 */
@ExtendWith(ArquillianExtension.class)
class UsageIT {

  static final String ALFA = "use-alfa";
  static final String BETA = "use-beta";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject CurrentStaff currentStaff;
  @Inject PlacesAdministration places;
  @Inject PlaceDirectory placeDirectory;
  @Inject DeviceRegistry devices;
  @Inject DeviceMonitoring monitoring;
  @Inject ArticleAdministration articles;
  @Inject CameraImports imports;

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

  @Test
  void usedSettingsAreNotDeletedAndEachTenantCountsOnlyItsOwnViolations() throws Exception {
    LocalDate from = today().minusDays(1);
    LocalDate to = today();
    // Counted before the imports: the database may keep the rows of an earlier run.
    long alfaDevice = deviceViolations(ALFA, from, to);
    long alfaPlace = placeViolations(ALFA, from, to);
    long betaDevice = deviceViolations(BETA, from, to);
    long betaPlace = placeViolations(BETA, from, to);

    // Two violations (142c8, 142c9) and one speed within the tolerance in the first command, one
    // violation (142c8) in the second.
    LocalDateTime t = LocalDateTime.now(ITALY).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
    importFile(
        ALFA,
        "targa;data_ora;velocita\n"
            + "UA111AA;"
            + WHEN.format(t)
            + ";90\n"
            + "UB222BB;"
            + WHEN.format(t.plusSeconds(1))
            + ";100\n"
            + "UC333CC;"
            + WHEN.format(t.plusSeconds(2))
            + ";52\n");
    importFile(BETA, "targa;data_ora;velocita\nUD444DD;" + WHEN.format(t) + ";90\n");

    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      // ART-7, PLC-6, DEV-8: used by the detections, none of them can be deleted.
      assertThatThrownBy(() -> articles.delete("142c8"))
          .isInstanceOfSatisfying(
              RuleViolation.class, r -> assertThat(r.code()).isEqualTo("articles.change.in-use"));
      assertThatThrownBy(() -> places.delete("AV-50"))
          .isInstanceOfSatisfying(
              RuleViolation.class, r -> assertThat(r.code()).isEqualTo("places.in-use"));
      assertThatThrownBy(() -> devices.delete("AV-01"))
          .isInstanceOfSatisfying(
              RuleViolation.class, r -> assertThat(r.code()).isEqualTo("devices.in-use"));
      assertThat(articles.detail("142c8").versions()).isNotEmpty();
      assertThat(placeDirectory.place("AV-50")).isPresent();

      // A period is checked on the server, in Italian.
      assertThatThrownBy(() -> monitoring.overview(to, from))
          .isInstanceOf(AdministrationException.class)
          .extracting(e -> ((AdministrationException) e).italianMessage())
          .asString()
          .contains("primo giorno");
      // A period before the detections counts none of them.
      assertThat(deviceCount(today().minusDays(20), today().minusDays(10))).isZero();
    }

    // DEV-6, PLC-7: the violations of the period, each tenant its own.
    assertThat(deviceViolations(ALFA, from, to) - alfaDevice).isEqualTo(2);
    assertThat(placeViolations(ALFA, from, to) - alfaPlace).isEqualTo(2);
    assertThat(deviceViolations(BETA, from, to) - betaDevice).isEqualTo(1);
    assertThat(placeViolations(BETA, from, to) - betaPlace).isEqualTo(1);
  }

  private void importFile(String slug, String csv) throws InterruptedException {
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      currentStaff.signIn("admin." + slug);
      ImportView started =
          imports.start(
              new CameraImports.NewImport(
                  "AV-01",
                  "Mario Rossi",
                  null,
                  "usage-" + System.nanoTime() + ".csv",
                  csv.getBytes(StandardCharsets.UTF_8),
                  null,
                  null));
      ImportView done = awaitEnd(started.id());
      assertThat(done.status()).as(done.outcome()).isEqualTo(ImportStatus.COMPLETED);
    }
  }

  private long deviceViolations(String slug, LocalDate from, LocalDate to) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      currentStaff.signIn("admin." + slug);
      return deviceCount(from, to);
    }
  }

  private long deviceCount(LocalDate from, LocalDate to) {
    return monitoring.overview(from, to).stream()
        .filter(d -> d.code().equals("AV-01"))
        .mapToLong(DeviceView::detectionsInPeriod)
        .sum();
  }

  private long placeViolations(String slug, LocalDate from, LocalDate to) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      currentStaff.signIn("admin." + slug);
      return places.violationsInPeriod(from, to).getOrDefault("AV-50", 0L);
    }
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

  private static LocalDate today() {
    return LocalDate.now(ITALY);
  }
}
