package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devices.application.CalibrationCertificates;
import it.ksanctions.devices.application.CalibrationCertificates.NewCertificate;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.application.PublicSpeedCameras;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen portal's speed-camera map (issue 16 item 9, SPEC POR-5) over HTTP, as a browser
 * without JavaScript sees it: two commands with speed cameras at coded places; the map page lists
 * only the command's own speed-checking devices in service at an active place, with their technical
 * data, speed limit and latest calibration certificate; the certificate downloads as the PDF that
 * was uploaded, with public caching, and every other device (in maintenance, disabled, at a
 * deactivated place, not a speed device, another command's, unknown) is 404.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpeedCameraMapIT {

  static final String ALFA = "map-alfa";
  static final String BETA = "map-beta";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final byte[] ALFA_PDF = pdf("map-alfa AV-01 2026");
  static final byte[] ALFA_OLD_PDF = pdf("map-alfa AV-01 older");
  static final byte[] BETA_PDF = pdf("map-beta BV-01");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject PlacesAdministration places;
  @Inject DeviceRegistry devices;
  @Inject CalibrationCertificates certificates;
  @Inject PublicSpeedCameras publicCameras;
  @Inject it.ksanctions.it.support.TenantProbe probe;
  @Inject it.ksanctions.places.application.PlaceDirectory placeDirectory;
  @Inject it.ksanctions.devices.application.DeviceDirectory deviceDirectory;
  @Inject CurrentStaff currentStaff;

  static byte[] pdf(String marker) {
    return ("%PDF-1.4\n% " + marker + "\n1 0 obj <<>> endobj\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static LocalDate today() {
    return LocalDate.now(ITALY);
  }

  static String base() {
    return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
  }

  static String portal(String tenant) {
    return base() + "/t/" + tenant + "/portale";
  }

  static String certificate(String tenant, String device) {
    return portal(tenant) + "/autovelox/certificato?device=" + device;
  }

  @Test
  @Order(1)
  void twoCommandsRegisterTheirSpeedCameras() {
    onboarding.onboard(
        OnboardingRequest.validated(
            ALFA, "Comune della Mappa Alfa", "COMUNE", "00097020598", null, List.of()));
    onboarding.onboard(
        OnboardingRequest.validated(
            BETA, "Comune della Mappa Beta", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      hierarchy();
      places.create("AV-148", point("Autovelox SS148 km 72", "41.4400", "12.8800", 90, null));
      places.create(
          "AV-SCUOLA",
          point("Autovelox via delle Scuole", "41.4620", "12.9010", 30, LocalTime.of(7, 30)));
      places.create("AV-OLD", point("Autovelox via Vecchia", "41.4700", "12.9100", 50, null));

      // Listed: a speed camera in service with two certificates (the later calibration counts).
      devices.register(
          "AV-01",
          speed(FixedDeviceType.SPEED_CAMERA, "AV-148", "Autovelox SS148 direzione Roma"),
          new NewCertificate(
              "LAT 123/26",
              "Centro LAT 999",
              today().minusDays(30),
              today().plusDays(335),
              "interno-av01.pdf",
              ALFA_PDF));
      certificates.add(
          "AV-01",
          new NewCertificate(
              "LAT 77/25",
              "Centro LAT 999",
              today().minusDays(400),
              today().minusDays(36),
              "vecchio.pdf",
              ALFA_OLD_PDF));
      // Listed: an average-speed section with a time band on its limit.
      devices.register(
          "TU-01",
          speed(FixedDeviceType.AVERAGE_SPEED, "AV-SCUOLA", "Tutor via delle Scuole"),
          new NewCertificate(
              "LAT 5/26",
              "Laboratorio Taratura Sud",
              today().minusDays(10),
              today().plusDays(355),
              "tutor.pdf",
              pdf("map-alfa TU-01")));
      // Not listed: in maintenance (no certificate), disabled, at a deactivated place, ZTL gate.
      devices.register(
          "AV-02", speed(FixedDeviceType.SPEED_CAMERA, "AV-148", "Ricambio in magazzino"), null);
      devices.register(
          "AV-03",
          speed(FixedDeviceType.SPEED_CAMERA, "AV-OLD", "Postazione rimossa via Vecchia"),
          new NewCertificate(
              "LAT 9/26",
              "Centro LAT 999",
              today().minusDays(5),
              today().plusDays(300),
              "av03.pdf",
              pdf("map-alfa AV-03")));
      places.deactivate("AV-OLD", "Postazione rimossa");
      devices.register(
          "AV-04",
          speed(FixedDeviceType.SPEED_CAMERA, "AV-SCUOLA", "Autovelox spento per lavori"),
          new NewCertificate(
              "LAT 10/26",
              "Centro LAT 999",
              today().minusDays(5),
              today().plusDays(300),
              "av04.pdf",
              pdf("map-alfa AV-04")));
      devices.changeStatus("AV-04", DeviceStatus.DISABLED, "Lavori stradali");
      devices.register(
          "ZTL-01",
          DeviceData.fixed(
              FixedDeviceType.ZTL_GATE,
              "AV-148",
              "Accessi ZTL",
              null,
              "Varco Elettronico Z1",
              DownloadFrequency.DAILY,
              OutputFormat.CSV,
              "Varco ZTL centro"),
          null);

      assertThat(publicCameras.publicSpeedCameras())
          .extracting(PublicSpeedCameras.SpeedCamera::code)
          .containsExactly("AV-01", "TU-01");
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      hierarchy();
      places.create("BV-POINT", point("Autovelox lungomare", "41.2500", "13.0500", 50, null));
      devices.register(
          "BV-01",
          speed(FixedDeviceType.SPEED_CAMERA, "BV-POINT", "Autovelox lungomare Beta"),
          new NewCertificate(
              "LAT 3/26",
              "Centro LAT Beta",
              today().minusDays(20),
              today().plusDays(345),
              "bv01.pdf",
              BETA_PDF));
      assertThat(publicCameras.publicSpeedCameras())
          .extracting(PublicSpeedCameras.SpeedCamera::code)
          .containsExactly("BV-01");
    }
  }

  @Test
  @Order(2)
  void theMapPageListsOnlyTheCommandsSpeedCamerasInService() throws Exception {
    HttpResponse<String> home = get(portal(ALFA) + "/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("/t/" + ALFA + "/portale/autovelox.xhtml");

    HttpResponse<String> page = get(portal(ALFA) + "/autovelox.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    String text = text(page);
    assertThat(text)
        .contains("id=\"speed-cameras-title\"", "Mappa degli autovelox")
        .contains("<caption", "Postazioni di controllo della velocità in servizio: 2")
        .contains("scope=\"col\"", "scope=\"row\"", "Taratura", "Limite di velocità")
        .contains("AV-01", "Autovelox", "Autovelox SS148 direzione Roma")
        .contains("Marca e modello: Velocar Red Speed EVO")
        .contains("Autovelox SS148 km 72", "Coordinate: 41.44, 12.88", "90 km/h")
        .contains("Tarato il " + DAY.format(today().minusDays(30)))
        .contains("Valido fino al " + DAY.format(today().plusDays(335)))
        .contains("Certificato n. LAT 123/26 (Centro LAT 999)")
        .contains("/t/" + ALFA + "/portale/autovelox/certificato?device=AV-01")
        .contains("TU-01", "Controllo velocità media (tutor)", "30 km/h", "dalle 07:30 alle 20:00")
        .contains("Tarato il " + DAY.format(today().minusDays(10)))
        // the map: Leaflet from the WebJar, hidden until its script runs, one marker per position
        .contains("/webjars/leaflet/1.9.4/dist/leaflet.js", "id=\"speed-camera-map\"")
        .contains("\"code\":\"AV-01\"", "\"code\":\"TU-01\"");
    assertThat(text)
        .doesNotContain("AV-02", "Ricambio in magazzino")
        .doesNotContain("AV-03", "Postazione rimossa via Vecchia", "via Vecchia")
        .doesNotContain("AV-04", "Autovelox spento per lavori")
        .doesNotContain("ZTL-01", "Varco ZTL centro")
        .doesNotContain("LAT 77/25")
        .doesNotContain("BV-01", "lungomare");

    String beta = text(get(portal(BETA) + "/autovelox.xhtml"));
    assertThat(beta)
        .contains("BV-01", "Autovelox lungomare Beta", "50 km/h")
        .contains("Postazioni di controllo della velocità in servizio: 1")
        .doesNotContain("AV-01", "TU-01", "SS148");
  }

  @Test
  @Order(3)
  void theLatestCertificateOfAListedDeviceDownloadsAndNothingElseDoes() throws Exception {
    HttpResponse<byte[]> pdf = bytes(certificate(ALFA, "AV-01"));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(pdf.headers().firstValue("Cache-Control").orElse(""))
        .isEqualTo("public, max-age=300");
    assertThat(pdf.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;")
        .contains("certificato-taratura-AV-01-" + today().minusDays(30) + ".pdf");
    assertThat(pdf.body()).isEqualTo(ALFA_PDF);
    // the code as a citizen might type it
    assertThat(bytes(certificate(ALFA, "av-01")).body()).isEqualTo(ALFA_PDF);
    assertThat(bytes(certificate(BETA, "BV-01")).body()).isEqualTo(BETA_PDF);

    // not on the map: maintenance, disabled, deactivated place, ZTL gate, unknown, malformed
    for (String device :
        List.of("AV-02", "AV-03", "AV-04", "ZTL-01", "NOPE-99", "%2E%2E%2Fx", "", "a%20b")) {
      HttpResponse<byte[]> refused = bytes(certificate(ALFA, device));
      assertThat(refused.statusCode()).as(device).isEqualTo(404);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .as(device)
          .doesNotStartWith("application/pdf");
    }
    assertThat(bytes(portal(ALFA) + "/autovelox/certificato").statusCode()).isEqualTo(404);
    // another command's device, by its code, from this command's portal: not found
    assertThat(bytes(certificate(ALFA, "BV-01")).statusCode()).isEqualTo(404);
    assertThat(bytes(certificate(BETA, "AV-01")).statusCode()).isEqualTo(404);
  }

  // ------------------------------------------------------------------ helpers

  private void hierarchy() {
    places.create("LT", area("Comune", PlaceLevel.MUNICIPALITY, null));
    places.create("EXT", area("Territorio comunale", PlaceLevel.AREA, "LT"));
    places.create("STRADE", area("Strade comunali", PlaceLevel.ZONE, "EXT"));
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

  static PlaceData point(String name, String lat, String lon, int limit, LocalTime from) {
    return new PlaceData(
        name,
        PlaceCategory.AUTOMATIC_POINT,
        "Velocità",
        PlaceLevel.PLACE,
        "STRADE",
        Coordinates.of(lat, lon),
        "EXTRAURBANA",
        null,
        null,
        null,
        new AutomaticRule(limit, false, from, from == null ? null : LocalTime.of(20, 0)));
  }

  static DeviceData speed(FixedDeviceType type, String place, String description) {
    return DeviceData.fixed(
        type,
        place,
        "Velocità",
        "Sicurvia S.r.l.",
        "Velocar Red Speed EVO",
        DownloadFrequency.WEEKLY,
        OutputFormat.CSV,
        description);
  }

  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> bytes(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The page as a reader sees it: character references decoded. */
  static String text(HttpResponse<String> response) {
    Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(response.body());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&egrave;", "è")
        .replace("&agrave;", "à")
        .replace("&ugrave;", "ù")
        .replace("&ograve;", "ò")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
