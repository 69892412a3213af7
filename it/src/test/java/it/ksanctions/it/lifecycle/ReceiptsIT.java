package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.payments.application.Payments;
import it.ksanctions.payments.application.ReceiptPolling;
import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The receipts API path and the office's anomalies (issue 15 item 6): a payment whose push never
 * arrived is read from the receipts API and applied once (a second read applies nothing); a pushed
 * receipt for an IUV no act has is kept as an anomaly, listed under Pagamenti and resolved with a
 * note; the treasury export shows what was collected per budget chapter.
 */
@ExtendWith(ArquillianExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReceiptsIT {

  static final String TENANT = "nc-rcpt";
  static final String RECEIPT_KEY = "receipt-key-nc-rcpt-0123456789";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

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

  @Inject CollectFixture fixture;
  @Inject CurrentStaff currentStaff;
  @Inject OutboxDispatcher dispatcher;
  @Inject ReceiptPolling polling;
  @Inject Payments payments;
  @Inject Verbali verbali;
  @Inject it.ksanctions.sanctions.application.VerbaleLifecycle lifecycle;
  @Inject TenantProbe probe;

  @Test
  @org.junit.jupiter.api.Order(1)
  void aLostPushIsReadFromTheReceiptsApiAndAnUnknownIuvIsAnAnomalyResolvedWithANote()
      throws Exception {
    String creditor = TestCreditors.RECEIPTS;
    fixture.command(TENANT, creditor, RECEIPT_KEY);
    // the node cannot reach this command: receipts are only in the receipts API
    CollectFixture.send(
        "DELETE",
        CollectFixture.sim() + "/__control/gpd/organizations/" + creditor + "/receipt-endpoint",
        "");
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      VerbaleView v =
          fixture.issue(
              TENANT, "NR100AA", "Luca Verdi", CollectFixture.codiceFiscale("VRDLCU75C12L219"));
      for (int i = 0;
          i < 50 && probe.readForeignTable("(select 1 from debt_position) d").isEmpty();
          i++) {
        dispatcher.runTenant(); // the debt position (or the timer's firing already under way)
        Thread.sleep(100);
      }
      assertThat(probe.readForeignTable("(select 1 from debt_position) d")).hasSize(1);
      HttpResponse<String> paid =
          CollectFixture.send(
              "POST",
              CollectFixture.sim() + "/__control/gpd/pay",
              "{\"creditor\":\""
                  + creditor
                  + "\",\"notice\":\""
                  + v.windows().get(0).noticeCode()
                  + "\",\"payer\":{\"fullName\":\"Luca Verdi\",\"fiscalCode\":\""
                  + CollectFixture.codiceFiscale("VRDLCU75C12L219")
                  + "\"}}");
      assertThat(paid.statusCode()).as(paid.body()).isLessThan(300);

      ReceiptPolling.Poll first = polling.poll();
      assertThat(first.applied()).isEqualTo(1);
      assertThat(polling.poll().applied()).isZero();
      assertThat(verbali.detail(v.id()).status()).isEqualTo(VerbaleStatus.PAID);
      List<Payments.ReceiptView> ofAct = payments.ofVerbale(v.id());
      assertThat(ofAct)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.source()).isEqualTo("POLL");
                assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
                assertThat(r.amount()).isEqualByComparingTo(v.windows().get(0).total());
              });
    }

    // A receipt for an IUV no act has: kept, shown as an anomaly, resolved with a note.
    HttpResponse<String> unknown =
        CollectFixture.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(CollectFixture.base() + "/t/" + TENANT + "/api/v1/pagopa/receipts"))
                .header("Content-Type", "application/json")
                .header("X-Receipt-Key", RECEIPT_KEY)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"receiptId\":\"rcpt-unknown-1\",\"iuv\":\"07999999999999999\","
                            + "\"creditorTaxCode\":\""
                            + creditor
                            + "\",\"amountCents\":4200,"
                            + "\"paymentDateTime\":\"2026-12-02T10:00:00+01:00\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(200);
    assertThat(unknown.body()).contains("UNKNOWN_IUV");
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      List<Payments.ReceiptView> anomalies =
          payments.receipts(LocalDate.of(2026, 1, 1), LocalDate.now(ITALY).plusDays(1), true);
      assertThat(anomalies)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.receiptId()).isEqualTo("rcpt-unknown-1");
                assertThat(r.openAnomaly()).isTrue();
              });
      payments.resolve(anomalies.get(0).id(), "Versamento di altro ente: rimborsato il 03/12");
      assertThat(
              payments.receipts(LocalDate.of(2026, 1, 1), LocalDate.now(ITALY).plusDays(1), true))
          .isEmpty();
      String csv =
          new String(
              payments.treasuryExport(
                  LocalDate.now(ITALY).minusDays(1), LocalDate.now(ITALY).plusDays(1), false),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(csv).contains("Capitolo").contains("SPESE");
    }
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void anActUnpaidAfterTheMinimumWindowBecomesUnpaidAndHalfTheMaximumIsDue() {
    pauseTheOutboxTimer();
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      VerbaleView v =
          fixture.issue(
              TENANT, "NR200AA", "Luca Verdi", CollectFixture.codiceFiscale("VRDLCU75C12L219"));
      verbali.notified(v.id(), LocalDate.now(ITALY));
      LocalDate today = LocalDate.now(ITALY);
      assertThat(lifecycle.markUnpaidOverdue(today)).doesNotContain(v.number());
      // sixty days later: the minimum window ended yesterday
      probe.execute(
          "update verbale_window set last_day = current_date - 1 where verbale_id = "
              + v.id()
              + " and window_type in ('REDUCED_30', 'MINIMUM')");
      assertThat(lifecycle.markUnpaidOverdue(today)).containsExactly(v.number());
      assertThat(lifecycle.markUnpaidOverdue(today)).isEmpty();
      VerbaleView unpaid = verbali.detail(v.id());
      assertThat(unpaid.status()).isEqualTo(VerbaleStatus.UNPAID);
      assertThat(unpaid.statusReason()).contains("art. 203");
    }
  }
}
