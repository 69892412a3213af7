package it.ksanctions.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Notifies and collects N issued acts (default 10,000) against the simulators (issue 15): on a
 * fresh stack (port offset 300) a command gets its demo content wired to the simulators (SEND with
 * a PDND key, pagoPA with a receipt endpoint), N acts are issued as by {@link
 * VerbaliIssueBenchmark}, then it measures the debt positions published by the outbox, the acts
 * sent for notification and their SEND requests, the progress until every act is NOTIFIED, the
 * payment of every act's first notice (reduced, else minimum) with its receipt pushed and applied
 * (act PAID) and the receipts mailed, and the replay of 1,000 receipts 48 times in a row and 10
 * times at once. It then proves there are no duplicates by counting in the tenant's schema (and in
 * the simulators' journal when it still holds every request) and checks the amounts. The product's
 * own timers (outbox every 10 s, SEND progress every 30 s) run meanwhile, as in production; the
 * drains below are the platform jobs' "run now". Not a test: it prints, and fails when a check
 * fails.
 */
public final class NotifyCollectBenchmark {

  private static final String SLUG = "bench-ntf";
  private static final String CREDITOR = "00097020598";
  private static final String PASSWORD = "Benchmark-2026!";
  private static final String PAYERS = "@payers.example.org";
  private static final int CLIENT_THREADS = 4;
  private static final int REPLAYED = 1_000;
  private static final long HOUR_NANOS = 3_600_000_000_000L;
  private static final String BENCH = "v.plate like 'BN%'";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern ISSUED = Pattern.compile("\"issued\":(\\d+)");

