package it.ksanctions.devstack;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Imports a camera file of N rows (default 100,000) through the real path — REST upload, the
 * Jakarta Batch job staging and checking every row, the one-statement publish — on a fresh stack,
 * and prints the time, the rows per second and the WildFly heap retained after a full GC; then, in
 * the same run and database, PostgreSQL {@code COPY} of the same rows into the same table — the
 * command's {@code detection} table, with its indexes and constraints, in a transaction rolled back
 * afterwards — for comparison (target: the import at least 25 % of the {@code COPY} rate, heap
 * growth at most 512 MB). For reference it also prints {@code COPY} into a temporary table shaped
 * like the staging table (no WAL, no index but the key), the comparison of the first runs. Figures
 * go to docs/benchmarks.md. Not a test: it prints, it asserts nothing.
 */
public final class CameraImportBenchmark {

  private static final String SLUG = "bench-cam";
  private static final String PASSWORD = "Benchmark-2026!";
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern PROCESSED = Pattern.compile("\"rowsProcessed\":(\\d+)");
  private static final Pattern VIOLATIONS = Pattern.compile("\"rowsViolations\":(\\d+)");

  private CameraImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 100_000);
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres = LocalStack.freshEmbeddedPostgres(layout, "ksanctions_bench", DevRun::say);
    try (LocalStack stack =
        LocalStack.start(
            layout,
            postgres,
            300,
            "ksanctions-bench",
            true,
            true,
            Map.of("KSANCTIONS_DEMO_DATA_ENABLED", "true"),
            DevRun::say)) {
      PlatformClient platform = stack.platformClient();
      HttpResponse<String> onboarded =
          platform.onboard(SLUG, "Comune di prova", "COMUNE", "00097020598", null, List.of());
      BenchHttp.require(onboarded, 201);
      stack.keycloak().setPassword("admin." + SLUG, PASSWORD);
      // The demo content gives the command its speed camera AV-01 (limit 50 km/h) and imports a
      // 10-row file, which also warms the job up.
      BenchHttp.require(platform.post("/api/platform/tenants/" + SLUG + "/demo-data", ""), 200);
      String token = stack.tokens().passwordGrant("admin." + SLUG, PASSWORD);
      String base = stack.server().baseUrl() + "/t/" + SLUG + "/api/v1/camera-imports";
      HttpClient http = HttpClient.newHttpClient();
      awaitEnd(http, base + "/1", token);

      byte[] file = file(rows);
      long heapBefore = stack.server().heapUsedAfterGc();
      long start = System.nanoTime();
      HttpResponse<String> started =
          http.send(
              BenchHttp.cameraUpload(base, token, "bench.csv", file),
              HttpResponse.BodyHandlers.ofString());
      long uploadNanos = System.nanoTime() - start;
      BenchHttp.require(started, 202);
      String id = BenchHttp.match(ID, started.body());
      String done = awaitEnd(http, base + "/" + id, token);
      long importNanos = System.nanoTime() - start;
      long heapAfter = stack.server().heapUsedAfterGc();
      if (!"COMPLETED".equals(BenchHttp.match(STATUS, done))) {
        throw new IllegalStateException("The import did not complete: " + done);
      }

      long copyNanos = copyIntoDetections(postgres, file, Long.parseLong(id));
      long tempCopyNanos = copy(postgres, file);

      double importRate = rows / (importNanos / 1e9);
      double copyRate = rows / (copyNanos / 1e9);
      double tempCopyRate = rows / (tempCopyNanos / 1e9);
      System.out.println();
      System.out.println(
          "Camera import benchmark: " + rows + " rows (CSV, speed camera, all violations)");
      System.out.printf(
          "  import (upload, staging with checks, publish): %.1f s, %.0f rows/s, %s detections%n",
          importNanos / 1e9, importRate, BenchHttp.match(VIOLATIONS, done));
      System.out.printf(
          "    upload answered (file stored, rows counted): %.2f s%n", uploadNanos / 1e9);
      steps(postgres);
      System.out.printf(
          "  PostgreSQL COPY of the same rows into the same table (detection, rolled back): %.2f s,"
              + " %.0f rows/s%n",
          copyNanos / 1e9, copyRate);
      System.out.printf(
          "  import rate / COPY rate: %.1f %% (target >= 25 %%)%n", 100 * importRate / copyRate);
      System.out.printf(
          "  for reference, COPY into a temporary table shaped like the staging: %.2f s, %.0f rows/s"
              + " (import / that: %.1f %%)%n",
          tempCopyNanos / 1e9, tempCopyRate, 100 * importRate / tempCopyRate);
      System.out.printf(
          "  WildFly heap after GC: before %.1f MiB, after %.1f MiB (retained %+.1f MiB; target growth <= 512 MB)%n",
          heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
    }
  }

  /** N rows of a speed camera, one a second from two days ago, 60–119 km/h at 50. */
  static byte[] file(int rows) {
    DateTimeFormatter when = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    LocalDateTime start =
        LocalDateTime.now(ZoneId.of("Europe/Rome")).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
    StringBuilder csv = new StringBuilder(rows * 40).append("targa;nazione;data_ora;velocita\n");
    for (int i = 0; i < rows; i++) {
      csv.append(
          String.format("BN%06d;IT;%s;%d%n", i, when.format(start.plusSeconds(i)), 60 + i % 60));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The steps of the last job execution, from JBeret's repository. */
  private static void steps(Postgres postgres) throws Exception {
    try (Connection c = postgres.connectAsApplication();
        Statement s = c.createStatement();
        var r =
            s.executeQuery(
                "select j.createtime, s.stepname, s.starttime, s.endtime"
                    + " from jberet.step_execution s join jberet.job_execution j"
                    + " on j.jobexecutionid = s.jobexecutionid"
                    + " where j.jobexecutionid = (select max(jobexecutionid) from jberet.job_execution)"
                    + " order by s.stepexecutionid")) {
      while (r.next()) {
        System.out.printf(
            "    step %s: %.2f s (started %.2f s after the job was created)%n",
            r.getString(2),
            (r.getTimestamp(4).getTime() - r.getTimestamp(3).getTime()) / 1e3,
            (r.getTimestamp(3).getTime() - r.getTimestamp(1).getTime()) / 1e3);
      }
    }
  }

  /**
   * COPY of the file's rows into the command's {@code detection} table, as the import's publish
   * writes them (the values the checks decided are taken from the import's first detection), under
   * import {@code importId} with row numbers after the file's; rolled back, so the table is left as
   * the import made it.
   */
  private static long copyIntoDetections(Postgres postgres, byte[] file, long importId)
      throws Exception {
    String schema = "t_" + SLUG.replace('-', '_');
    try (Connection c = postgres.connectAsApplication();
        Statement s = c.createStatement()) {
      s.execute("set role " + schema);
      s.execute("set search_path to " + schema);
      String device;
      String place;
      int limit;
      String article;
      String validFrom;
      String rule;
      try (var r =
          s.executeQuery(
              "select device_code, place_code, speed_limit, article_code, article_valid_from,"
                  + " decided_rule from detection where import_id = "
                  + importId
                  + " order by row_number limit 1")) {
        r.next();
        device = r.getString(1);
        place = r.getString(2);
        limit = r.getInt(3);
        article = r.getString(4);
        validFrom = r.getString(5);
        rule = r.getString(6).replace("\"", "\"\"");
      }
      String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
      int offset = lines.length + 1;
      StringBuilder data = new StringBuilder(lines.length * (120 + rule.length()));
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split(";");
        data.append(importId)
            .append(';')
            .append(offset + i)
            .append(';')
            .append(device)
            .append(';')
            .append(place)
            .append(';')
            .append(f[2].replace('T', ' '))
            .append(';')
            .append(f[0])
            .append(';')
            .append(f[1])
            .append(';')
            .append(f[3])
            .append(';')
            .append(limit)
            .append(';')
            .append(article)
            .append(';')
            .append(validFrom)
            .append(";\"")
            .append(rule)
            .append("\"\n");
      }
      c.setAutoCommit(false);
      CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
      long start = System.nanoTime();
      copy.copyIn(
          "copy detection (import_id, row_number, device_code, place_code, detected_at, plate,"
              + " country, measured_speed, speed_limit, article_code, article_valid_from,"
              + " decided_rule) from stdin with (format csv, delimiter ';')",
          new StringReader(data.toString()));
      long nanos = System.nanoTime() - start;
      c.rollback();
      return nanos;
    }
  }

  /** COPY of the file's rows into a temporary table shaped like the staging table. */
  private static long copy(Postgres postgres, byte[] file) throws Exception {
    try (Connection c = postgres.connectAsApplication();
        Statement s = c.createStatement()) {
      s.execute(
          "create temporary table bench_copy (import_id bigint, row_number integer, plate varchar(16),"
              + " country varchar(3), detected_at timestamp, measured_speed numeric(6,2),"
              + " primary key (import_id, row_number))");
      String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
      StringBuilder data = new StringBuilder(file.length + lines.length * 8);
      for (int i = 1; i < lines.length; i++) {
        data.append("1;").append(i).append(';').append(lines[i]).append('\n');
      }
      CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
      long start = System.nanoTime();
      copy.copyIn(
          "copy bench_copy (import_id, row_number, plate, country, detected_at, measured_speed)"
              + " from stdin with (format csv, delimiter ';')",
          new StringReader(data.toString()));
      return System.nanoTime() - start;
    }
  }

  private static String awaitEnd(HttpClient http, String url, String token) throws Exception {
    long deadline = System.nanoTime() + 1_800_000_000_000L;
    int reported = -1;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> status =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      BenchHttp.require(status, 200);
      String state = BenchHttp.match(STATUS, status.body());
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        return status.body();
      }
      int processed = Integer.parseInt(BenchHttp.match(PROCESSED, status.body()));
      if (processed / 20_000 != reported / 20_000) {
        DevRun.say("rows processed: " + processed);
        reported = processed;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The import did not end in 30 minutes");
  }
}
