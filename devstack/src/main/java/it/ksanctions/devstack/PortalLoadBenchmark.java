package it.ksanctions.devstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the citizen portal (issue 16, "Speed"): the codice fiscale + PIN access and the act's
 * file, at a fixed rate (default 100 requests/s for 60 s) spread over N tenants (default 1,000),
 * then the same load on one tenant, in one run, with p50/p95/p99, errors and the ratio.
 *
 * <p>Set-up, not measured: on a fresh stack (port offset 300) a template command gets its demo
 * content (three acts; its issued act's codice fiscale and PIN are read from the act's PDF, as a
 * citizen reads them from the paper), N - 1 more commands are onboarded through the platform API,
 * and each of them receives a copy of the template's tenant data written by SQL (same acts, same
 * PIN hash; the outbox is not copied), so every tenant has an act a citizen can open.
 *
 * <p>One "visit" is three requests, as a browser makes them: GET the access page (JSF view state),
 * POST codice fiscale and PIN (302 to the file, the session id changes), GET the act's file (200
 * with the act's number). Visits start on a fixed schedule (open loop), so a slow server does not
 * slow the load down. A request that fails, answers with another status or a file without the act's
 * number is an error. Not a test: it prints.
 */
public final class PortalLoadBenchmark {

  private static final String PREFIX = "bp-";
  private static final String CREDITOR = "00097020598";
  private static final String PASSWORD = "Benchmark-2026!";
  private static final Pattern FORM =
      Pattern.compile("<form[^>]*id=\"access\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
  private static final Pattern PAPER =
      Pattern.compile("Codice fiscale: (\\S+)\\s+\\S*\\s*PIN: ([A-Z0-9]{10})");

  private PortalLoadBenchmark() {}

  /** What one citizen needs to open the act of a tenant. */
  record Act(String taxCode, String pin, String number) {}

  /** One measured request. */
  record Sample(String kind, long nanos, boolean error) {}

  public static void main(String[] args) throws Exception {
    int tenants = Integer.getInteger("bench.portal.tenants", 1_000);
    int rate = Integer.getInteger("bench.portal.rate", 100);
    int seconds = Integer.getInteger("bench.portal.seconds", 60);
    DevRun.say(
        "connection pool: "
            + (System.getProperty("bench.portal.pool", "").isBlank()
                ? "the server's default"
                : "at most " + System.getProperty("bench.portal.pool") + " connections"));
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres =
        LocalStack.freshEmbeddedPostgres(layout, "ksanctions_bench_portal", DevRun::say);
    try (LocalStack stack =
        LocalStack.start(
            layout, postgres, 300, "ksanctions-bench", true, true, env(), DevRun::say)) {
      String server = stack.server().baseUrl();
      PlatformClient platform = stack.platformClient();
      List<String> slugs = new ArrayList<>();
      for (int i = 1; i <= tenants; i++) {
        slugs.add(PREFIX + String.format(Locale.ROOT, "%04d", i));
      }
      String template = slugs.get(0);

      // ---- set-up: the template command and its demo acts
      long setup = System.nanoTime();
      BenchHttp.require(
          platform.onboard(template, "Comune modello", "COMUNE", CREDITOR, null, List.of()), 201);
      BenchHttp.require(
          platform.post("/api/platform/tenants/" + template + "/demo-data?theme=verde", ""), 200);
      stack.keycloak().setPassword("admin." + template, PASSWORD);
      String token = stack.tokens().passwordGrant("admin." + template, PASSWORD);
      Act act = actOf(server, template, token);
      DevRun.say(
          "template act " + act.number() + " of " + act.taxCode() + " (PIN read from the PDF)");

      // ---- set-up: the other commands, each with a copy of the template's data
      for (int i = 1; i < slugs.size(); i++) {
        if (i % 100 == 0) {
          platform = stack.platformClient(); // a fresh token: onboarding 1,000 takes minutes
        }
        onboard(platform, slugs.get(i));
        if (i % 100 == 0) {
          DevRun.say("commands onboarded: " + (i + 1));
        }
      }
      try (Connection sql = superuser(postgres)) {
        copyTenantData(sql, template, slugs.subList(1, slugs.size()));
        // The copies are fresh bulk loads: without this, autovacuum analyses thousands of tables
        // during the measured phases, and every statistics update makes every backend drop its
        // cached descriptions of those tables. A production database is not bulk-loaded for a
        // thousand commands in the same minute.
        long analyse = System.nanoTime();
        try (Statement s = sql.createStatement()) {
          s.execute("vacuum analyze");
        }
        DevRun.say(
            String.format(
                Locale.ROOT, "vacuum analyze: %.0f s", (System.nanoTime() - analyse) / 1e9));
      }
      DevRun.say(
          String.format(
              Locale.ROOT,
              "set-up: %d commands with an act each in %.0f s",
              tenants,
              (System.nanoTime() - setup) / 1e9));

      ExecutorService clientThreads = Executors.newFixedThreadPool(8, PortalLoadBenchmark::daemon);
      HttpClient http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(clientThreads)
              .build();
      // every tenant opens once (a citizen of each command), checked, not measured
      List<String> failedFirst = new ArrayList<>();
      for (String slug : slugs) {
        ConcurrentLinkedQueue<Sample> probe = new ConcurrentLinkedQueue<>();
        visit(http, server, slug, act, probe);
        if (probe.stream().anyMatch(Sample::error)) {
          failedFirst.add(slug);
        }
      }
      if (!failedFirst.isEmpty()) {
        throw new IllegalStateException(
            failedFirst.size() + " commands could not open their act, e.g. " + failedFirst.get(0));
      }
      DevRun.say("every command's act opens with codice fiscale and PIN");

      run(http, server, List.of(template), act, rate, 45, "warm-up (one command, not counted)");
      try (Connection stats = superuser(postgres)) {
        if (Boolean.getBoolean("bench.portal.spreadTwice")) {
          // diagnosis: is the spread's extra cost a cold start (gone the second time) or steady?
          // Its length (bench.portal.spreadFirstSeconds, default the phases' length) is how long
          // the
          // database's connections have to meet every command before the measured phases.
          int firstSeconds = Integer.getInteger("bench.portal.spreadFirstSeconds", seconds);
          DatabaseWork before = DatabaseWork.read(stats);
          Result first =
              run(
                  http,
                  server,
                  slugs,
                  act,
                  rate,
                  firstSeconds,
                  "spread, first time (" + firstSeconds + " s, not counted)");
          DatabaseWork.read(stats).minus(before).print(first);
          row(first); // prints the phase's table row
        }
        DatabaseWork before = DatabaseWork.read(stats);
        Result spread =
            run(http, server, slugs, act, rate, seconds, "spread over " + tenants + " commands");
        DatabaseWork afterSpread = DatabaseWork.read(stats);
        Result single = run(http, server, List.of(template), act, rate, seconds, "one command");
        DatabaseWork afterSingle = DatabaseWork.read(stats);
        afterSpread.minus(before).print(spread);
        afterSingle.minus(afterSpread).print(single);
        print(tenants, rate, seconds, spread, single, stack.server().heapUsedAfterGc());
      }
      clientThreads.shutdownNow();
    }
  }

  /** Threads that do not keep Maven's exec:java waiting once the benchmark has printed. */
  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "portal-load");
    thread.setDaemon(true);
    return thread;
  }

  /** The issued act of the template: its number, and the codice fiscale and PIN on its PDF. */
  private static Act actOf(String server, String slug, String token) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = server + "/t/" + slug + "/api/v1/verbali";
    HttpResponse<String> list =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "?status=ISSUED"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    BenchHttp.require(list, 200);
    String first = list.body().split("\\},\\{")[0];
    String id = BenchHttp.match(Pattern.compile("\"id\":(\\d+)"), first);
    String number = BenchHttp.match(Pattern.compile("\"number\":\"([^\"]+)\""), first);
    HttpResponse<byte[]> pdf =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/" + id + "/pdf"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (pdf.statusCode() != 200) {
      throw new IllegalStateException("The act's PDF gave HTTP " + pdf.statusCode());
    }
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
    Matcher paper = PAPER.matcher(text);
    if (!paper.find()) {
      throw new IllegalStateException("No codice fiscale and PIN on the act's PDF: " + text);
    }
    return new Act(paper.group(1), paper.group(2), number);
  }

  private static Connection superuser(Postgres postgres) throws SQLException {
    if (postgres.origin() != Postgres.Origin.EMBEDDED) {
      throw new IllegalStateException("The benchmark copies tenant data on its embedded server");
    }
    return Postgres.connect(postgres.jdbcUrl(), "postgres", "postgres");
  }

  /**
   * Onboards one copy command. A failed onboarding is resent once, as the platform documents it
   * (the same request resumes a FAILED tenant): the failure is printed, so the run shows how often
   * that happened; a second failure stops the run.
   */
  private static void onboard(PlatformClient platform, String slug) throws Exception {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> answer =
          platform.onboard(slug, "Comune " + slug, "COMUNE", CREDITOR, null, List.of());
      int status = answer.statusCode();
      if (status == 201 || (attempt > 1 && status == 200)) {
        return;
      }
      if (attempt > 1) {
        BenchHttp.require(answer, 201);
      }
      DevRun.say(
          "onboarding of " + slug + " answered " + status + ", resent once: " + answer.body());
    }
  }

  /**
   * Writes the template tenant's rows into each tenant of {@code targets}: every table of the
   * schema but Flyway's history and the outbox, sequences moved past the copied keys.
   */
  private static void copyTenantData(Connection sql, String template, List<String> targets)
      throws SQLException {
    String from = schemaOf(sql, template);
    List<String> tables = new ArrayList<>();
    try (PreparedStatement q =
        sql.prepareStatement(
            "select tablename from pg_tables where schemaname = ? order by tablename")) {
      q.setString(1, from);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          String table = r.getString(1);
          if (!table.equals("flyway_schema_history")) {
            tables.add(table);
          }
        }
      }
    }
    List<String> sequences = new ArrayList<>();
    try (PreparedStatement q =
        sql.prepareStatement("select sequencename from pg_sequences where schemaname = ?")) {
      q.setString(1, from);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          sequences.add(r.getString(1));
        }
      }
    }
    long start = System.nanoTime();
    sql.setAutoCommit(false);
    int done = 0;
    for (String slug : targets) {
      String to = schemaOf(sql, slug);
      try (Statement s = sql.createStatement()) {
        s.execute("set local session_replication_role = replica");
        StringBuilder truncate = new StringBuilder("truncate ");
        for (int i = 0; i < tables.size(); i++) {
          truncate.append(i == 0 ? "" : ", ").append(to).append('.').append(tables.get(i));
        }
        s.execute(truncate.toString());
        for (String table : tables) {
          if (table.startsWith("outbox_")) {
            continue;
          }
          s.execute(
              "insert into "
                  + to
                  + "."
                  + table
                  + " overriding system value select * from "
                  + from
                  + "."
                  + table);
        }
        for (String sequence : sequences) {
          s.execute(
              "select setval('"
                  + to
                  + "."
                  + sequence
                  + "', (select last_value from "
                  + from
                  + "."
                  + sequence
                  + "), (select is_called from "
                  + from
                  + "."
                  + sequence
                  + "))");
        }
      }
      sql.commit();
      if (++done % 100 == 0) {
        DevRun.say("tenant data copied: " + done + " of " + targets.size());
      }
    }
    sql.setAutoCommit(true);
    DevRun.say(
        String.format(
            Locale.ROOT,
            "template data (%d tables) copied to %d commands in %.1f s",
            tables.size(),
            targets.size(),
            (System.nanoTime() - start) / 1e9));
  }

  private static String schemaOf(Connection sql, String slug) throws SQLException {
    try (PreparedStatement q =
        sql.prepareStatement("select schema_name from platform.tenant where slug = ?")) {
      q.setString(1, slug);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("No tenant " + slug);
        }
        return r.getString(1);
      }
    }
  }

  /**
   * What PostgreSQL did for the database (pg_stat_database): transactions, rows read, blocks read
   * from disk or found in shared buffers. A backend flushes its counters within seconds, not at
   * once, so a phase's figure can hold a few seconds of the one before.
   */
  record DatabaseWork(long commits, long rowsReturned, long rowsFetched, long reads, long hits) {

    static DatabaseWork read(Connection sql) throws SQLException {
      try (Statement s = sql.createStatement()) {
        s.execute("select pg_stat_clear_snapshot()");
        try (ResultSet r =
            s.executeQuery(
                "select xact_commit, tup_returned, tup_fetched, blks_read, blks_hit"
                    + " from pg_stat_database where datname = current_database()")) {
          r.next();
          return new DatabaseWork(
              r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
        }
      }
    }

    DatabaseWork minus(DatabaseWork o) {
      return new DatabaseWork(
          commits - o.commits,
          rowsReturned - o.rowsReturned,
          rowsFetched - o.rowsFetched,
          reads - o.reads,
          hits - o.hits);
    }

    void print(Result phase) {
      double requests = Math.max(1, phase.samples().size());
      DevRun.say(
          String.format(
              Locale.ROOT,
              "database work, %s: per request %.1f transactions, %.0f rows scanned, %.0f rows"
                  + " fetched, %.1f blocks read, %.0f blocks in shared buffers",
              phase.name(),
              commits / requests,
              rowsReturned / requests,
              rowsFetched / requests,
              reads / requests,
              hits / requests));
    }
  }

  /** The requests of one phase. */
  record Result(String name, List<Sample> samples, double seconds) {}

  /**
   * Starts a visit every {@code 3000 / rate} ms for {@code seconds}, each to a command drawn at
   * random from {@code slugs}, and waits for the last to end.
   */
  private static Result run(
      HttpClient http,
      String server,
      List<String> slugs,
      Act act,
      int rate,
      int seconds,
      String name)
      throws InterruptedException {
    DevRun.say("load: " + name + ", " + rate + " requests/s for " + seconds + " s");
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    ExecutorService visitors = Executors.newFixedThreadPool(200, PortalLoadBenchmark::daemon);
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(PortalLoadBenchmark::daemon);
    long periodMicros = 3_000_000L / rate;
    long visits = (long) seconds * 1_000_000L / periodMicros;
    AtomicLong started = new AtomicLong();
    java.util.concurrent.CountDownLatch scheduled = new java.util.concurrent.CountDownLatch(1);
    long begin = System.nanoTime();
    clock.scheduleAtFixedRate(
        () -> {
          long n = started.getAndIncrement();
          if (n >= visits) {
            scheduled.countDown();
            return;
          }
          String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
          visitors.execute(() -> visit(http, server, slug, act, samples));
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    scheduled.await();
    clock.shutdownNow();
    visitors.shutdown();
    if (!visitors.awaitTermination(2, TimeUnit.MINUTES)) {
      visitors.shutdownNow();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    return new Result(name, new ArrayList<>(samples), elapsed);
  }

  /** GET the access page, POST codice fiscale and PIN, GET the file: three samples. */
  private static void visit(
      HttpClient http, String server, String slug, Act act, ConcurrentLinkedQueue<Sample> out) {
    String base = server + "/t/" + slug + "/portale/";
    Map<String, String> cookies = new LinkedHashMap<>();
    String step = "access page";
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> page = send(http, get(base + "accesso.xhtml", cookies), cookies);
      Optional<Map<String, String>> form =
          page.statusCode() == 200 ? form(page.body()) : Optional.empty();
      boolean pageOk = form.isPresent();
      out.add(new Sample(step, System.nanoTime() - t0, !pageOk));
      if (!pageOk) {
        return;
      }
      Map<String, String> fields = form.get();
      String action = fields.remove("@action");
      fields.put("taxCode", act.taxCode());
      fields.put("pin", act.pin());
      fields.put("enter", "Accedi");
      step = "codice fiscale + PIN";
      t0 = System.nanoTime();
      HttpResponse<String> entered =
          send(http, post(URI.create(base).resolve(action), fields, cookies), cookies);
      Optional<String> location = entered.headers().firstValue("Location");
      boolean enteredOk =
          entered.statusCode() == 302
              && location.isPresent()
              && location.get().contains("verbale.xhtml?id=");
      out.add(new Sample(step, System.nanoTime() - t0, !enteredOk));
      if (!enteredOk) {
        return;
      }
      step = "act's file";
      t0 = System.nanoTime();
      HttpResponse<String> file =
          send(http, get(URI.create(base).resolve(location.get()).toString(), cookies), cookies);
      boolean fileOk = file.statusCode() == 200 && file.body().contains(act.number());
      out.add(new Sample(step, System.nanoTime() - t0, !fileOk));
    } catch (Exception e) {
      out.add(new Sample(step, System.nanoTime() - t0, true));
    }
  }

  private static Optional<Map<String, String>> form(String html) {
    Matcher m = FORM.matcher(html);
    if (!m.find()) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher action = ACTION.matcher(m.group(0));
    if (!action.find()) {
      return Optional.empty();
    }
    fields.put("@action", action.group(1).replace("&amp;", "&"));
    Matcher hidden = HIDDEN.matcher(m.group(1));
    while (hidden.find()) {
      Matcher name = NAME.matcher(hidden.group());
      Matcher value = VALUE.matcher(hidden.group());
      if (name.find()) {
        fields.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
      }
    }
    return Optional.of(fields);
  }

  private static HttpRequest get(String url, Map<String, String> cookies) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    cookie(b, cookies);
    return b.GET().build();
  }

  private static HttpRequest post(
      URI url, Map<String, String> fields, Map<String, String> cookies) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded");
    cookie(b, cookies);
    return b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  private static void cookie(HttpRequest.Builder b, Map<String, String> cookies) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (k, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      b.header("Cookie", header.toString());
    }
  }

  private static HttpResponse<String> send(
      HttpClient http, HttpRequest request, Map<String, String> cookies) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return response;
  }

  private static void print(
      int tenants, int rate, int seconds, Result spread, Result single, long heap) {
    System.out.println();
    System.out.println(
        "=== Portal load: "
            + rate
            + " requests/s for "
            + seconds
            + " s (codice fiscale + PIN access and the act's file)");
    System.out.println(
        "| load | requests | achieved req/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    Stats a = row(spread);
    Stats b = row(single);
    for (String kind : List.of("access page", "codice fiscale + PIN", "act's file")) {
      row(spread, kind);
      row(single, kind);
    }
    System.out.printf(
        Locale.ROOT,
        "ratio %d commands / one command: p95 %.2f, p99 %.2f (target ≤ 1.3)%n",
        tenants,
        a.p95 / b.p95,
        a.p99 / b.p99);
    boolean met =
        a.p95 <= 100
            && b.p95 <= 100
            && a.p99 <= 250
            && b.p99 <= 250
            && a.errorRate <= 0.001
            && b.errorRate <= 0.001
            && a.p95 / b.p95 <= 1.3;
    System.out.println(
        "targets (p95 ≤ 100 ms, p99 ≤ 250 ms, errors ≤ 0.1 %, ratio ≤ 1.3): "
            + (met ? "met" : "NOT met"));
    System.out.printf(
        Locale.ROOT, "WildFly heap after GC at the end: %.1f MiB%n", heap / 1024.0 / 1024.0);
  }

  record Stats(double p50, double p95, double p99, double errorRate) {}

  private static Stats row(Result result) {
    return row(result, null);
  }

  private static Stats row(Result result, String kind) {
    List<Long> nanos = new ArrayList<>();
    long errors = 0;
    for (Sample s : result.samples()) {
      if (kind == null || s.kind().equals(kind)) {
        nanos.add(s.nanos());
        errors += s.error() ? 1 : 0;
      }
    }
    Collections.sort(nanos);
    Stats stats =
        new Stats(
            pct(nanos, 0.50),
            pct(nanos, 0.95),
            pct(nanos, 0.99),
            nanos.isEmpty() ? 1 : (double) errors / nanos.size());
    System.out.printf(
        Locale.ROOT,
        "| %s%s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d (%.2f %%) |%n",
        result.name(),
        kind == null ? "" : ", " + kind,
        nanos.size(),
        nanos.size() / result.seconds(),
        stats.p50,
        stats.p95,
        stats.p99,
        nanos.isEmpty() ? 0 : nanos.get(nanos.size() - 1) / 1e6,
        errors,
        stats.errorRate * 100);
    return stats;
  }

  private static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
  }

  /**
   * The server's environment: demo data on; the pool's size when {@code bench.portal.pool} says.
   */
  private static Map<String, String> env() {
    String pool = System.getProperty("bench.portal.pool", "");
    return pool.isBlank()
        ? Map.of("KSANCTIONS_DEMO_DATA_ENABLED", "true")
        : Map.of("KSANCTIONS_DEMO_DATA_ENABLED", "true", "POSTGRESQL_MAX_POOL_SIZE", pool);
  }
}