  private NotifyCollectBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.notify", 10_000);
    List<String> failures = new ArrayList<>();
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres =
        LocalStack.freshEmbeddedPostgres(layout, "ksanctions_bench_ntf", DevRun::say);
    KeyPair keys = DemoKeys.generate();
    try (LocalStack stack =
        LocalStack.start(
            layout,
            postgres,
            300,
            "ksanctions-bench",
            true,
            true,
            Map.of(
                "KSANCTIONS_DEMO_DATA_ENABLED",
                "true",
                "KSANCTIONS_DEMO_PDND_PRIVATE_KEY",
                DemoKeys.privatePem(keys)),
            DevRun::say)) {
      String sim = stack.simulators().baseUrl();
      String server = stack.server().baseUrl();
      // As the run command does for its demo commands: the PDND key and the receipt endpoint.
      stack.simulators().registerPdndKey("demo-" + SLUG, "demo-key", keys.getPublic());
      DemoKeys.registerReceiptEndpoint(
          sim,
          CREDITOR,
          server + "/t/" + SLUG + "/api/v1/pagopa/receipts",
          "demo-receipts-" + SLUG);
      PlatformClient platform = stack.platformClient();
      BenchHttp.require(
          platform.onboard(SLUG, "Comune di prova", "COMUNE", CREDITOR, null, List.of()), 201);
      stack.keycloak().setPassword("admin." + SLUG, PASSWORD);
      // Registry, pagoPA and SEND on the simulators, the speed camera AV-01, three acts.
      BenchHttp.require(
          platform.post("/api/platform/tenants/" + SLUG + "/demo-data?theme=verde", ""), 200);
      Api api =
          new Api(
              server,
              () ->
                  stack
                      .tokens()
                      .passwordGrant(DevIdentities.SUPPORT_USER, DevIdentities.SUPPORT_PASSWORD),
              () -> stack.tokens().passwordGrant("admin." + SLUG, PASSWORD));
      String base = server + "/t/" + SLUG + "/api/v1";

      try (Db db = new Db(postgres, SLUG)) {
        // ---- setup, not measured: N issued acts, exactly as VerbaliIssueBenchmark makes them
        issue(api, postgres, db.schema, base, n);
        if (db.count("select count(*) from verbale v where " + BENCH + " and channel <> 'SEND'")
            > 0) {
          throw new IllegalStateException("Some acts were not issued with the SEND channel");
        }
        long demoActs = db.count("select count(*) from verbale v where not (" + BENCH + ")");
        long heapBefore = stack.server().heapUsedAfterGc();

        // ---- 1. debt positions published by the outbox
        String positions =
            "select count(*) from debt_position d join verbale v on v.id = d.verbale_id where "
                + BENCH;
        long publishedDuringIssue = db.count(positions);
        Drain publish = drain(api, db);
        long published = db.count(positions);
        require(failures, published == n, "debt positions published: " + published + " of " + n);

        // ---- 2. dispatch: every act sent for notification (REST), then the outbox drained
        api.freshStaffToken(); // renewed before the sends, once
        List<Long> acts = db.longs("select id from verbale v where " + BENCH + " order by id");
        long dispatchStart = System.nanoTime();
        AtomicInteger refusedSends = new AtomicInteger();
        parallel(
            acts.size(),
            i -> {
              HttpResponse<String> r =
                  api.staff("POST", base + "/notifications", "{\"verbaleId\":" + acts.get(i) + "}");
              if (r.statusCode() != 201) {
                refusedSends.incrementAndGet();
                DevRun.say("send of act " + acts.get(i) + ": HTTP " + r.statusCode() + r.body());
              }
            });
        double sendSeconds = seconds(dispatchStart);
        require(
            failures, refusedSends.get() == 0, "acts refused for notification: " + refusedSends);
        Drain dispatch = drain(api, db);
        double dispatchSeconds = seconds(dispatchStart);
        long requested =
            db.count(
                "select count(n.request_id) from notification n"
                    + " join verbale v on v.id = n.verbale_id where "
                    + BENCH);
        require(failures, requested == n, "SEND requests made: " + requested + " of " + n);

        // ---- 3. progress: send-progress until every act is NOTIFIED, then the GPD due dates
        long progressStart = System.nanoTime();
        int rounds = 0;
        long notified = 0;
        long reported = 0;
        while (notified < n) {
          if (System.nanoTime() - progressStart > HOUR_NANOS) {
            throw new IllegalStateException("Not every act NOTIFIED in an hour: " + notified);
          }
          api.job("send-progress");
          rounds++;
          Thread.sleep(200); // SEND's stream asks for a pause (retry-after) when it has no more
          notified =
              db.count(
                  "select count(*) from verbale v where " + BENCH + " and status = 'NOTIFIED'");
          long refused =
              db.count(
                  "select count(*) from notification n join verbale v on v.id = n.verbale_id"
                      + " where n.status = 'REFUSED' and "
                      + BENCH);
          if (refused > 0) {
            throw new IllegalStateException(refused + " notifications REFUSED by SEND");
          }
          if (notified / 1000 != reported / 1000) {
            reported = notified;
            DevRun.say("acts NOTIFIED so far: " + notified);
          }
        }
        double progressSeconds = seconds(progressStart);
        Drain dueDates = drain(api, db);

        // ---- 4. collection: every act's first notice paid (the reduced one, else the minimum
        // where
        // the violation allows no reduction), receipts pushed and applied, mails
        HttpResponse<String> settings =
            api.plain("PUT", sim + "/__control/gpd/push-settings", "{\"pauseMillis\":50}");
        BenchHttp.require(settings, 200);
        List<Object[]> notices = new ArrayList<>();
        try (ResultSet r =
            db.statement.executeQuery(
                "select v.id, w.notice_code, w.total from verbale v join (select distinct on (w.verbale_id) w.verbale_id, w.notice_code, w.total"
                    + " from verbale_window w order by w.verbale_id,"
                    + " case w.window_type when 'REDUCED_30' then 0 when 'MINIMUM' then 1 else 2"
                    + " end) w"
                    + " on w.verbale_id = v.id where "
                    + BENCH
                    + " order by v.id")) {
          while (r.next()) {
            notices.add(new Object[] {r.getLong(1), r.getString(2), r.getBigDecimal(3)});
          }
        }
        require(failures, notices.size() == n, "first notices: " + notices.size() + " of " + n);
        String[] receiptIds = new String[notices.size()];
        AtomicLong paidCents = new AtomicLong();
        AtomicInteger refusedPayments = new AtomicInteger();
        long payStart = System.nanoTime();
        parallel(
            notices.size(),
            i -> {
              Object[] notice = notices.get(i);
              long cents = ((BigDecimal) notice[2]).movePointRight(2).longValueExact();
              HttpResponse<String> r =
                  api.plain(
                      "POST",
                      sim + "/__control/gpd/pay",
                      "{\"creditor\":\""
                          + CREDITOR
                          + "\",\"notice\":\""
                          + notice[1]
                          + "\",\"amountCents\":"
                          + cents
                          + ",\"payer\":{\"fullName\":\"Pagatore di prova\","
                          + "\"fiscalCode\":\"RSSMRA85T10A562S\",\"email\":\"payer-"
                          + notice[0]
                          + PAYERS
                          + "\"}}");
              if (r.statusCode() != 200) {
                refusedPayments.incrementAndGet();
                DevRun.say("payment of " + notice[1] + ": HTTP " + r.statusCode() + r.body());
                return;
              }
              receiptIds[i] = JSON.readTree(r.body()).path("receiptId").asText();
              paidCents.addAndGet(cents);
            });
        double paySeconds = seconds(payStart);
        require(failures, refusedPayments.get() == 0, "payments refused: " + refusedPayments);
        long paid = 0;
        reported = 0;
        while (paid < n - refusedPayments.get()) {
          if (System.nanoTime() - payStart > HOUR_NANOS) {
            throw new IllegalStateException("Not every act PAID in an hour: " + paid);
          }
          Thread.sleep(250);
          paid = db.count("select count(*) from verbale v where " + BENCH + " and status = 'PAID'");
          long anomalies =
              db.count("select count(*) from payment_receipt where outcome <> 'APPLIED'");
          if (anomalies > 0) {
            throw new IllegalStateException(anomalies + " receipts not APPLIED (anomalies)");
          }
          if (paid / 1000 != reported / 1000) {
            reported = paid;
            DevRun.say("acts PAID so far: " + paid);
          }
        }
        double appliedSeconds = seconds(payStart);
        String mailed = "select count(mailed_at) from payment_receipt";
        long mailedBeforeDrain = db.count(mailed);
        Drain mails = drain(api, db);
        long mailedAfterDrain = db.count(mailed);
        require(failures, mailedAfterDrain == n, "receipts mailed: " + mailedAfterDrain);

        // ---- 5. replay: 1,000 receipts pushed again 48 times in a row and 10 times at once
        int replayed = Math.min(REPLAYED, receiptIds.length);
        long receiptsBefore = db.count("select count(*) from payment_receipt");
        long messagesBefore = db.count("select count(*) from outbox_message");
        AtomicInteger pushes = new AtomicInteger();
        AtomicInteger non2xx = new AtomicInteger();
        long replayStart = System.nanoTime();
        parallel(
            replayed,
            i -> {
              for (String query : List.of("times=48&concurrency=1", "times=10&concurrency=10")) {
                HttpResponse<String> r =
                    api.plain(
                        "POST",
                        sim + "/__control/gpd/receipts/" + receiptIds[i] + "/push?" + query,
                        "");
                BenchHttp.require(r, 200);
                for (JsonNode status : JSON.readTree(r.body())) {
                  pushes.incrementAndGet();
                  if (status.asInt() < 200 || status.asInt() >= 300) {
                    non2xx.incrementAndGet();
                  }
                }
              }
            });
        double replaySeconds = seconds(replayStart);
        require(failures, non2xx.get() == 0, "replayed pushes not answered 2xx: " + non2xx);
        long receiptsAfter = db.count("select count(*) from payment_receipt");
        long messagesAfter = db.count("select count(*) from outbox_message");
        require(
            failures,
            receiptsAfter == receiptsBefore && messagesAfter == messagesBefore,
            "the replays changed receipts "
                + receiptsBefore
                + " → "
                + receiptsAfter
                + " or outbox messages "
                + messagesBefore
                + " → "
                + messagesAfter);
        long heapAfter = stack.server().heapUsedAfterGc();

        // ---- 6. zero duplicates and the amounts
        long[] ntf =
            db.counts(
                "select count(*), count(distinct n.iun), count(distinct n.verbale_id)"
                    + " from notification n join verbale v on v.id = n.verbale_id where "
                    + BENCH);
        long[] rcp =
            db.counts(
                "select count(*), count(distinct receipt_id), count(distinct verbale_id),"
                    + " count(*) filter (where outcome = 'APPLIED') from payment_receipt");
        long[] dbt =
            db.counts(
                "select count(*), count(distinct d.iupd), count(*) filter (where "
                    + BENCH
                    + ") from debt_position d join verbale v on v.id = d.verbale_id");
        long[] outbox =
            db.counts(
                "select count(*) filter (where status = 'PENDING'),"
                    + " count(*) filter (where status = 'DEAD') from outbox_message");
        BigDecimal receiptsSum = db.decimal("select coalesce(sum(amount), 0) from payment_receipt");
        BigDecimal reducedSum =
            db.decimal(
                "select coalesce(sum(w.total), 0) from (select distinct on (w.verbale_id) w.verbale_id, w.notice_code, w.total"
                    + " from verbale_window w order by w.verbale_id,"
                    + " case w.window_type when 'REDUCED_30' then 0 when 'MINIMUM' then 1 else 2"
                    + " end) w"
                    + " join verbale v on v.id = w.verbale_id where v.status = 'PAID' and "
                    + BENCH);
        BigDecimal simulatorSum = BigDecimal.valueOf(paidCents.get(), 2);
        int[] mailbox = mailbox(stack);
        Journal journal = journal(api, sim);

        boolean noDuplicates =
            ntf[0] == n
                && ntf[1] == n
                && ntf[2] == n
                && rcp[0] == n
                && rcp[1] == n
                && rcp[2] == n
                && dbt[0] == dbt[1]
                && dbt[2] == n
                && mailbox[0] == n
                && mailbox[1] == n
                && (!journal.complete || (journal.duplicateSend == 0 && journal.duplicateGpd == 0));
        require(failures, noDuplicates, "duplicates or missing rows (see the counts above)");
        require(failures, rcp[3] == n, "receipts APPLIED: " + rcp[3] + " of " + n);
        require(failures, outbox[0] == 0 && outbox[1] == 0, "outbox not empty or dead letters");
        boolean amounts =
            receiptsSum.compareTo(reducedSum) == 0 && receiptsSum.compareTo(simulatorSum) == 0;
        require(failures, amounts, "amounts differ");

        System.out.println();
        System.out.println(
            "Notify and collect benchmark: "
                + n
                + " acts notified through SEND and paid on pagoPA (simulators), "
                + CLIENT_THREADS
                + " client threads");
        System.out.printf(
            "  1. debt positions: %d published by the outbox timer during the issue; the drain"
                + " published %d in %.1f s, %.1f positions/s%n",
            publishedDuringIssue,
            published - publishedDuringIssue,
            publish.seconds,
            (published - publishedDuringIssue) / publish.seconds);
        System.out.printf(
            "  2. dispatch: %d acts sent for notification over REST in %.1f s (%.1f acts/s);"
                + " %d SEND requests made %.1f s after the first send (%.1f requests/s; the drain"
                + " sent %d messages in %.1f s, the timer the rest)%n",
            acts.size(),
            sendSeconds,
            acts.size() / sendSeconds,
            requested,
            dispatchSeconds,
            requested / dispatchSeconds,
            dispatch.sent,
            dispatch.seconds);
        System.out.printf(
            "  3. progress: %d acts NOTIFIED in %.1f s (%.1f acts perfected/s, %d send-progress"
                + " rounds); GPD due dates: the drain sent %d messages in %.1f s%n",
            notified,
            progressSeconds,
            notified / progressSeconds,
            rounds,
            dueDates.sent,
            dueDates.seconds);
        System.out.printf(
            "  4. collection: %d payments on the simulator in %.1f s; %d acts PAID %.1f s after"
                + " the first payment (%.1f receipts applied/s); quietanze: %d mailed before the"
                + " drain, the drain mailed %d in %.1f s (%.1f mails/s)%n",
            notices.size() - refusedPayments.get(),
            paySeconds,
            paid,
            appliedSeconds,
            paid / appliedSeconds,
            mailedBeforeDrain,
            mailedAfterDrain - mailedBeforeDrain,
            mails.seconds,
            (mailedAfterDrain - mailedBeforeDrain) / mails.seconds);
        System.out.printf(
            "  5. replay: %d receipts × (48 in a row + 10 at once) = %d pushes in %.1f s (%.0f"
                + " pushes/s), not 2xx: %d; receipts %d → %d, outbox messages %d → %d%n",
            replayed,
            pushes.get(),
            replaySeconds,
            pushes.get() / replaySeconds,
            non2xx.get(),
            receiptsBefore,
            receiptsAfter,
            messagesBefore,
            messagesAfter);
        System.out.printf(
            "  6. notifications %d, distinct IUN %d, acts %d; receipts %d, distinct ids %d, acts"
                + " %d, APPLIED %d; debt positions %d (%d of the benchmark's acts; %d demo"
                + " acts), distinct IUPD %d; quietanze in the mailbox %d to %d payers; outbox pending %d, dead %d%n",
            ntf[0],
            ntf[1],
            ntf[2],
            rcp[0],
            rcp[1],
            rcp[2],
            rcp[3],
            dbt[0],
            dbt[2],
            demoActs,
            dbt[1],
            mailbox[0],
            mailbox[1],
            outbox[0],
            outbox[1]);
        System.out.println(
            "     simulators' journal: "
                + (journal.complete
                    ? "complete ("
                        + journal.entries
                        + " requests): SEND requests accepted "
                        + journal.sendRequests
                        + " ("
                        + journal.duplicateSend
                        + " repeated), GPD positions created "
                        + journal.gpdCreated
                        + " ("
                        + journal.duplicateGpd
                        + " repeated)"
                    : "truncated (it keeps the last 20,000 requests): duplicates counted in the"
                        + " database only"));
        System.out.println("     duplicates: " + (noDuplicates ? "0" : "FOUND OR ROWS MISSING"));
        System.out.printf(
            "     amounts: receipts € %s, first-window totals of the paid acts € %s, paid on the"
                + " simulator € %s — %s%n",
            receiptsSum.toPlainString(),
            reducedSum.toPlainString(),
            simulatorSum.toPlainString(),
            amounts ? "equal" : "DIFFERENT");
        System.out.println(
            "     platform jobs answered 5xx (busy with their own timer) and tried again: "
                + api.busy.get());
        System.out.printf(
            "  7. WildFly heap after GC: before %.1f MiB (after the issue), after %.1f MiB"
                + " (retained %+.1f MiB)%n",
            heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
      }
    }
    if (!failures.isEmpty()) {
      System.out.println("FAILED CHECKS:");
      failures.forEach(f -> System.out.println("  - " + f));
      throw new IllegalStateException(
          "Notify and collect benchmark: " + failures.size() + " failed");
    }
  }

