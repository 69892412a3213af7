package it.ksanctions.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues N verbali (default 10,000) with their PDFs in one bulk issue — the REST call that starts
 * the Jakarta Batch job {@code verbali-issue}, each act in its own transaction with its number,
 * windows, pagoPA notices and PDF/A — on a fresh stack, and prints the acts per second, the WildFly
 * heap retained after a full GC, and whether the numbers are gapless. The violations are made
 * first: a camera file of N rows imported through the real path, then (setup, not measured) the
 * owners inserted and the detections validated with SQL. Target (issue 14): at least 30 acts/s,
 * heap growth at most 512 MB. Figures go to docs/benchmarks.md; the time of the PDF rendering alone
 * is measured by {@code ./mvnw -Pbench-pdf -pl ejb}. Not a test: it prints.
 */
public final class VerbaliIssueBenchmark {

  private static final String SLUG = "bench-ver";
  private static final String SCHEMA = "t_bench_ver";
  private static final String PASSWORD = "Benchmark-2026!";
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern DONE = Pattern.compile("\"done\":(\\d+)");
  private static final Pattern ISSUED = Pattern.compile("\"issued\":(\\d+)");
  private static final Pattern REFUSED = Pattern.compile("\"refused\":(\\d+)");

  private VerbaliIssueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.verbali", 10_000);
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres =
        LocalStack.freshEmbeddedPostgres(layout, "ksanctions_bench_ver", DevRun::say);
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
      BenchHttp.require(
          platform.onboard(SLUG, "Comune di prova", "COMUNE", "00097020598", null, List.of()), 201);
      stack.keycloak().setPassword("admin." + SLUG, PASSWORD);
      // The demo content: registry, pagoPA creditor, the speed camera AV-01 at 50 km/h, three acts.
      BenchHttp.require(platform.post("/api/platform/tenants/" + SLUG + "/demo-data", ""), 200);
      java.util.function.Supplier<String> tokens =
          () -> stack.tokens().passwordGrant("admin." + SLUG, PASSWORD);
      String token = tokens.get();
      String base = stack.server().baseUrl() + "/t/" + SLUG + "/api/v1";
      HttpClient http = HttpClient.newHttpClient();

      DevRun.say("importing a camera file of " + n + " violations");
      HttpResponse<String> upload =
          http.send(
              BenchHttp.cameraUpload(
                  base + "/camera-imports",
                  token,
                  "bench-verbali.csv",
                  CameraImportBenchmark.file(n)),
              HttpResponse.BodyHandlers.ofString());
      BenchHttp.require(upload, 202);
      String importId = BenchHttp.match(ID, upload.body());
      awaitEnd(http, base + "/camera-imports/" + importId, tokens, "COMPLETED");

      List<Long> ids = ownedAndValidated(postgres, SCHEMA);

      long heapBefore = stack.server().heapUsedAfterGc();
      long start = System.nanoTime();
      StringBuilder json = new StringBuilder("{\"detectionIds\":[");
      for (int i = 0; i < ids.size(); i++) {
        json.append(i == 0 ? "" : ",").append(ids.get(i));
      }
      json.append("]}");
      HttpResponse<String> started =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/verbali/issue-runs"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      BenchHttp.require(started, 202);
      String runId = BenchHttp.match(ID, started.body());
      String done = awaitEnd(http, base + "/verbali/issue-runs/" + runId, tokens, "COMPLETED");
      long nanos = System.nanoTime() - start;
      long heapAfter = stack.server().heapUsedAfterGc();

      long acts;
      long distinct;
      long lastNumber;
      long pdfs;
      try (Connection c = postgres.connectAsApplication();
          Statement s = c.createStatement()) {
        s.execute("set role " + SCHEMA);
        try (ResultSet r =
            s.executeQuery(
                "select count(*), count(distinct number),"
                    + " (select coalesce(sum(last_number), 0) from "
                    + SCHEMA
                    + ".verbale_number_sequence),"
                    + " (select count(*) from "
                    + SCHEMA
                    + ".verbale_document) from "
                    + SCHEMA
                    + ".verbale")) {
          r.next();
          acts = r.getLong(1);
          distinct = r.getLong(2);
          lastNumber = r.getLong(3);
          pdfs = r.getLong(4);
        }
      }
      System.out.println();
      System.out.println(
          "Verbali issue benchmark: " + n + " validated detections in one bulk issue");
      System.out.printf(
          "  bulk issue (REST start, batch job, numbers, windows, notices, PDF/A per act): %.1f s,"
              + " %.1f verbali/s (target >= 30) — issued %s, refused %s%n",
          nanos / 1e9,
          Integer.parseInt(BenchHttp.match(ISSUED, done)) / (nanos / 1e9),
          BenchHttp.match(ISSUED, done),
          BenchHttp.match(REFUSED, done));
      System.out.printf(
          "  numbering: %d acts, %d distinct numbers, sequence at %d, %d PDFs — %s%n",
          acts,
          distinct,
          lastNumber,
          pdfs,
          acts == distinct && acts == lastNumber ? "gapless" : "NOT GAPLESS");
      System.out.printf(
          "  WildFly heap after GC: before %.1f MiB, after %.1f MiB (retained %+.1f MiB; target"
              + " growth <= 512 MB)%n",
          heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
    }
  }

  /**
   * Setup, not measured: the owners of the benchmark's plates ({@code BN…}) inserted and their
   * detections validated with SQL; the ids of the validated detections, in order.
   */
  static List<Long> ownedAndValidated(Postgres postgres, String schema) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = postgres.connectAsApplication();
        Statement s = c.createStatement()) {
      s.execute("set role " + schema);
      s.executeUpdate(
          "insert into "
              + schema
              + ".vehicle_owner (plate, country, owner_kind, name, tax_code, street, postcode,"
              + " municipality, province, source, recorded_at, recorded_by)"
              + " select distinct plate, 'IT', 'PERSON', 'Proprietario di prova',"
              + " 'RSSMRA85T10A562S', 'Via Roma 1', '04100', 'Latina', 'LT', 'MANUAL', now(),"
              + " 'benchmark' from "
              + schema
              + ".detection where plate like 'BN%'");
      s.executeUpdate(
          "update "
              + schema
              + ".detection set status = 'VALIDATED', reviewed_by = 'benchmark',"
              + " reviewed_at = now() where plate like 'BN%'");
      try (ResultSet r =
          s.executeQuery(
              "select id from " + schema + ".detection where plate like 'BN%' order by id")) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
    }
    return ids;
  }

  static String awaitEnd(
      HttpClient http, String url, java.util.function.Supplier<String> tokens, String expected)
      throws Exception {
    String token = tokens.get();
    long deadline = System.nanoTime() + 3_600_000_000_000L;
    int reported = -1;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> status =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (status.statusCode() == 401) { // the access token lasts minutes; the run may last more
        token = tokens.get();
        continue;
      }
      BenchHttp.require(status, 200);
      String state = BenchHttp.match(STATUS, status.body());
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        if (!state.equals(expected)) {
          throw new IllegalStateException("Ended " + state + ": " + status.body());
        }
        return status.body();
      }
      Matcher done = DONE.matcher(status.body());
      if (done.find() && Integer.parseInt(done.group(1)) / 1000 != reported / 1000) {
        reported = Integer.parseInt(done.group(1));
        DevRun.say("verbali issued so far: " + reported);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Not ended in an hour: " + url);
  }
}
