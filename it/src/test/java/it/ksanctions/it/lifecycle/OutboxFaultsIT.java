package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.domain.OutboxStatus;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox when the outside services misbehave (issue 15, "Reliability and bad input"): pagoPA
 * answering 500 → the message waits with its back-off and the Italian reason, then goes through
 * once when the service is back (one position); five failures in a row open the command's circuit
 * and the next message waits without spending an attempt; SEND answering 429 with retry-after → the
 * wait is honoured; SEND refusing the request (400) → a dead letter with the reason, which an
 * officer puts back in the queue; a malformed receipt push → 400, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxFaultsIT {

  static final String TENANT = "nc-fault";
  static final String RECEIPT_KEY = "receipt-key-nc-fault-0123456789";

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
  @Inject Outbox outbox;
  @Inject Notifications notifications;
  @Inject TenantProbe probe;

  /** An 11-digit creditor tax code of its own. */
  @AfterEach
  void noFaultsLeft() throws Exception {
    CollectFixture.send("DELETE", CollectFixture.sim() + "/__control/faults", "");
  }

  @Test
  @Order(1)
  void aFailingPagoPaIsRetriedWithBackOffAndTheCircuitOpensAfterFiveFailures() throws Exception {
    pauseTheOutboxTimer();
    fixture.command(TENANT, TestCreditors.OUTBOX_FAULTS, RECEIPT_KEY);
    fault(
        "{\"service\":\"gpd\",\"pathPrefix\":\"/gpd/debt-positions-service\",\"status\":500,\"times\":100}");
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      for (int i = 0; i < 6; i++) {
        fixture.issue(
            TENANT,
            "NF10" + i + "AA",
            "Luca Verdi",
            CollectFixture.codiceFiscale("VRDLCU75C12L219"));
      }
      OutboxDispatcher.Run run = dispatcher.runTenant();
      assertThat(run.failed()).isEqualTo(5);
      assertThat(run.postponed()).isEqualTo(1);
      assertThat(run.sent()).isZero();
      List<?> errors =
          probe.readForeignTable(
              "(select last_error, attempts, next_attempt_at > now() + interval '4 seconds'"
                  + " from outbox_message where status = 'PENDING' and attempts = 1) as m");
      assertThat(errors).hasSize(5);
      Object[] first = (Object[]) errors.get(0);
      assertThat((String) first[0]).contains("pagoPA GPD risponde con un errore (HTTP 500)");
      assertThat(first[2]).isEqualTo(Boolean.TRUE);
      assertThat(
              probe.readForeignTable(
                  "(select 1 from outbox_circuit where service = 'GPD' and open_until > now()) as c"))
          .hasSize(1);

      // The service is back: once the circuit and the back-off are over, each position goes once.
      CollectFixture.send("DELETE", CollectFixture.sim() + "/__control/faults", "");
      probe.execute("update outbox_circuit set open_until = null");
      probe.execute("update outbox_message set next_attempt_at = now() where status = 'PENDING'");
      assertThat(dispatcher.runTenant().sent()).isEqualTo(6);
      assertThat(probe.readForeignTable("(select 1 from debt_position) as d")).hasSize(6);
    }
    String journal = CollectFixture.get(CollectFixture.sim() + "/__journal?service=gpd").body();
    assertThat(journal)
        .contains("\"status\":500")
        .contains("organizations/" + TestCreditors.OUTBOX_FAULTS);
  }

  @Test
  @Order(2)
  void sendAsking429WithRetryAfterIsWaitedForAndARefusalBecomesADeadLetterThatCanBeRetried()
      throws Exception {
    pauseTheOutboxTimer();
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      long first =
          fixture
              .issue(
                  TENANT, "NF200AA", "Luca Verdi", CollectFixture.codiceFiscale("VRDLCU75C12L219"))
              .id();
      long second =
          fixture
              .issue(
                  TENANT, "NF201AA", "Luca Verdi", CollectFixture.codiceFiscale("VRDLCU75C12L219"))
              .id();
      dispatcher.runTenant(); // their debt positions
      fault(
          "{\"service\":\"send\",\"pathPrefix\":\"/send/delivery/v2.6/requests\",\"status\":429,\"times\":1,\"retryAfterSeconds\":120}");
      notifications.send(first, null);
      Instant before = Instant.now();
      assertThat(dispatcher.runTenant().failed()).isEqualTo(1);
      Object[] waiting =
          (Object[])
              probe
                  .readForeignTable(
                      "(select last_error, next_attempt_at from outbox_message where topic = '"
                          + OutboxTopics.NOTIFY_SEND
                          + "' and verbale_id = "
                          + first
                          + ") as m")
                  .get(0);
      assertThat((String) waiting[0]).contains("HTTP 429");
      assertThat(it.ksanctions.sanctions.application.Outbox.instant(waiting[1]))
          .isAfter(before.plus(Duration.ofSeconds(110)));

      fault(
          "{\"service\":\"send\",\"pathPrefix\":\"/send/delivery/v2.6/requests\",\"status\":400,\"times\":1}");
      notifications.send(second, null);
      dispatcher.runTenant();
      List<Outbox.MessageView> dead = outbox.deadLetters(AppModule.NOTIFICATIONS);
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).status()).isEqualTo(OutboxStatus.DEAD);
      assertThat(dead.get(0).lastError()).contains("SEND ha rifiutato la richiesta (HTTP 400)");
      assertThat(dead.get(0).topicLabel()).isEqualTo("Notifica tramite SEND");

      CollectFixture.send("DELETE", CollectFixture.sim() + "/__control/faults", "");
      outbox.retry(dead.get(0).id(), AppModule.NOTIFICATIONS);
      assertThat(dispatcher.runTenant().sent()).isEqualTo(1);
      assertThat(outbox.deadLetters(AppModule.NOTIFICATIONS)).isEmpty();
      assertThat(notifications.ofVerbale(second).get(0).requestId()).isNotBlank();
    }
  }

  @Test
  @Order(3)
  void aMalformedReceiptPushIsA400NotA500() throws Exception {
    pauseTheOutboxTimer();
    HttpResponse<String> r =
        CollectFixture.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(CollectFixture.base() + "/t/" + TENANT + "/api/v1/pagopa/receipts"))
                .header("Content-Type", "application/json")
                .header("X-Receipt-Key", RECEIPT_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"receiptId\": [1, 2"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    HttpResponse<String> empty =
        CollectFixture.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(CollectFixture.base() + "/t/" + TENANT + "/api/v1/pagopa/receipts"))
                .header("Content-Type", "application/json")
                .header("X-Receipt-Key", RECEIPT_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"receiptId\":\"x\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("amountCents");
  }

  private static void fault(String json) throws Exception {
    assertThat(
            CollectFixture.send("POST", CollectFixture.sim() + "/__control/faults", json)
                .statusCode())
        .isLessThan(300);
  }
}