  /** Setup: N violations imported, owned, validated and issued in one bulk issue. */
  private static void issue(Api api, Postgres postgres, String schema, String base, int n)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Supplier<String> tokens = api::freshStaffToken;
    DevRun.say("importing a camera file of " + n + " violations");
    HttpResponse<String> upload =
        http.send(
            BenchHttp.cameraUpload(
                base + "/camera-imports",
                tokens.get(),
                "bench-notify.csv",
                CameraImportBenchmark.file(n)),
            HttpResponse.BodyHandlers.ofString());
    BenchHttp.require(upload, 202);
    VerbaliIssueBenchmark.awaitEnd(
        http, base + "/camera-imports/" + BenchHttp.match(ID, upload.body()), tokens, "COMPLETED");
    List<Long> ids = VerbaliIssueBenchmark.ownedAndValidated(postgres, schema);
    StringBuilder json = new StringBuilder("{\"detectionIds\":[");
    for (int i = 0; i < ids.size(); i++) {
      json.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    json.append("]}");
    HttpResponse<String> started = api.staff("POST", base + "/verbali/issue-runs", json.toString());
    BenchHttp.require(started, 202);
    DevRun.say("issuing " + ids.size() + " acts (setup, not measured)");
    String done =
        VerbaliIssueBenchmark.awaitEnd(
            http,
            base + "/verbali/issue-runs/" + BenchHttp.match(ID, started.body()),
            tokens,
            "COMPLETED");
    if (Integer.parseInt(BenchHttp.match(ISSUED, done)) != n) {
      throw new IllegalStateException("Not every act issued: " + done);
    }
  }

