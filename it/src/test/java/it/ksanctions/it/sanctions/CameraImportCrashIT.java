package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.BenchHttp;
import it.ksanctions.devstack.WildFlyServer;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.StaffToken;
import it.ksanctions.it.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An import whose server dies (issue 13): a second WildFly node (port offset 500, a cluster of its
 * own) starts the import of a 400,000-row camera file; when the first chunks are staged the node is
 * killed, as a power cut would. The import stays "in progress" in the database. Once it has been
 * silent longer than the limit (the test moves its last sign of life back 11 minutes rather than
 * wait), the test server shows it interrupted and resumable; resumed there from its last checkpoint
 * (JBeret still reads the dead node's execution as started: it is forced), it publishes exactly the
 * rows of the file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CameraImportCrashIT {

  static final String EAR = "import-crash.ear";
  static final String SLUG = "import-crash";
  static final String PASSWORD = "Importa-2026!";
  static final int ROWS = 400_000;
  static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
  static final Pattern PROCESSED = Pattern.compile("\"rowsProcessed\":(\\d+)");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void anImportWhoseServerDiedIsShownInterruptedAndResumedElsewhereWithExactlyItsRows()
      throws Exception {
    TestStack.demoCommand(SLUG, "");
    TestStack.keycloak().setPassword("admin." + SLUG, PASSWORD);
    StaffToken token = new StaffToken("admin." + SLUG, PASSWORD);
    String here = TestStack.baseUrl() + "/t/" + SLUG + "/api/v1/camera-imports";
    awaitEnd(here + "/1", token); // the demo file's import

    Path dir = TestStack.layout().workDir().resolve("import-crash");
    Files.createDirectories(dir);
    Path ear = dir.resolve(EAR);
    Deployments.productionEar(EAR).as(ZipExporter.class).exportTo(ear.toFile(), true);
    String id;
    try (WildFlyServer node =
        TestStack.startNode(
            500, "wildfly-crash", "ksanctions-crash-" + UUID.randomUUID(), List.of(ear), EAR)) {
      String there = node.baseUrl() + "/t/" + SLUG + "/api/v1/camera-imports";
      get(there + "/1", token); // the node's first request (token checks) before the clock runs
      HttpResponse<String> started =
          HTTP.send(
              BenchHttp.cameraUpload(there, token.get(), "interrotto.csv", file()),
              HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      id = group(ID, started.body());
      String progress = get(there + "/" + id, token);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (Integer.parseInt(group(PROCESSED, progress)) == 0
          && "RUNNING".equals(group(STATUS, progress))
          && System.nanoTime() < deadline) {
        progress = get(there + "/" + id, token);
      }
      node.kill();
      assertThat(group(STATUS, progress)).as(progress).isEqualTo("RUNNING");
    }
    String afterCrash = get(here + "/" + id, token);
    assertThat(group(STATUS, afterCrash)).as(afterCrash).isEqualTo("RUNNING");
    int staged = Integer.parseInt(group(PROCESSED, afterCrash));
    assertThat(staged).as("staged before the crash").isBetween(1, ROWS - 1);

    // eleven minutes later, as far as the import's last sign of life is concerned
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role t_import_crash");
      assertThat(
              sql.executeUpdate(
                  "update t_import_crash.camera_import set heartbeat_at = heartbeat_at"
                      + " - interval '11 minutes' where id = "
                      + id))
          .isEqualTo(1);
    }
    String interrupted = get(here + "/" + id, token);
    assertThat(group(STATUS, interrupted)).isEqualTo("STOPPED");
    assertThat(interrupted).contains("il server che la eseguiva si è fermato");
    HttpResponse<String> stop = post(here + "/" + id + "/stop", token);
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(409);

    HttpResponse<String> resumed = post(here + "/" + id + "/restart", token);
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    String done;
    try {
      done = awaitEnd(here + "/" + id, token);
    } finally {
      // a test that fails while waiting leaves no 400,000-row import running for the next tests
      post(here + "/" + id + "/stop", token);
    }
    assertThat(group(STATUS, done)).as(done).isEqualTo("COMPLETED");
    assertThat(done).contains("\"rowsViolations\":" + ROWS);
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role t_import_crash");
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*), count(distinct row_number) from t_import_crash.detection"
                  + " where import_id = "
                  + id)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(ROWS);
        assertThat(rs.getLong(2)).isEqualTo(ROWS);
      }
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*) from t_import_crash.camera_import_row where import_id = " + id)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("staging emptied").isZero();
      }
    }
  }

  /** Five passages a second at the demo speed camera, two days ago: all violations. */
  static byte[] file() {
    DateTimeFormatter when = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    LocalDateTime start = LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(2).atStartOfDay();
    StringBuilder csv = new StringBuilder(ROWS * 40).append("targa;nazione;data_ora;velocita\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("CR")
          .append(String.format("%06d", i))
          .append(";IT;")
          .append(when.format(start.plusSeconds(i / 5)))
          .append(';')
          .append(60 + i % 60)
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String awaitEnd(String url, StaffToken token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String body = get(url, token);
    while (List.of("QUEUED", "RUNNING").contains(group(STATUS, body))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      body = get(url, token);
    }
    return body;
  }

  private static String get(String url, StaffToken token) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static HttpResponse<String> post(String url, StaffToken token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String group(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertThat(m.find()).as(pattern + " in " + body).isTrue();
    return m.group(1);
  }
}
