package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.Mailbox;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.SendProgress;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notify and collect against the simulators (issue 15): an issued act's debt position published on
 * GPD through the outbox; the act sent for notification, SEND's PDND voucher, upload and request,
 * acceptance and progress stream making it NOTIFIED with its legal facts and the GPD due dates
 * updated; a payment pushed by the node making it PAID, the receipt applied once however many
 * copies arrive (48 in sequence and 10 at once), the quietanza e-mailed to the payer; a push
 * without the key refused with 401 and another creditor's receipt refused.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyAndCollectIT {

  static final String TENANT = "nc-alfa";
  // A creditor of its own: the demo commands of other tests use 00097020598 on the same simulator,
  // with the same act numbers and IUVs.
  static final String CREDITOR = TestCreditors.NOTIFY_AND_COLLECT;
  static final String RECEIPT_KEY = "receipt-key-nc-alfa-0123456789";
  static final String OWNER_CF = CollectFixture.codiceFiscale("BNCGLI90A41E472");
  static final String PAYER_MAIL = "giulia.bianchi@example.it";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  /** The outbox timer pauses while these tests count what their own runs send. */
  @org.junit.jupiter.api.BeforeEach
  void pauseTheOutboxTimer() {
    System.setProperty("ksanctions.outbox.paused", "true");
  }

  @org.junit.jupiter.api.AfterEach
  void resumeTheOutboxTimer() {
    System.clearProperty("ksanctions.outbox.paused");
  }

  @Inject TenantOnboarding onboarding;
  @Inject CommandRegistryAdministration commandRegistry;
  @Inject IntegrationCredentials integrations;
  @Inject PlacesAdministration places;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;
  @Inject Notifications notifications;
  @Inject SendProgress progress;
  @Inject OutboxDispatcher dispatcher;
  @Inject TenantProbe probe;
  @Inject CollectFixture fixture;

  @Test
  @Order(1)
  void anIssuedActHasItsDebtPositionPublishedThroughTheOutbox() throws Exception {
    pauseTheOutboxTimer();
    fixture.command(TENANT, CREDITOR, RECEIPT_KEY);
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      VerbaleView v = fixture.issue(TENANT, "NC100AA", "Giulia Bianchi", OWNER_CF);
      probe.write("nc.verbale", Long.toString(v.id()));
      assertThat(v.status()).isEqualTo(VerbaleStatus.ISSUED);

      drain();
      assertThat(
              count(
                  "select count(*) from debt_position where status = 'PUBLISHED' and verbale_id = "
                      + v.id()))
          .isEqualTo(1);
    }
    String journal = get(sim() + "/__journal?service=gpd").body();
    assertThat(journal).contains("/debtpositions").contains("KS-").contains("\"status\":201");
    assertThat(journal).doesNotContain("gpd-key-0123456789abcdef");
  }

  @Test
  @Order(2)
  void sentThroughSendItBecomesNotifiedWithItsLegalFacts() throws Exception {
    pauseTheOutboxTimer();
    long id;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      id = Long.parseLong(probe.read("nc.verbale"));
      currentStaff.signIn("admin." + TENANT);
      var sent = notifications.send(id, null);
      assertThat(sent.status()).isEqualTo(NotificationStatus.QUEUED);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.SENT);

      drain(); // the SEND request
      progress.poll(); // WAITING
      var round = progress.poll(); // ACCEPTED; the stream is read once its retry-after is over
      var n = notifications.ofVerbale(id).get(0);
      for (int i = 0; i < 50 && n.perfectedOn() == null; i++) {
        Thread.sleep(200);
        round = progress.poll();
        n = notifications.ofVerbale(id).get(0);
      }
      assertThat(n.iun()).isNotBlank();
      assertThat(n.perfectedOn()).isEqualTo(LocalDate.now(ITALY));
      assertThat(n.legalFacts()).isNotEmpty();
      assertThat(n.events()).extracting(e -> e.category()).contains("NOTIFICATION_VIEWED");
      VerbaleView v = verbali.detail(id);
      assertThat(v.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(v.notifiedOn()).isEqualTo(LocalDate.now(ITALY));
      assertThat(v.windows().get(0).lastDay()).isNotNull();
      assertThat(round).isNotNull();
      // the GPD due dates follow the perfection
      drain();
    }
    String send = get(sim() + "/__journal?service=send").body();
    assertThat(send).contains("/delivery/v2.6/requests").contains("010101P");
    assertThat(get(sim() + "/__journal?service=gpd").body()).contains("\"method\":\"PUT\"");
  }

  @Test
  @Order(3)
  void aPaymentPushedByTheNodeIsAppliedOnceAndTheReceiptIsMailed() throws Exception {
    pauseTheOutboxTimer();
    long id;
    String notice;
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      id = Long.parseLong(probe.read("nc.verbale"));
      currentStaff.signIn("admin." + TENANT);
      notice = verbali.detail(id).windows().get(0).noticeCode();
    }
    HttpResponse<String> paid =
        send(
            "POST",
            sim() + "/__control/gpd/pay",
            "{\"creditor\":\""
                + CREDITOR
                + "\",\"notice\":\""
                + notice
                + "\",\"payer\":{\"fullName\":\"Giulia Bianchi\",\"fiscalCode\":\""
                + OWNER_CF
                + "\",\"email\":\""
                + PAYER_MAIL
                + "\"}}");
    assertThat(paid.statusCode()).isLessThan(300);
    String receiptId = paid.body().replaceAll("(?s).*\"receiptId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
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

    // The node's retries: 48 copies in sequence and 10 at once, each answered 200, applied once.
    assertThat(
            send(
                    "POST",
                    sim() + "/__control/gpd/receipts/" + receiptId + "/push?times=48&concurrency=1",
                    "")
                .body())
        .doesNotContain("500")
        .doesNotContain("-1");
    assertThat(
            send(
                    "POST",
                    sim()
                        + "/__control/gpd/receipts/"
                        + receiptId
                        + "/push?times=10&concurrency=10",
                    "")
                .body())
        .doesNotContain("500")
        .doesNotContain("-1");
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      assertThat(
              count("select count(*) from payment_receipt where receipt_id = '" + receiptId + "'"))
          .isEqualTo(1);
      assertThat(count("select count(*) from payment_receipt where outcome = 'APPLIED'"))
          .isEqualTo(1);
      drain(); // the quietanza
    }
    List<String> subjects = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    Mailbox.read(PAYER_MAIL, subjects, bodies);
    assertThat(subjects).hasSize(1);
    assertThat(subjects.get(0)).startsWith("Quietanza di pagamento - Verbale n. ");
    assertThat(bodies.get(0)).contains("Importo: euro").contains(receiptId);
  }

  @Test
  @Order(4)
  void aPushWithoutTheKeyOrForAnotherCreditorIsRefused() throws Exception {
    pauseTheOutboxTimer();
    String url = base() + "/t/" + TENANT + "/api/v1/pagopa/receipts";
    String body =
        "{\"receiptId\":\"forged-1\",\"iuv\":\"07000000000000001\",\"creditorTaxCode\":\""
            + CREDITOR
            + "\",\"amountCents\":100,\"paymentDateTime\":\"2026-12-02T10:00:00+01:00\"}";
    HttpResponse<String> noKey = post(url, null, body);
    assertThat(noKey.statusCode()).isEqualTo(401);
    HttpResponse<String> wrongKey = post(url, "not-the-key", body);
    assertThat(wrongKey.statusCode()).isEqualTo(401);
    HttpResponse<String> foreign = post(url, RECEIPT_KEY, body.replace(CREDITOR, "80000000000"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("altro ente creditore");
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      assertThat(count("select count(*) from payment_receipt where receipt_id = 'forged-1'"))
          .isZero();
    }
  }

  @Test
  @Order(5)
  void aCompanyWithoutAPecIsSentToTheAddressItKeepsOnIniPec() throws Exception {
    pauseTheOutboxTimer();
    String vat = null;
    for (int d = 0; d < 10 && vat == null; d++) {
      if (it.ksanctions.shared.NumericTaxCode.isValid("0333456789" + d)) {
        vat = "0333456789" + d;
      }
    }
    String companyPec = "verbali@pec.autonoleggi-nc.example.it";
    HttpResponse<String> registered =
        CollectFixture.send(
            "PUT", sim() + "/__control/inipec/" + vat, "{\"pec\":\"" + companyPec + "\"}");
    assertThat(registered.statusCode()).isEqualTo(204);
    long journalFrom = lastJournalSeq();
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      VerbaleView v = fixture.issue(TENANT, "NC500EE", "Autonoleggi NC S.r.l.", vat);
      drain(); // the debt position
      notifications.send(v.id(), null);
      drain(); // the SEND request
      var n = notifications.ofVerbale(v.id()).get(0);
      assertThat(n.digitalDomicile()).isEqualTo(companyPec);
      assertThat(n.events())
          .extracting(e -> e.detail())
          .anyMatch(d -> d != null && d.contains("Domicilio digitale trovato su INI-PEC"));
    }
    String journal = get(sim() + "/__journal?since=" + journalFrom).body();
    // looked up on INI-PEC (not INAD), and given to SEND as the recipient's digital domicile
    assertThat(journal).contains("/inipec/" + vat).doesNotContain("/inad/extract/" + vat);
    assertThat(journal).contains(companyPec).contains("\\\"recipientType\\\":\\\"PG\\\"");
  }

  private static long lastJournalSeq() throws Exception {
    String body = get(sim() + "/__journal").body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seq\":(\\d+)").matcher(body);
    long last = 0;
    while (m.find()) {
      last = Math.max(last, Long.parseLong(m.group(1)));
    }
    return last;
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Runs the outbox until nothing is due: a timer firing already under way when the test paused the
   * timer may hold a message (skip locked) for a moment, so what one run sends is not counted.
   */
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

  static HttpResponse<String> send(String method, String url, String body) throws Exception {
    return CollectFixture.send(method, url, body);
  }

  static HttpResponse<String> get(String url) throws Exception {
    return CollectFixture.get(url);
  }

  static String sim() {
    return CollectFixture.sim();
  }

  static String base() {
    return CollectFixture.base();
  }

  static HttpResponse<String> post(String url, String key, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-Receipt-Key", key);
    }
    return CollectFixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