  /** What a drain of the outbox did: messages sent by its calls, and how long it took. */
  private record Drain(int sent, double seconds) {}

  /**
   * Runs the outbox dispatcher ({@code POST /api/platform/jobs/outbox}, at most 200 messages per
   * tenant per call) until a call sends nothing and no message is pending; fails on dead letters.
   */
  private static Drain drain(Api api, Db db) throws Exception {
    long start = System.nanoTime();
    int sent = 0;
    while (true) {
      if (System.nanoTime() - start > HOUR_NANOS) {
        throw new IllegalStateException("The outbox was not drained in an hour");
      }
      JsonNode run = api.job("outbox");
      sent += run.path("sent").asInt();
      if (run.path("failedTenants").asInt() > 0) {
        throw new IllegalStateException("The outbox run failed for a tenant: " + run);
      }
      if (run.path("sent").asInt() == 0) {
        if (db.count("select count(*) from outbox_message where status = 'DEAD'") > 0) {
          throw new IllegalStateException(
              "Dead letters in the outbox: "
                  + db.count("select count(*) from outbox_message where status = 'DEAD'"));
        }
        if (db.count("select count(*) from outbox_message where status = 'PENDING'") == 0) {
          return new Drain(sent, seconds(start));
        }
        Thread.sleep(500); // waiting messages (back-off after a failure, or an open circuit)
      }
    }
  }

