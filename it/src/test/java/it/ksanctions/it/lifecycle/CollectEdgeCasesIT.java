package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.application.BudgetChapters;
import it.ksanctions.command.application.CommandFees;
import it.ksanctions.command.domain.AllocationPlan;
import it.ksanctions.command.domain.BudgetChapter;
import it.ksanctions.command.domain.ChapterAllocation;
import it.ksanctions.command.domain.ChapterType;
import it.ksanctions.command.domain.Fee;
import it.ksanctions.command.domain.FeeAmountKind;
import it.ksanctions.command.domain.FeeCategory;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.payments.application.DebtPositions;
import it.ksanctions.payments.application.Payments;
import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.OutboxStatus;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edge cases of notify and collect (issue 15) against the simulators: a pagoPA GPD that carries out
 * the creation of a debt position and then hangs, and a SEND that hangs on the notification request
 * — the calls are cut by the product's time limits, the outbox keeps the message and tries it again
 * after its back-off, the officer's own actions go on meanwhile, and the position and the
 * notification exist once; annulling an act invalidates its position on GPD, so that pagoPA refuses
 * to collect it (and an act annulled before its position went out is never published); the treasury
 * export lists, per budget chapter, exactly what the pagoPA transfers of the payments carried to
 * each chapter.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollectEdgeCasesIT {

  static final String TENANT = "nc-edge";
  static final String CREDITOR = TestCreditors.COLLECT_EDGE_CASES;
  static final String RECEIPT_KEY = "receipt-key-nc-edge-0123456789";
  static final String GPD_KEY = "gpd-key-0123456789abcdef";
  static final String OWNER = "Mario Rossi";
  static final String OWNER_CF = CollectFixture.codiceFiscale("RSSMRA80A01E472");
  static final String POSITIONS =
      "/gpd/debt-positions-service/v1/organizations/" + CREDITOR + "/debtpositions";
  static final String SEND_REQUESTS = "/send/delivery/v2.6/requests";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  /** The three revenue chapters of the command's default split, 33.33 + 33.33 + 33.34 %. */
  static final String[] CHAPTERS = {"3010.01", "3010.02", "3010.03"};

  static final BigDecimal ASSESSMENT_FEE = new BigDecimal("11.90");

  /** Set once the command exists (the tests of this class share it, in this order). */
  private static volatile boolean commandReady;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject CollectFixture fixture;
  @Inject CurrentStaff currentStaff;
  @Inject OutboxDispatcher dispatcher;
  @Inject Outbox outbox;
  @Inject Notifications notifications;
  @Inject Verbali verbali;
  @Inject Payments payments;
  @Inject BudgetChapters chapters;
  @Inject CommandFees fees;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject TenantProbe probe;

  /** The outbox timer pauses: these tests run the dispatcher themselves and count what it sends. */
  @BeforeEach
  void pauseTheOutboxTimer() {
    System.setProperty("ksanctions.outbox.paused", "true");
  }

  @AfterEach
  void resumeTheOutboxTimerAndLiftTheFaults() throws Exception {
    System.clearProperty("ksanctions.outbox.paused");
    CollectFixture.send("DELETE", CollectFixture.sim() + "/__control/faults", "");
  }

  @Test
  @Order(1)
  void aHangingGpdOrSendLosesNothingIsRetriedAfterItsBackOffAndNeverBlocksTheOfficer()
      throws Exception {
    command();
    long journalFrom = lastJournalSeq();
    // GPD carries out every creation of a position of this creditor and holds its answer for 40 s
    // (longer than the product waits): until lifted, each answer is lost on the way.
    fault(
        "{\"service\":\"gpd\",\"pathPrefix\":\""
            + POSITIONS
            + "\",\"holds\":true,\"delayMillis\":40000,\"times\":100}");
    VerbaleView first;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      first = fixture.issue(TENANT, "NE100AA", OWNER, OWNER_CF);
    }
    String firstIupd = DebtPositions.iupd(first.number());

    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      long started = System.nanoTime();
      Future<OutboxDispatcher.Run> hanging =
          background.submit(
              () -> {
                try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
                  return dispatcher.runTenant();
                }
              });
      // GPD has the position and holds its answer: the dispatcher is waiting for it now
      for (int i = 0; i < 100 && positionPosts(journalFrom, firstIupd).isEmpty(); i++) {
        Thread.sleep(100);
      }
      assertThat(positionPosts(journalFrom, firstIupd)).containsExactly(201);

      // Meanwhile the officer works: issues another act and reads the first, at once, no error.
      VerbaleView second;
      try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
        currentStaff.signIn("admin." + TENANT);
        long t0 = System.nanoTime();
        second = fixture.issue(TENANT, "NE101AA", OWNER, OWNER_CF);
        VerbaleView read = verbali.detail(first.id());
        Outbox.MessageView waiting = message(first.id(), OutboxTopics.DEBT_POSITION_PUBLISH);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(second.status()).isEqualTo(VerbaleStatus.ISSUED);
        assertThat(read.status()).isEqualTo(VerbaleStatus.ISSUED);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
      }
      assertThat(hanging.isDone()).as("the dispatcher still waits for GPD").isFalse();

      OutboxDispatcher.Run run = hanging.get(3, TimeUnit.MINUTES);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(run.failed()).isEqualTo(1);
      assertThat(run.sent()).isZero();
      // three tries (Fault Tolerance's two quick retries), each cut by the product's time limit
      // long before GPD's 40 s: each time the position was already there (409), answer lost too
      assertThat(positionPosts(journalFrom, firstIupd)).containsExactly(201, 409, 409);
      assertThat(took).isLessThan(Duration.ofSeconds(100));

      Instant nextAttempt;
      try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
        currentStaff.signIn("admin." + TENANT);
        Outbox.MessageView failed = message(first.id(), OutboxTopics.DEBT_POSITION_PUBLISH);
        assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("pagoPA GPD").contains("nuovo tentativo");
        // the back-off: 5 s after the failure
        assertThat(failed.nextAttemptAt()).isAfter(Instant.now().plusSeconds(2));
        nextAttempt = failed.nextAttemptAt();
        assertThat(count("select count(*) from debt_position")).isZero();

        // GPD answers again: the dispatcher is run until the message is done
        CollectFixture.send("DELETE", CollectFixture.sim() + "/__control/faults", "");
        for (int i = 0;
            i < 150
                && message(first.id(), OutboxTopics.DEBT_POSITION_PUBLISH).status()
                    != OutboxStatus.DONE;
            i++) {
          dispatcher.runTenant();
          Thread.sleep(200);
        }
        Outbox.MessageView done = message(first.id(), OutboxTopics.DEBT_POSITION_PUBLISH);
        assertThat(done.status()).isEqualTo(OutboxStatus.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        Object doneAt =
            probe
                .readForeignTable(
                    "(select done_at from outbox_message where id = " + done.id() + ") m")
                .get(0);
        assertThat(Outbox.instant(doneAt))
            .as("not retried before its back-off")
            .isAfterOrEqualTo(nextAttempt);
        assertThat(message(second.id(), OutboxTopics.DEBT_POSITION_PUBLISH).status())
            .isEqualTo(OutboxStatus.DONE);
        assertThat(
                count(
                    "select count(*) from debt_position where status = 'PUBLISHED'"
                        + " and verbale_id in ("
                        + first.id()
                        + ", "
                        + second.id()
                        + ")"))
            .isEqualTo(2);
      }
      // One position per act on GPD: the retry found its own position (409, read back, same debt)
      assertThat(positionPosts(journalFrom, firstIupd)).containsExactly(201, 409, 409, 409);
      assertThat(positionPosts(journalFrom, DebtPositions.iupd(second.number())))
          .containsExactly(201);
      assertThat(gpdPosition(firstIupd).getString("status")).isEqualTo("VALID");
      assertThat(positionsOnGpd()).containsOnlyOnce(firstIupd, DebtPositions.iupd(second.number()));
    } finally {
      background.shutdownNow();
    }

    // SEND hangs on this act's notification request (its notice code is in the body) for 40 s.
    long sendFrom = lastJournalSeq();
    String notice = first.windows().get(0).noticeCode();
    fault(
        "{\"service\":\"send\",\"pathPrefix\":\""
            + SEND_REQUESTS
            + "\",\"bodyContains\":\""
            + notice
            + "\",\"status\":0,\"delayMillis\":40000,\"times\":1}");
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      long t0 = System.nanoTime();
      var queued = notifications.send(first.id(), null);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(queued.status()).isEqualTo(NotificationStatus.QUEUED);

      long r0 = System.nanoTime();
      dispatcher.runTenant();
      // cut by the product's 20 s limit, not by the simulator's 40 s hang
      assertThat(Duration.ofNanos(System.nanoTime() - r0)).isLessThan(Duration.ofSeconds(35));
      for (int i = 0;
          i < 150 && message(first.id(), OutboxTopics.NOTIFY_SEND).status() != OutboxStatus.DONE;
          i++) {
        Thread.sleep(200);
        dispatcher.runTenant();
      }
      Outbox.MessageView sent = message(first.id(), OutboxTopics.NOTIFY_SEND);
      assertThat(sent.status()).isEqualTo(OutboxStatus.DONE);
      assertThat(notifications.ofVerbale(first.id()))
          .singleElement()
          .satisfies(n -> assertThat(n.requestId()).isNotBlank());
    }
    // SEND accepted the act's request once (the hung request was never carried out)
    List<Integer> requests = new ArrayList<>();
    for (JsonObject e : journal("send", sendFrom)) {
      if (e.getString("method").equals("POST")
          && e.getString("path").equals(SEND_REQUESTS)
          && e.getString("body", "").contains(notice)
          && e.getInt("status") != 504) {
        requests.add(e.getInt("status"));
      }
    }
    assertThat(requests).containsExactly(202);
  }

  @Test
  @Order(2)
  void annullingAnActInvalidatesItsPositionOnGpdAndPagoPaRefusesToCollectIt() throws Exception {
    command();
    VerbaleView v;
    VerbaleView early;
    long journalFrom;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      v = fixture.issue(TENANT, "NE200BB", OWNER, OWNER_CF);
      drain();
      assertThat(gpdPosition(DebtPositions.iupd(v.number())).getString("status"))
          .isEqualTo("VALID");

      journalFrom = lastJournalSeq();
      VerbaleView annulled = verbali.annul(v.id(), "Targa letta in modo errato: altro veicolo");
      assertThat(annulled.status()).isEqualTo(VerbaleStatus.ANNULLED);
      // an act annulled while its position is still in the queue
      early = fixture.issue(TENANT, "NE201BB", OWNER, OWNER_CF);
      verbali.annul(early.id(), "Emesso per errore");
      drain();
      assertThat(message(v.id(), OutboxTopics.DEBT_POSITION_INVALIDATE).status())
          .isEqualTo(OutboxStatus.DONE);
      assertThat(
              count(
                  "select count(*) from debt_position where status = 'INVALID' and verbale_id = "
                      + v.id()))
          .isEqualTo(1);
      assertThat(count("select count(*) from debt_position where verbale_id = " + early.id()))
          .isZero();
    }
    String iupd = DebtPositions.iupd(v.number());
    List<String> calls = new ArrayList<>();
    for (JsonObject e : journal("gpd", journalFrom)) {
      calls.add(e.getString("method") + " " + e.getString("path") + " " + e.getInt("status"));
    }
    assertThat(calls).containsOnlyOnce("POST " + POSITIONS + "/" + iupd + "/invalidate 200");
    // the act annulled in the queue never reached GPD
    assertThat(calls).noneMatch(c -> c.contains(DebtPositions.iupd(early.number())));
    assertThat(positionPosts(journalFrom, DebtPositions.iupd(early.number()))).isEmpty();
    assertThat(gpdPosition(iupd).getString("status")).isEqualTo("INVALID");

    // pagoPA refuses every notice of the act, by the node and on the checkout page
    for (WindowView w : v.windows()) {
      if (w.noticeCode() == null) {
        continue;
      }
      HttpResponse<String> paid = pay(w.noticeCode());
      assertThat(paid.statusCode()).as(paid.body()).isEqualTo(409);
      assertThat(paid.body()).contains("annullata");
      HttpResponse<String> page =
          CollectFixture.get(
              CollectFixture.sim()
                  + "/checkout/?creditor="
                  + CREDITOR
                  + "&notice="
                  + w.noticeCode()
                  + "&returnUrl="
                  + URLEncoder.encode(CollectFixture.base() + "/", StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(409);
      assertThat(page.body()).contains("annullata");
    }
    HttpResponse<String> never = pay(early.windows().get(0).noticeCode());
    assertThat(never.statusCode()).as(never.body()).isEqualTo(404);
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      assertThat(verbali.detail(v.id()).status()).isEqualTo(VerbaleStatus.ANNULLED);
      assertThat(payments.ofVerbale(v.id())).isEmpty();
      assertThat(payments.ofVerbale(early.id())).isEmpty();
    }
  }

  @Test
  @Order(3)
  void theTreasuryExportListsPerChapterWhatTheTransfersOfThePaymentsCarried() throws Exception {
    command();
    // Two acts of a daytime violation (no night increase): art. 142 c. 8, minimum 173.00 euro,
    // reduced 121.10; the command's assessment fee 11.90 on each.
    LocalDateTime daytime = LocalDate.now(ITALY).minusDays(1).atTime(LocalTime.of(11, 0));
    VerbaleView a;
    VerbaleView b;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      a = issueAt("NE300CC", daytime);
      b = issueAt("NE301CC", daytime);
      drain();
    }
    WindowView aReduced = window(a, PaymentWindowType.REDUCED_30);
    WindowView bMinimum = window(b, PaymentWindowType.MINIMUM);
    assertThat(aReduced.sanction()).isEqualByComparingTo("121.10");
    assertThat(aReduced.fees()).isEqualByComparingTo(ASSESSMENT_FEE);
    assertThat(aReduced.total()).isEqualByComparingTo("133.00");
    assertThat(bMinimum.sanction()).isEqualByComparingTo("173.00");
    assertThat(bMinimum.total()).isEqualByComparingTo("184.90");

    // paid through pagoPA: a at the reduced amount, b at the minimum; the node pushes the receipts
    assertThat(pay(aReduced.noticeCode()).statusCode()).isEqualTo(200);
    assertThat(pay(bMinimum.noticeCode()).statusCode()).isEqualTo(200);
    awaitPaid(a.id());
    awaitPaid(b.id());

    // What each chapter gets: the transfers of the two paid options, as GPD holds them.
    Map<String, Long> transfers = new TreeMap<>();
    addTransfers(transfers, DebtPositions.iupd(a.number()), aReduced.iuv());
    addTransfers(transfers, DebtPositions.iupd(b.number()), bMinimum.iuv());
    assertThat(transfers.keySet()).containsExactly("3010.01", "3010.02", "3010.03", "SPESE");
    assertThat(transfers.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(13300 + 18490);

    Map<String, BigDecimal> exported = new TreeMap<>();
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      assertThat(payments.ofVerbale(a.id()))
          .singleElement()
          .satisfies(r -> assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED));
      assertThat(payments.ofVerbale(b.id()))
          .singleElement()
          .satisfies(r -> assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED));
      LocalDate today = LocalDate.now(ITALY);
      String csv =
          new String(
              payments.treasuryExport(today.minusDays(1), today.plusDays(1), false),
              StandardCharsets.UTF_8);
      List<String> lines = csv.replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines.get(0)).isEqualTo("Capitolo;Dal;Al;Importo incassato (euro)");
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(";", -1);
        assertThat(cells).as(line).hasSize(4);
        assertThat(cells[1]).isEqualTo(today.minusDays(1).toString());
        assertThat(cells[2]).isEqualTo(today.plusDays(1).toString());
        assertThat(exported.put(unquote(cells[0]), new BigDecimal(unquote(cells[3]))))
            .as("one line per chapter")
            .isNull();
      }
    }
    // one line per chapter, each the sum of that chapter's transfers, the fees apart: together,
    // what was collected (133.00 + 184.90)
    assertThat(exported.keySet()).containsExactlyElementsOf(transfers.keySet());
    for (Map.Entry<String, Long> chapter : transfers.entrySet()) {
      assertThat(exported.get(chapter.getKey()))
          .as("chapter %s", chapter.getKey())
          .isEqualByComparingTo(BigDecimal.valueOf(chapter.getValue(), 2));
    }
    assertThat(exported.get("SPESE")).isEqualByComparingTo("23.80");
    assertThat(exported.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("317.90");
  }

  // ------------------------------------------------------------------ set-up

  /**
   * The command, once: wired to the simulators, with three revenue chapters sharing every
   * violation's sanction (33.33, 33.33, 33.34 %) and an assessment fee of 11.90 euro.
   */
  private void command() throws Exception {
    if (commandReady) {
      return;
    }
    fixture.command(TENANT, CREDITOR, RECEIPT_KEY);
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      List<ChapterAllocation> plan = new ArrayList<>();
      String[] shares = {"33.33", "33.33", "33.34"};
      for (int i = 0; i < CHAPTERS.length; i++) {
        chapters.create(
            new BudgetChapter(
                CHAPTERS[i],
                "Proventi da sanzioni CdS - quota " + (i + 1),
                ChapterType.REVENUE,
                null,
                null,
                null),
            null);
        plan.add(
            new ChapterAllocation(
                AllocationPlan.DEFAULT_TYPE, CHAPTERS[i], new BigDecimal(shares[i])));
      }
      chapters.savePlan(AllocationPlan.DEFAULT_TYPE, plan, "Delibera G.C. n. 3");
      fees.addVersion(
          new Fee(
              "ACC",
              "Spese di accertamento",
              FeeCategory.ASSESSMENT,
              null,
              FeeAmountKind.FIXED,
              ASSESSMENT_FEE,
              LocalDate.now(ITALY).minusYears(1),
              null,
              "Delibera G.C. n. 4"),
          null);
    }
    commandReady = true;
  }

  /** An act of a violation at {@code at} (a paper pre-notice, validated and issued). */
  private VerbaleView issueAt(String plate, LocalDateTime at) {
    owners.record(
        new OwnerData(plate, "IT", OWNER, OWNER_CF, "Via Roma 1", "04100", "Latina", "LT", null));
    UUID id =
        preNotices
            .recordPaper(
                new PaperEntry(
                    at,
                    "VIA-ROMA",
                    "142c8",
                    plate,
                    null,
                    VehicleType.CAR,
                    "admin." + TENANT,
                    null,
                    List.of()))
            .id();
    preNotices.validate(id);
    return verbali.issue(Verbali.Source.preNotice(id), null).verbale();
  }

  // ------------------------------------------------------------------ helpers

  private static WindowView window(VerbaleView v, PaymentWindowType type) {
    return v.windows().stream().filter(w -> w.type() == type).findFirst().orElseThrow();
  }

  private Outbox.MessageView message(long verbaleId, String topic) {
    return outbox.ofVerbale(verbaleId).stream()
        .filter(m -> m.topic().equals(topic))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + topic + " message for act " + verbaleId));
  }

  /** Runs the outbox until nothing is due (a timer firing under way may hold one for a moment). */
  private void drain() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      dispatcher.runTenant();
      if (count("select count(*) from outbox_message where status = 'PENDING'") == 0) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private long count(String sql) {
    List<?> rows = probe.readForeignTable("(" + sql + ") as c");
    return ((Number) (rows.get(0) instanceof Object[] a ? a[0] : rows.get(0))).longValue();
  }

  private void awaitPaid(long id) throws InterruptedException {
    VerbaleStatus status = null;
    for (int i = 0; i < 100 && status != VerbaleStatus.PAID; i++) {
      try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
        currentStaff.signIn("admin." + TENANT);
        status = verbali.detail(id).status();
      }
      if (status != VerbaleStatus.PAID) {
        Thread.sleep(100);
      }
    }
    assertThat(status).isEqualTo(VerbaleStatus.PAID);
  }

  private static void fault(String json) throws Exception {
    HttpResponse<String> r =
        CollectFixture.send("POST", CollectFixture.sim() + "/__control/faults", json);
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
  }

  private static HttpResponse<String> pay(String notice) throws Exception {
    return CollectFixture.send(
        "POST",
        CollectFixture.sim() + "/__control/gpd/pay",
        "{\"creditor\":\""
            + CREDITOR
            + "\",\"notice\":\""
            + notice
            + "\",\"payer\":{\"fullName\":\""
            + OWNER
            + "\",\"fiscalCode\":\""
            + OWNER_CF
            + "\"}}");
  }

  /** The simulator's journal of {@code service} after entry {@code since}. */
  private static List<JsonObject> journal(String service, long since) throws Exception {
    String body =
        CollectFixture.get(
                CollectFixture.sim()
                    + "/__journal?since="
                    + since
                    + (service == null ? "" : "&service=" + service))
            .body();
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  private static long lastJournalSeq() throws Exception {
    long last = 0;
    for (JsonObject e : journal(null, 0)) {
      last = Math.max(last, e.getJsonNumber("seq").longValue());
    }
    return last;
  }

  /** The statuses GPD gave to the creations of position {@code iupd}, in order. */
  private static List<Integer> positionPosts(long since, String iupd) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (JsonObject e : journal("gpd", since)) {
      if (e.getString("method").equals("POST")
          && e.getString("path").equals(POSITIONS)
          && e.getString("body", "").contains("\"" + iupd + "\"")) {
        statuses.add(e.getInt("status"));
      }
    }
    return statuses;
  }

  private static HttpResponse<String> gpdGet(String path) throws Exception {
    return CollectFixture.HTTP.send(
        HttpRequest.newBuilder(URI.create(CollectFixture.sim() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Ocp-Apim-Subscription-Key", GPD_KEY)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Position {@code iupd} as GPD holds it. */
  private static JsonObject gpdPosition(String iupd) throws Exception {
    HttpResponse<String> r = gpdGet(POSITIONS + "/" + iupd);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  /** The IUPDs of every position of the creditor on GPD (one per occurrence). */
  private static List<String> positionsOnGpd() throws Exception {
    HttpResponse<String> r = gpdGet(POSITIONS + "?limit=100");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> iupds = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      for (JsonValue p : reader.readObject().getJsonArray("payment_position_list")) {
        iupds.add(p.asJsonObject().getString("iupd"));
      }
    }
    return iupds;
  }

  /**
   * Adds the transfers of option {@code iuv} of position {@code iupd} per chapter (named in the
   * remittance, "… - cap. 3010.01"), the fees ("… - spese") as SPESE; in cents.
   */
  private static void addTransfers(Map<String, Long> perChapter, String iupd, String iuv)
      throws Exception {
    JsonObject option =
        gpdPosition(iupd).getJsonArray("paymentOption").getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("iuv").equals(iuv))
            .findFirst()
            .orElseThrow();
    assertThat(option.getString("status")).isEqualTo("PO_PAID");
    for (JsonObject t : option.getJsonArray("transfer").getValuesAs(JsonObject.class)) {
      String remittance = t.getString("remittanceInformation");
      String chapter =
          remittance.endsWith(" - spese")
              ? "SPESE"
              : remittance.substring(remittance.lastIndexOf(" - cap. ") + 8);
      perChapter.merge(chapter, t.getJsonNumber("amount").longValue(), Long::sum);
    }
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
