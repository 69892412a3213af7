package it.ksanctions.it.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.devices.application.CalibrationCertificates.NewCertificate;
import it.ksanctions.devices.application.DeviceAlerts;
import it.ksanctions.devices.application.DeviceAlertsTimer;
import it.ksanctions.devices.application.DeviceCredentials;
import it.ksanctions.devices.application.DeviceDownloads;
import it.ksanctions.devices.application.DeviceDownloads.NewDownload;
import it.ksanctions.devices.application.DeviceMonitoring;
import it.ksanctions.devices.application.DeviceMonitoring.DeviceView;
import it.ksanctions.devices.application.DeviceMonitoring.Filter;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.application.MobileDeviceGateway;
import it.ksanctions.devices.application.MobileDeviceGateway.DeviceAccessRefused;
import it.ksanctions.devices.application.MobileDeviceGateway.IssuedCredential;
import it.ksanctions.devices.domain.AnomalyKind;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.DownloadOutcome;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.Mailbox;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Devices in the server (DEV-2..10, PLT-4): a technical manager registers a speed camera at a coded
 * place with its calibration certificate; the rules of DEV-8 and DEV-9 refuse with their codes;
 * downloads name their operator; the alerts of the timer are raised once per threshold and reach
 * the technical manager's mailbox on a real SMTP server (GreenMail, read back over IMAP); the
 * mobile app activates with a one-time code, synchronises with its credential, and a revoked
 * credential is refused, logged and alerted.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevicesIT {

  static final String TENANT = "dev-alfa";
  static final String ADMIN = "admin." + TENANT;
  static final String TECHNICIAN = "tecnico.verdi";
  static final String TECHNICIAN_MAIL = "tecnico.verdi@dev-alfa.example";
  static final String OFFICER = "agente.neri";
  static final String MANAGER = "resp.bruni";
  static final String IMEI = "490154203237518";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject PlacesAdministration places;
  @Inject PermissionsAdministration permissions;
  @Inject CurrentStaff currentStaff;
  @Inject DeviceRegistry devices;
  @Inject DeviceMonitoring monitoring;
  @Inject DeviceDownloads downloads;
  @Inject DeviceCredentials credentials;
  @Inject DeviceAlerts alerts;
  @Inject DeviceAlertsTimer timer;
  @Inject MobileDeviceGateway mobile;

  static String taxCode(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  static DeviceData speedCamera(String place) {
    return DeviceData.fixed(
        FixedDeviceType.SPEED_CAMERA,
        place,
        "Velocità",
        "Sicurvia S.r.l.",
        "Velocar Red&Speed EVO",
        DownloadFrequency.WEEKLY,
        OutputFormat.CSV,
        "Autovelox SS148 km 72 direzione Roma");
  }

  static PlaceData area(String name, PlaceLevel level, String parent) {
    return new PlaceData(
        name,
        PlaceCategory.OTHER,
        null,
        level,
        parent,
        Coordinates.of("41.4676", "12.9037"),
        "EXTRAURBANA",
        null,
        null,
        null,
        null);
  }

  static LocalDate today() {
    return LocalDate.now(ITALY);
  }

  @Test
  @Order(1)
  void aTechnicalManagerRegistersASpeedCameraAndTheRulesHold() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune dei Dispositivi", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(ADMIN);
      places.create("LT", area("Latina", PlaceLevel.MUNICIPALITY, null));
      places.create("EXT", area("Extraurbano", PlaceLevel.AREA, "LT"));
      places.create("SS148", area("Strada statale 148", PlaceLevel.ZONE, "EXT"));
      places.create(
          "AV-148",
          new PlaceData(
              "Autovelox SS148 km 72",
              PlaceCategory.AUTOMATIC_POINT,
              "Velocità",
              PlaceLevel.PLACE,
              "SS148",
              Coordinates.of("41.4400", "12.8800"),
              "EXTRAURBANA",
              null,
              null,
              null,
              new AutomaticRule(90, false, null, null)));
      permissions.createUser(
          new NewUser(
              TECHNICIAN,
              "Carla",
              "Verdi",
              taxCode("VRDCRL80A41E472"),
              TECHNICIAN_MAIL,
              null,
              "TECHNICAL_MANAGER"),
          null);
      permissions.createUser(
          new NewUser(
              OFFICER,
              "Luca",
              "Neri",
              taxCode("NRELCU80A01E472"),
              null,
              "VIABILITA",
              "FIELD_OFFICER"),
          null);
      permissions.createUser(
          new NewUser(
              MANAGER, "Anna", "Bruni", taxCode("BRNNNA80A41E472"), null, null, "COMMAND_MANAGER"),
          null);

      currentStaff.signIn(TECHNICIAN);
      // DEV-8: a fixed device needs a coded, active place.
      assertThatThrownBy(() -> devices.register("AV-01", speedCamera(null), null))
          .isInstanceOf(DeviceRuleException.class)
          .hasMessageContaining("devices.fixed.place-required");
      assertThatThrownBy(() -> devices.register("AV-01", speedCamera("NOWHERE"), null))
          .hasMessageContaining("devices.fixed.place-not-valid");
      // The certificate must be a PDF.
      assertThatThrownBy(
              () ->
                  devices.register(
                      "AV-01",
                      speedCamera("AV-148"),
                      new NewCertificate(
                          "LAT 123/26",
                          "Centro LAT 999",
                          today().minusDays(10),
                          today().plusDays(7),
                          "certificato.pdf",
                          "not a pdf".getBytes(StandardCharsets.UTF_8))))
          .hasMessageContaining("devices.calibration.file");

      DeviceView camera =
          devices.register(
              "av-01",
              speedCamera("av-148"),
              new NewCertificate(
                  "LAT 123/26",
                  "Centro LAT 999",
                  today().minusYears(1).plusDays(7),
                  today().plusDays(7),
                  "certificato-av01.pdf",
                  PDF));
      assertThat(camera.code()).isEqualTo("AV-01");
      assertThat(camera.status()).isEqualTo(DeviceStatus.ACTIVE);
      assertThat(camera.certificateValidUntil()).isEqualTo(today().plusDays(7));
      assertThat(camera.anomalies())
          .extracting(a -> a.kind())
          .containsExactly(AnomalyKind.CALIBRATION_EXPIRING);

      // Without a certificate a speed camera waits in maintenance and cannot be activated.
      DeviceView spare = devices.register("AV-02", speedCamera("AV-148"), null);
      assertThat(spare.status()).isEqualTo(DeviceStatus.MAINTENANCE);
      assertThatThrownBy(
              () -> devices.changeStatus("AV-02", DeviceStatus.ACTIVE, "Messa in servizio"))
          .hasMessageContaining("devices.calibration.not-current");
      assertThatThrownBy(() -> devices.register("AV-02", speedCamera("AV-148"), null))
          .hasMessageContaining("devices.code.taken");

      // DEV-5: every download names its operator; one with errors raises an import anomaly.
      assertThatThrownBy(
              () ->
                  downloads.register(
                      "AV-01",
                      new NewDownload(
                          Instant.now().minusSeconds(3600),
                          " ",
                          DownloadOutcome.COMPLETED,
                          null,
                          null,
                          null)))
          .hasMessageContaining("devices.download.operator-required");
      downloads.register(
          "AV-01",
          new NewDownload(
              Instant.now().minusSeconds(3600),
              "Ass. Marco Gialli",
              DownloadOutcome.WITH_ERRORS,
              "Autovelox n. 1 – importazione settimanale, 3 record illeggibili",
              "av01-settimana.csv",
              "targa;data\nAB123CD;2026-11-20\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(monitoring.detail("AV-01").downloads())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.operator()).isEqualTo("Ass. Marco Gialli");
                assertThat(d.sha256()).hasSize(64);
              });
      assertThat(alerts.list(true))
          .extracting(a -> a.kind())
          .containsExactly(AnomalyKind.READ_ERROR);

      // DEV-8: linked to a download, AV-01 is never deleted; AV-02 (no links) is.
      assertThatThrownBy(() -> devices.delete("AV-01")).hasMessageContaining("devices.in-use");
      devices.delete("AV-02");
      assertThat(monitoring.search(Filter.all()))
          .extracting(DeviceView::code)
          .containsExactly("AV-01");

      // History: registration, certificate.
      assertThat(monitoring.detail("AV-01").history())
          .extracting(h -> h.kind().name())
          .containsExactly("REGISTERED", "CERTIFICATE");

      // Mobile devices: IMEI check digit, unique identifier.
      assertThatThrownBy(
              () ->
                  devices.register(
                      "PALM-01",
                      DeviceData.mobile(
                          "490154203237519", "Zebra TC58", "3.2.0", OFFICER, null, today(), null),
                      null))
          .hasMessageContaining("devices.mobile.imei-invalid");
      devices.register(
          "PALM-01",
          DeviceData.mobile(IMEI, "Zebra TC58", "3.2.0", OFFICER, null, today(), null),
          null);
      assertThatThrownBy(
              () ->
                  devices.register(
                      "PALM-02",
                      DeviceData.mobile(IMEI, "Zebra TC58", null, null, "VIABILITA", null, null),
                      null))
          .hasMessageContaining("devices.mobile.identifier-taken");

      // DEV-9: a command manager monitors and registers downloads but does not configure.
      currentStaff.signIn(MANAGER);
      assertThat(monitoring.overview()).hasSize(2);
      assertThatThrownBy(() -> devices.register("AV-03", speedCamera("AV-148"), null))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> devices.changeStatus("AV-01", DeviceStatus.DISABLED, "Guasto"))
          .isInstanceOf(AccessDeniedException.class);
      currentStaff.signIn(OFFICER);
      assertThatThrownBy(
              () ->
                  downloads.register(
                      "AV-01",
                      new NewDownload(
                          Instant.now(), "Agente", DownloadOutcome.COMPLETED, null, null, null)))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  @Order(2)
  void calibrationAlertsAreRaisedOncePerThreshold() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      Instant now = Instant.now();
      // Seven days left: the 7-day threshold (default 30, 7, 1).
      int first = alerts.check(now);
      assertThat(first).isGreaterThanOrEqualTo(1);
      assertThat(alerts.check(now)).isZero();
      assertThat(alerts.check(now.plus(Duration.ofHours(20)))).isZero();
      // Six days later, one day left: the 1-day threshold, once; and the palmtop registered in
      // test 1 has not synchronised for more than 3 days (the default threshold).
      assertThat(alerts.check(now.plus(Duration.ofDays(6)))).isEqualTo(2);
      assertThat(alerts.check(now.plus(Duration.ofDays(6)))).isZero();
      // Expired.
      assertThat(alerts.check(now.plus(Duration.ofDays(9)))).isEqualTo(1);
      currentStaff.signIn(TECHNICIAN);
      assertThat(alerts.list(true))
          .extracting(a -> a.kind())
          .contains(
              AnomalyKind.CALIBRATION_EXPIRING,
              AnomalyKind.CALIBRATION_EXPIRED,
              AnomalyKind.READ_ERROR);
    }
  }

  @Test
  @Order(3)
  void theTimerRunEmailsTheAlertsToTheTechnicalManagerOnce() throws Exception {
    DeviceAlertsTimer.Run run = timer.runNow();
    assertThat(run.failedTenants()).isZero();
    assertThat(run.emailed()).isGreaterThanOrEqualTo(4);
    List<String> subjects = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    Mailbox.read(TECHNICIAN_MAIL, subjects, bodies);
    assertThat(subjects)
        .anyMatch(s -> s.contains("Comune dei Dispositivi") && s.contains("Taratura in scadenza"));
    assertThat(bodies)
        .anyMatch(b -> b.contains("AV-01") && b.contains("scade il") && b.contains("tra 7 giorni"));
    int received = subjects.size();
    // A second run finds nothing new to send.
    assertThat(timer.runNow().failedTenants()).isZero();
    Mailbox.read(TECHNICIAN_MAIL, subjects = new ArrayList<>(), bodies);
    assertThat(subjects).hasSize(received);
  }

  @Test
  @Order(4)
  void theMobileAppActivatesSynchronisesAndIsCutOffWhenRevoked() {
    String code;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(TECHNICIAN);
      code = credentials.issueActivationCode("PALM-01");
      assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
    }
    IssuedCredential issued;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(OFFICER);
      assertThatThrownBy(() -> mobile.activate(IMEI, "AAAA-BBBB-CCCC", "3.2.1"))
          .isInstanceOf(DeviceAccessRefused.class);
      issued = mobile.activate(IMEI, code.toLowerCase(), "3.2.1");
      assertThat(issued.deviceCode()).isEqualTo("PALM-01");
      assertThat(issued.credential()).hasSize(43);
      // The code is single-use.
      assertThatThrownBy(() -> mobile.activate(IMEI, code, "3.2.1"))
          .isInstanceOf(DeviceAccessRefused.class);
      String json = mobile.sync(IMEI, issued.credential(), null, "3.2.1");
      assertThat(json).contains("\"device\":\"PALM-01\"").contains("AV-148").contains(OFFICER);
      assertThat(json).contains("\"articles\":[{"); // the initial catalogue
      String later = mobile.sync(IMEI, issued.credential(), Instant.now(), "3.2.1");
      assertThat(later).contains("\"articles\":[]").contains("\"places\":[]");
    }
    IssuedCredential renewed;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(OFFICER);
      renewed = mobile.renew(IMEI, issued.credential());
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(OFFICER);
      // The renewed-away credential no longer works.
      assertThatThrownBy(() -> mobile.sync(IMEI, issued.credential(), null, null))
          .isInstanceOf(DeviceAccessRefused.class)
          .hasMessageContaining("revocata");
      // Another officer cannot use a device assigned to Neri.
      currentStaff.signIn(MANAGER);
      assertThatThrownBy(() -> mobile.sync(IMEI, renewed.credential(), null, null))
          .hasMessageContaining("assegnato ad altro agente");
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(TECHNICIAN);
      assertThat(credentials.revoke("PALM-01", "Palmare smarrito (denuncia 45/2026)")).isEqualTo(1);
      currentStaff.signIn(OFFICER);
      assertThatThrownBy(() -> mobile.sync(IMEI, renewed.credential(), null, null))
          .isInstanceOf(DeviceAccessRefused.class)
          .hasMessageContaining("revocata");
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(TECHNICIAN);
      var detail = monitoring.detail("PALM-01");
      assertThat(detail.device().data().appVersion()).isEqualTo("3.2.1");
      assertThat(detail.accesses())
          .extracting(a -> a.operation() + " " + a.outcome())
          .contains("ACTIVATE OK", "SYNC OK", "RENEW OK", "SYNC REFUSED", "ACTIVATE REFUSED");
      assertThat(detail.device().anomalies())
          .extracting(a -> a.kind())
          .contains(AnomalyKind.UNAUTHORISED_ACCESS);
      assertThat(alerts.list(true))
          .extracting(a -> a.kind())
          .contains(AnomalyKind.UNAUTHORISED_ACCESS);
    }
  }

  @Test
  @Order(5)
  @RunAsClient
  void theMobileApiAnswers401ToAnUnknownDevice() throws Exception {
    TestStack.keycloak().setPassword(ADMIN, "Dispositivi-2026!");
    String token = TestStack.tokens().passwordGrant(ADMIN, "Dispositivi-2026!");
    HttpResponse<String> refused =
        TestStack.withToken(token)
            .get("/t/" + TENANT + "/api/v1/mobile/sync?since=2026-01-01T00:00:00Z");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("Dispositivo non autorizzato");
    HttpResponse<String> badSince =
        TestStack.withToken(token).get("/t/" + TENANT + "/api/v1/mobile/sync?since=ieri");
    assertThat(badSince.statusCode()).isEqualTo(400);
  }
}