  /** What the simulators' journal says, when it still holds every request since the start. */
  private record Journal(
      boolean complete,
      int entries,
      int sendRequests,
      int duplicateSend,
      int gpdCreated,
      int duplicateGpd) {}

  /**
   * Reads the journal, paging with {@code since}. It is complete when its first request is the
   * first one the simulators received (sequence 1: it is never cleared here). Duplicates: a SEND
   * request accepted twice for one protocol number, a GPD position created twice for one IUPD.
   */
  private static Journal journal(Api api, String sim) throws Exception {
    long since = 0;
    long first = -1;
    int entries = 0;
    Map<String, Integer> send = new HashMap<>();
    Map<String, Integer> gpd = new HashMap<>();
    while (true) {
      HttpResponse<String> r = api.plain("GET", sim + "/__journal?since=" + since, null);
      BenchHttp.require(r, 200);
      JsonNode page = JSON.readTree(r.body());
      if (page.isEmpty()) {
        break;
      }
      for (JsonNode e : page) {
        since = e.path("seq").asLong();
        first = first < 0 ? since : first;
        entries++;
        int status = e.path("status").asInt();
        if (!e.path("method").asText().equals("POST") || status < 200 || status >= 300) {
          continue;
        }
        String path = e.path("path").asText();
        if (e.path("service").asText().equals("send") && path.endsWith("/delivery/v2.6/requests")) {
          send.merge(field(e.path("body").asText(), "paProtocolNumber"), 1, Integer::sum);
        } else if (e.path("service").asText().equals("gpd") && path.endsWith("/debtpositions")) {
          gpd.merge(field(e.path("body").asText(), "iupd"), 1, Integer::sum);
        }
      }
    }
    return new Journal(
        first == 1,
        entries,
        send.size(),
        send.values().stream().mapToInt(c -> c - 1).sum(),
        gpd.size(),
        gpd.values().stream().mapToInt(c -> c - 1).sum());
  }

