package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.platform.application.DemoData;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.CameraImports;
import it.ksanctions.sanctions.application.CameraImports.ImportView;
import it.ksanctions.sanctions.application.Detections;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.domain.ImportStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo content of the run command (issue 13 item 10): a command gets its base theme, coded
 * places with a speed point and a ZTL gate, a speed camera and a ZTL gate, a camera file imported
 * by the real job (detections decided by the tolerance rule, the passages within tolerance left
 * out), paper pre-notices and a rental firm's two notified acts; a second call changes nothing.
 * Enabled only where configured (the run command and the test server set {@code
 * KSANCTIONS_DEMO_DATA_ENABLED}).
 */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {

  static final String SLUG = "demo-itri";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject DemoData demoData;
  @Inject CurrentStaff currentStaff;
  @Inject PlaceDirectory places;
  @Inject CameraImports imports;
  @Inject Detections detections;
  @Inject PreNotices preNotices;
  @Inject it.ksanctions.sanctions.application.Verbali verbali;
  @Inject it.ksanctions.payments.application.Payments payments;
  @Inject BrandingAdministration branding;

  @Test
  void aCommandGetsItsDemoContentOnce() throws Exception {
    assertThat(demoData.enabled()).as("enabled on the test server, as by the run command").isTrue();
    onboarding.onboard(
        OnboardingRequest.validated(
            SLUG, "Comune di Itri (demo)", "COMUNE", "00097020598", null, List.of()));

    DemoData.Outcome first = demoData.seed(SLUG, "verde", "assistenza", true);
    DemoData.Outcome second = demoData.seed(SLUG, "verde", "assistenza");

    assertThat(first.seeded()).isTrue();
    assertThat(second.seeded()).isFalse();
    assertThat(branding.stored(SLUG).values().baseTheme()).isEqualTo("verde");
    try (TenantScope scope = TenantScope.enter(TenantId.of(SLUG))) {
      currentStaff.signIn("admin." + SLUG);
      assertThat(places.place("AV-ROMA")).isPresent();
      assertThat(places.place("ZTL-DUOMO")).isPresent();
      ImportView imported = imports.latest().get(0);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (imported.status().inProgress() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        imported = imports.status(imported.id());
      }
      assertThat(imported.status()).as(imported.outcome()).isEqualTo(ImportStatus.COMPLETED);
      // Speeds 48 55 61 67 72 90 53 104 58 66 at a 50 limit: 48, 55 and 53 are within tolerance.
      assertThat(imported.rowsViolations()).isEqualTo(7);
      assertThat(imported.rowsNoViolation()).isEqualTo(3);
      assertThat(detections.search(Detections.Filter.all())).hasSize(7);
      assertThat(preNotices.search(PreNotices.Filter.all())).hasSize(7);
      // the seventh stays a pre-notice, to pay on the portal: the outcome names its plate and code
      assertThat(first.message())
          .contains("targa " + DemoData.PRE_NOTICE_PLATE + ", codice ")
          .containsPattern("codice [0-9A-F]{4}-[0-9A-F]{4};")
          .contains("palmare " + DemoData.PALMTOP + " (IMEI " + DemoData.PALMTOP_IMEI + ")")
          .containsPattern("codice di attivazione \\S+, valido 24 ore$");
      // The four citizens' pre-notices became verbali: one issued, one notified, one annulled, one
      // notified and paid through pagoPA; the rental firm's two (issue 16 item 6) are notified,
      // with the firm as owner.
      assertThat(verbali.search(it.ksanctions.sanctions.application.Verbali.Filter.all()))
          .extracting(v -> v.status().name())
          .containsExactlyInAnyOrder(
              "ISSUED", "NOTIFIED", "ANNULLED", "PAID", "NOTIFIED", "NOTIFIED");
      var paid =
          verbali.search(it.ksanctions.sanctions.application.Verbali.Filter.all()).stream()
              .filter(v -> v.plate().equals(DemoData.PAID_PLATE))
              .findFirst()
              .orElseThrow();
      assertThat(paid.status().name()).isEqualTo("PAID");
      assertThat(payments.ofVerbale(paid.id()))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.amount())
                      .isEqualByComparingTo(verbali.detail(paid.id()).windows().get(0).total()));
      assertThat(verbali.search(it.ksanctions.sanctions.application.Verbali.Filter.all()))
          .filteredOn(v -> DemoData.RENTAL_FIRM_TAX_CODE.equals(v.ownerTaxCode()))
          .extracting(v -> v.status().name() + " " + v.plate())
          .containsExactlyInAnyOrder("NOTIFIED FN234RT", "NOTIFIED FN567RT");
    }
  }
}