  /** A field of a JSON body in the journal, or the whole body when it is not JSON. */
  private static String field(String body, String name) {
    try {
      return JSON.readTree(body).path(name).asText();
    } catch (java.io.IOException e) {
      return body;
    }
  }

  /** The quietanze in GreenMail: messages to the benchmark's payers, and distinct payers. */
  private static int[] mailbox(LocalStack stack) throws Exception {
    int messages = 0;
    Set<String> payers = new HashSet<>();
    for (jakarta.mail.internet.MimeMessage m : stack.mail().getReceivedMessages()) {
      jakarta.mail.Address[] to = m.getAllRecipients();
      if (to == null) {
        continue;
      }
      boolean ours = false;
      for (jakarta.mail.Address a : to) {
        String address =
            a instanceof jakarta.mail.internet.InternetAddress internet
                ? internet.getAddress()
                : a.toString();
        if (address.endsWith(PAYERS)) {
          payers.add(address);
          ours = true;
        }
      }
      messages += ours ? 1 : 0;
    }
    return new int[] {messages, payers.size()};
  }

  private interface Task {
    void run(int index) throws Exception;
  }

  /** Runs {@code task} for 0..count-1 on the client threads; fails with the first failure. */
  private static void parallel(int count, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      AtomicInteger next = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      List<Future<Object>> workers = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                    if (done.incrementAndGet() % 1000 == 0) {
                      DevRun.say("done so far: " + done.get() + " of " + count);
                    }
                  }
                  return null;
                }));
      }
      for (Future<Object> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void require(List<String> failures, boolean ok, String what) {
    if (!ok) {
      failures.add(what);
      DevRun.say("CHECK FAILED: " + what);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** HTTP with the vendor support's and the command administrator's tokens, renewed on 401. */
  private static final class Api {
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String server;
    private final Supplier<String> supportGrant;
    private final Supplier<String> staffGrant;
    final AtomicInteger busy = new AtomicInteger();
    private volatile String support;
    private volatile String staff;

    Api(String server, Supplier<String> supportGrant, Supplier<String> staffGrant) {
      this.server = server;
      this.supportGrant = supportGrant;
      this.staffGrant = staffGrant;
      this.support = supportGrant.get();
      this.staff = staffGrant.get();
    }

    private volatile long staffAt = System.nanoTime();

    /**
     * The staff token, renewed once a minute: the realm's brute-force protection counts logins
     * closer than a second apart as failures and locks the user, so a poll must not log in each
     * time.
     */
    synchronized String freshStaffToken() {
      if (System.nanoTime() - staffAt > 60_000_000_000L) {
        staff = staffGrant.get();
        staffAt = System.nanoTime();
      }
      return staff;
    }

    HttpResponse<String> staff(String method, String url, String body) throws Exception {
      String used = staff;
      HttpResponse<String> r = send(method, url, body, used);
      if (r.statusCode() == 401) { // the access token lasts minutes; the benchmark more
        r = send(method, url, body, renewed(used));
      }
      return r;
    }

    /** A new staff token unless another thread already renewed the expired one (one login). */
    private synchronized String renewed(String expired) {
      if (staff.equals(expired)) {
        staff = staffGrant.get();
        staffAt = System.nanoTime();
      }
      return staff;
    }

    /** Runs a platform job now ({@code POST /api/platform/jobs/<job>}); its JSON answer. */
    JsonNode job(String job) throws Exception {
      String url = server + "/api/platform/jobs/" + job;
      for (int attempt = 1; ; attempt++) {
        HttpResponse<String> r = send("POST", url, "", support);
        if (r.statusCode() == 401) {
          support = supportGrant.get();
          r = send("POST", url, "", support);
        }
        // The job's singleton may be busy with its own timer's run (the container's access
        // timeout ends the wait with a 5xx): counted, reported, tried again.
        if (r.statusCode() >= 500 && attempt < 60) {
          busy.incrementAndGet();
          DevRun.say("job " + job + ": HTTP " + r.statusCode() + ", trying again in 1 s");
          Thread.sleep(1000);
          continue;
        }
        BenchHttp.require(r, 200);
        return JSON.readTree(r.body());
      }
    }

    /** A call without a token (the simulators). */
    HttpResponse<String> plain(String method, String url, String body) throws Exception {
      return send(method, url, body, null);
    }

    private HttpResponse<String> send(String method, String url, String body, String token)
        throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofMinutes(10))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** One connection to the tenant's schema (as its role), for counts. */
  private static final class Db implements AutoCloseable {
    final String schema;
    private final Connection connection;
    final Statement statement;

    Db(Postgres postgres, String slug) throws SQLException {
      connection = postgres.connectAsApplication();
      try (PreparedStatement q =
          connection.prepareStatement("select schema_name from platform.tenant where slug = ?")) {
        q.setString(1, slug);
        try (ResultSet r = q.executeQuery()) {
          if (!r.next()) {
            throw new IllegalStateException("No tenant " + slug);
          }
          schema = r.getString(1);
        }
      }
      statement = connection.createStatement();
      statement.execute("set role " + schema);
      statement.execute("set search_path to " + schema);
    }

    synchronized long count(String sql) throws SQLException {
      return counts(sql)[0];
    }

    synchronized long[] counts(String sql) throws SQLException {
      try (ResultSet r = statement.executeQuery(sql)) {
        r.next();
        long[] values = new long[r.getMetaData().getColumnCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = r.getLong(i + 1);
        }
        return values;
      }
    }

    synchronized BigDecimal decimal(String sql) throws SQLException {
      try (ResultSet r = statement.executeQuery(sql)) {
        r.next();
        return r.getBigDecimal(1);
      }
    }

    synchronized List<Long> longs(String sql) throws SQLException {
      List<Long> values = new ArrayList<>();
      try (ResultSet r = statement.executeQuery(sql)) {
        while (r.next()) {
          values.add(r.getLong(1));
        }
      }
      return values;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
