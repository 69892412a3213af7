package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.Mailbox;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.Notifications.NotificationView;
import it.ksanctions.notifications.application.SendProgress;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.notifications.domain.NotificationsRuleException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.OutboxStatus;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What SEND, INAD and INI-PEC answer, and what the act shows (issue 15): a request SEND refuses
 * after accepting it for validation leaves the act SENT with SEND's reasons on the attempt, in the
 * act's timeline and in the office's list, and nothing pending or dead; a notification perfected by
 * the terms elapsing (REFINEMENT, no view) makes the act NOTIFIED on the event's day, its payment
 * windows counted from it; a digital domicile found on INAD is the recipient's digitalDomicile in
 * the request SEND receives; a company without a PEC notified by the command's PEC is sent to the
 * address INI-PEC keeps (read back from the mailbox), and when INI-PEC has none the attempt shows
 * the Italian reason and is in the dead letters. A refused act is sent again once the cause is
 * removed, with the reason: a new attempt with a new idempotence token, which SEND accepts and
 * perfects; asked twice, it makes one attempt.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SendOutcomesIT {

  static final String TENANT = "send-esiti";
  // a creditor of its own: the tests share one GPD simulator (see TestCreditors)
  static final String CREDITOR = TestCreditors.SEND_OUTCOMES;
  static final String RECEIPT_KEY = "receipt-key-send-esiti-0123456789";
  // the command's PEC as CollectFixture records it: the SMTP login of its PEC / SMTP credentials
  static final String SENDER = "comando@pec." + TENANT + ".it";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  static final String REFUSED_CF = CollectFixture.codiceFiscale("RSSLRA80A41H501");
  static final String REFUSAL_CODE = "NOT_VALID_ADDRESS";
  static final String REFUSAL_DETAIL = "Indirizzo del destinatario non valido (rifiuto simulato)";
  static final String REFINED_CF = CollectFixture.codiceFiscale("FRRPLA75C12E472");
  static final int REFINEMENT_DAYS = 10;
  static final String INAD_CF = CollectFixture.codiceFiscale("CLMMRC82D15E472");
  static final String INAD_PEC = "marco.colombo@pec.send-esiti.example.it";
  static final String COMPANY_VAT = TestCreditors.of("0777888999");
  static final String COMPANY_PEC = "verbali@pec.trasporti-esiti.example.it";
  static final String NO_PEC_VAT = TestCreditors.of("0777888998");
  static final String REST_PLATE = "SE900HH";
  static final String REST_PASSWORD = "Send-Esiti-Rest-2026!";
  static final String API = "/t/" + TENANT + "/api/v1";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject CollectFixture fixture;
  @Inject IntegrationCredentials integrations;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;
  @Inject Notifications notifications;
  @Inject SendProgress progress;
  @Inject OutboxDispatcher dispatcher;
  @Inject Outbox outbox;
  @Inject TenantProbe probe;

  @Test
  @Order(1)
  @RunAsClient
  void greenMailKnowsTheCommandsPecLogin() {
    TestStack.mail().setUser(SENDER, SENDER, SENDER);
  }

  @Test
  @Order(2)
  void theCommandIsWiredToTheSimulatorsAndToItsPec() throws Exception {
    fixture.command(TENANT, CREDITOR, RECEIPT_KEY);
    try (TenantScope scope = enter()) {
      int smtp = Integer.parseInt(System.getenv("KSANCTIONS_MAIL_PORT"));
      Map<String, String> pec = new HashMap<>();
      pec.put("host", "127.0.0.1");
      pec.put("port", String.valueOf(smtp));
      pec.put("tlsMode", "NONE");
      pec.put("username", SENDER);
      pec.put("sender", SENDER);
      pec.put("imapHost", "127.0.0.1");
      pec.put("imapPort", String.valueOf(smtp + 1000));
      integrations.save(
          IntegrationKind.PEC_SMTP,
          new IntegrationCredentials.Change(pec, Map.of("password", SENDER), Set.of(), null));
      assertThat(integrations.sendForUse()).isPresent();
      assertThat(integrations.smtpForUse()).isPresent();
    }
  }

  @Test
  @Order(3)
  void aRequestSendRefusesShowsItsReasonsOnTheActWhichStaysSent() throws Exception {
    refuseRequestsFor(REFUSED_CF);
    String reason = REFUSAL_CODE + ": " + REFUSAL_DETAIL;
    long from = lastJournalSeq();
    try (TenantScope scope = enter()) {
      VerbaleView v = fixture.issue(TENANT, "SE100AA", "Laura Rossi", REFUSED_CF);
      drain(); // the debt position
      NotificationView queued = notifications.send(v.id(), null);
      assertThat(queued.channel()).isEqualTo("SEND");
      drain(); // the SEND request, accepted for validation (202)

      NotificationView n = await(v.id(), x -> x.status() == NotificationStatus.REFUSED);
      assertThat(n.statusLabel()).isEqualTo("Rifiutata da SEND");
      assertThat(n.refusal()).isEqualTo(reason);
      assertThat(n.iun()).isNull();
      assertThat(n.perfectedOn()).isNull();
      assertThat(n.events())
          .filteredOn(e -> e.status() == NotificationStatus.REFUSED)
          .extracting(e -> e.detail())
          .containsExactly("Rifiutata da SEND: " + reason);

      // the act is not lost: still SENT, the refusal in its own timeline and in the office's list
      VerbaleView act = verbali.detail(v.id());
      assertThat(act.status()).isEqualTo(VerbaleStatus.SENT);
      assertThat(act.notifiedOn()).isNull();
      assertThat(act.events())
          .extracting(e -> e.reason())
          .contains("Notifica rifiutata da SEND: " + reason);
      assertThat(notifications.latest(NotificationStatus.REFUSED))
          .filteredOn(r -> r.verbaleId() == v.id())
          .singleElement()
          .satisfies(r -> assertThat(r.refusal()).isEqualTo(reason));
      // the request was delivered once and is not retried blindly: nothing pending, nothing dead
      assertThat(outbox.ofVerbale(v.id()))
          .filteredOn(m -> m.topic().equals(OutboxTopics.NOTIFY_SEND))
          .singleElement()
          .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxStatus.DONE));
      assertThat(outbox.ofVerbale(v.id())).noneMatch(m -> m.status() != OutboxStatus.DONE);

      // read again: recorded once
      progress.poll();
      NotificationView again = notifications.ofVerbale(v.id()).get(0);
      assertThat(again.status()).isEqualTo(NotificationStatus.REFUSED);
      assertThat(again.events()).hasSameSizeAs(n.events());
      assertThat(verbali.detail(v.id()).events()).hasSameSizeAs(act.events());
    } finally {
      acceptRequestsFor(REFUSED_CF);
    }
    // SEND received the recipient it refused, and was asked for the request's status
    JsonArray journal = journal("send", from);
    assertThat(requestsToSend(journal))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getJsonArray("recipients").getJsonObject(0).getString("taxId"))
                    .isEqualTo(REFUSED_CF));
    assertThat(entries(journal, "GET", "/send/delivery/v2.6/requests")).isNotEmpty();
  }

  @Test
  @Order(4)
  void perfectedByTheTermsElapsingTheActIsNotifiedOnTheDayOfTheRefinement() throws Exception {
    try (TenantScope scope = enter()) {
      VerbaleView v = fixture.issue(TENANT, "SE200BB", "Paolo Ferrari", REFINED_CF);
      drain(); // the debt position
      // the recipient never looks at it: SEND perfects it when the terms elapse (REFINEMENT),
      // REFINEMENT_DAYS after its life starts (set before the request can reach SEND)
      behaviour("{\"view\":false,\"refinementDays\":" + REFINEMENT_DAYS + "}");
      try {
        notifications.send(v.id(), null);
        drain(); // the SEND request
      } finally {
        behaviour("{\"view\":true,\"refinementDays\":0}");
      }
      NotificationView n = await(v.id(), x -> x.perfectedOn() != null);
      assertThat(n.events())
          .extracting(e -> e.category())
          .contains("REFINEMENT")
          .doesNotContain("NOTIFICATION_VIEWED");
      Instant refinedAt =
          n.events().stream()
              .filter(e -> "REFINEMENT".equals(e.category()))
              .findFirst()
              .orElseThrow()
              .at();
      LocalDate day = refinedAt.atZone(ITALY).toLocalDate();
      // the event's day, not the day the event was read
      assertThat(day).isAfter(LocalDate.now(ITALY));
      assertThat(n.perfectedOn()).isEqualTo(day);
      assertThat(n.status()).isEqualTo(NotificationStatus.EFFECTIVE_DATE);
      assertThat(n.statusLabel()).isEqualTo("Perfezionata per decorrenza termini");

      VerbaleView act = verbali.detail(v.id());
      assertThat(act.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(act.notifiedOn()).isEqualTo(day);
      assertThat(act.events())
          .extracting(e -> e.reason())
          .contains("Notifica perfezionata per decorrenza dei termini (SEND, IUN " + n.iun() + ")");
      // the payment windows with a term (not the half maximum) run from the perfection day
      assertThat(act.windows())
          .filteredOn(w -> w.lastDay() != null)
          .isNotEmpty()
          .allSatisfy(w -> assertThat(w.lastDay()).isAfter(day));
    }
  }

  @Test
  @Order(5)
  void aDigitalDomicileFoundOnInadIsTheRecipientsInTheRequestToSend() throws Exception {
    require(
        CollectFixture.send(
            "PUT",
            CollectFixture.sim() + "/__control/inad/" + INAD_CF,
            "{\"pec\":\"" + INAD_PEC + "\"}"));
    long from = lastJournalSeq();
    String number;
    try (TenantScope scope = enter()) {
      VerbaleView v = fixture.issue(TENANT, "SE300CC", "Marco Colombo", INAD_CF);
      assertThat(v.ownerPec()).isNull();
      assertThat(v.channel()).isEqualTo(NotificationChannel.SEND);
      number = v.number();
      drain(); // the debt position
      notifications.send(v.id(), null);
      drain(); // INAD, then the SEND request
      NotificationView n = notifications.ofVerbale(v.id()).get(0);
      assertThat(n.status()).isNotEqualTo(NotificationStatus.QUEUED);
      assertThat(n.digitalDomicile()).isEqualTo(INAD_PEC);
      assertThat(n.events())
          .extracting(e -> e.detail())
          .anyMatch(d -> d != null && d.endsWith(" - Domicilio digitale trovato su INAD"));
    }
    assertThat(entries(journal("inad", from), "GET", "/inad/extract/" + INAD_CF))
        .singleElement()
        .satisfies(e -> assertThat(e.getInt("status")).isEqualTo(200));
    JsonObject request = requestsToSend(journal("send", from)).get(0);
    assertThat(request.getString("paProtocolNumber")).isEqualTo(number);
    JsonObject recipient = request.getJsonArray("recipients").getJsonObject(0);
    assertThat(recipient.getString("taxId")).isEqualTo(INAD_CF);
    assertThat(recipient.getString("recipientType")).isEqualTo("PF");
    JsonObject domicile = recipient.getJsonObject("digitalDomicile");
    assertThat(domicile).isNotNull();
    assertThat(domicile.getString("type")).isEqualTo("PEC");
    assertThat(domicile.getString("address")).isEqualTo(INAD_PEC);
  }

  @Test
  @Order(6)
  void aCompanyWithoutAPecIsSentByTheCommandsPecToTheAddressOnIniPec() throws Exception {
    require(
        CollectFixture.send(
            "PUT",
            CollectFixture.sim() + "/__control/inipec/" + COMPANY_VAT,
            "{\"pec\":\"" + COMPANY_PEC + "\"}"));
    long from = lastJournalSeq();
    String number;
    NotificationView n;
    try (TenantScope scope = enter()) {
      VerbaleView v = issueForPec("SE400DD", "Trasporti Esiti S.r.l.", COMPANY_VAT);
      number = v.number();
      drain(); // the debt position
      assertThat(notifications.send(v.id(), null).channel()).isEqualTo("PEC");
      drain(); // INI-PEC, then the PEC
      n = notifications.ofVerbale(v.id()).get(0);
      assertThat(n.status()).isNotEqualTo(NotificationStatus.QUEUED);
      assertThat(n.refusal()).isNull();
      assertThat(n.digitalDomicile()).isEqualTo(COMPANY_PEC);
      assertThat(n.requestId()).startsWith("<").endsWith("@pec." + TENANT + ".it>");
      assertThat(n.events())
          .extracting(e -> e.detail())
          .anyMatch(
              d ->
                  d != null
                      && d.startsWith(
                          "Inviata via PEC a " + COMPANY_PEC + " (indirizzo trovato su INI-PEC)"));
    }
    JsonArray journal = journal("inipec", from);
    assertThat(entries(journal, "GET", "/inipec/" + COMPANY_VAT))
        .singleElement()
        .satisfies(e -> assertThat(e.getInt("status")).isEqualTo(200));
    assertThat(entries(journal("inad", from), "GET", "/inad/extract/" + COMPANY_VAT)).isEmpty();

    Message mail = Mailbox.only(COMPANY_PEC);
    assertThat(mail.getSubject()).startsWith("Notifica del verbale n. " + number + " - ");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(SENDER);
    assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(n.requestId());
    byte[] pdf = Mailbox.pdfOf(mail);
    assertThat(pdf).isNotNull();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  @Order(7)
  void aCompanyWithoutAPecAnywhereShowsWhyOnTheAct() throws Exception {
    require(
        CollectFixture.send(
            "DELETE", CollectFixture.sim() + "/__control/inipec/" + NO_PEC_VAT, ""));
    long from = lastJournalSeq();
    String reason = "Nessun indirizzo PEC su INI-PEC per " + NO_PEC_VAT + ": notificare per posta.";
    try (TenantScope scope = enter()) {
      VerbaleView v = issueForPec("SE500EE", "Logistica Esiti S.p.A.", NO_PEC_VAT);
      drain(); // the debt position
      notifications.send(v.id(), null);
      drain(); // INI-PEC: nothing there
      NotificationView n = notifications.ofVerbale(v.id()).get(0);
      assertThat(n.status()).isEqualTo(NotificationStatus.QUEUED);
      assertThat(n.requestId()).isNull();
      assertThat(n.digitalDomicile()).isNull();
      assertThat(n.refusal()).isEqualTo(reason);
      assertThat(verbali.detail(v.id()).status()).isEqualTo(VerbaleStatus.SENT);
      // in Notifiche, among the sendings that did not succeed, with the act's number
      assertThat(outbox.deadLetters(AppModule.NOTIFICATIONS))
          .filteredOn(m -> v.number().equals(m.verbaleNumber()))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.topic()).isEqualTo(OutboxTopics.NOTIFY_PEC);
                assertThat(m.lastError()).isEqualTo(reason);
                assertThat(m.attempts()).isEqualTo(1);
              });
    }
    assertThat(entries(journal("inipec", from), "GET", "/inipec/" + NO_PEC_VAT))
        .singleElement()
        .satisfies(e -> assertThat(e.getInt("status")).isEqualTo(404));
  }

  @Test
  @Order(8)
  void aRefusedActIsSentAgainOnceTheCauseIsRemovedAndThenNotified() throws Exception {
    refuseRequestsFor(REFUSED_CF);
    long from = lastJournalSeq();
    String why = "Indirizzo del destinatario corretto dopo il rifiuto di SEND";
    String number;
    try (TenantScope scope = enter()) {
      VerbaleView v = fixture.issue(TENANT, "SE800HH", "Laura Rossi", REFUSED_CF);
      number = v.number();
      drain(); // the debt position
      // nothing to send again before a first sending
      assertThatThrownBy(() -> notifications.resend(v.id(), why, null))
          .isInstanceOfSatisfying(
              NotificationsRuleException.class,
              e -> {
                assertThat(e.code()).isEqualTo("notifications.resend.not-refused");
                assertThat(e.italianMessage()).contains("non è ancora stato inviato");
              });
      notifications.send(v.id(), null);
      drain(); // the SEND request, accepted for validation
      await(v.id(), x -> x.status() == NotificationStatus.REFUSED);
      try {
        // a new sending says what changed
        assertThatThrownBy(() -> notifications.resend(v.id(), "  ", null))
            .isInstanceOfSatisfying(
                NotificationsRuleException.class,
                e -> assertThat(e.code()).isEqualTo("notifications.resend.reason"));
      } finally {
        acceptRequestsFor(REFUSED_CF);
      }
      NotificationView second = notifications.resend(v.id(), why, null);
      assertThat(second.attempt()).isEqualTo(2);
      assertThat(second.status()).isEqualTo(NotificationStatus.QUEUED);
      assertThat(second.events())
          .singleElement()
          .satisfies(e -> assertThat(e.detail()).endsWith(": " + why));
      // asked twice (a double click, a second officer): one new attempt
      assertThatThrownBy(() -> notifications.resend(v.id(), why, null))
          .isInstanceOfSatisfying(
              NotificationsRuleException.class,
              e -> {
                assertThat(e.code()).isEqualTo("notifications.resend.not-refused");
                assertThat(e.italianMessage()).contains("«In coda per l'invio»");
              });
      drain();
      NotificationView n = await(v.id(), x -> x.perfectedOn() != null);
      assertThat(n.attempt()).isEqualTo(2);
      assertThat(n.iun()).isNotBlank();
      // the refused attempt stays as it was, under the new one
      assertThat(notifications.ofVerbale(v.id()))
          .extracting(NotificationView::attempt, NotificationView::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(2, n.status()),
              org.assertj.core.groups.Tuple.tuple(1, NotificationStatus.REFUSED));

      VerbaleView act = verbali.detail(v.id());
      assertThat(act.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(act.notifiedOn()).isEqualTo(n.perfectedOn());
      assertThat(act.events())
          .extracting(e -> e.reason())
          .contains("Nuovo invio per la notifica: " + why);
      // once notified, there is nothing to send again
      assertThatThrownBy(() -> notifications.resend(v.id(), why, null))
          .isInstanceOfSatisfying(
              NotificationsRuleException.class,
              e -> assertThat(e.code()).isEqualTo("notifications.resend.not-refused"));
    }
    // SEND received two requests for the act: same protocol number, two idempotence tokens
    List<JsonObject> requests =
        requestsToSend(journal("send", from)).stream()
            .filter(
                r ->
                    r.getJsonArray("recipients")
                        .getJsonObject(0)
                        .getString("taxId")
                        .equals(REFUSED_CF))
            .toList();
    assertThat(requests).hasSize(2);
    assertThat(requests).extracting(r -> r.getString("paProtocolNumber")).containsOnly(number);
    assertThat(requests).extracting(r -> r.getString("idempotenceToken")).doesNotHaveDuplicates();
  }

  @Test
  @Order(9)
  void anActRefusedBySendWaitsForItsNewSendingOverRest() throws Exception {
    refuseRequestsFor(REFUSED_CF);
    try (TenantScope scope = enter()) {
      VerbaleView v = fixture.issue(TENANT, REST_PLATE, "Laura Rossi", REFUSED_CF);
      drain();
      notifications.send(v.id(), null);
      drain();
      await(v.id(), x -> x.status() == NotificationStatus.REFUSED);
    } finally {
      acceptRequestsFor(REFUSED_CF);
    }
  }

  @Test
  @Order(10)
  @RunAsClient
  void overRestTheNewSendingNeedsAReasonARefusedActAndIsMadeOnce() throws Exception {
    TestStack.keycloak().setPassword("admin." + TENANT, REST_PASSWORD);
    String token = TestStack.tokens().passwordGrant("admin." + TENANT, REST_PASSWORD);
    HttpResponse<String> found =
        TestStack.withToken(token).get(API + "/verbali?plate=" + REST_PLATE);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    // (the client side has no JSON-P provider: the fields are read from the text)
    java.util.regex.Matcher first =
        java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(found.body());
    assertThat(first.find()).as(found.body()).isTrue();
    long id = Long.parseLong(first.group(1));

    HttpResponse<String> noAct =
        TestStack.withToken(token).post(API + "/notifications/resend", "{}");
    assertThat(noAct.statusCode()).isEqualTo(400);
    assertThat(noAct.body()).contains("verbaleId").contains("obbligatorio");
    HttpResponse<String> noReason =
        TestStack.withToken(token)
            .post(API + "/notifications/resend", "{\"verbaleId\":" + id + ",\"reason\":\" \"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body())
        .contains("Indicare il motivo del nuovo invio")
        .contains("notifications.resend.reason");
    HttpResponse<String> unknown =
        TestStack.withToken(token)
            .post(
                API + "/notifications/resend",
                "{\"verbaleId\":987654,\"reason\":\"Indirizzo corretto\"}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

    String body = "{\"verbaleId\":" + id + ",\"reason\":\"Indirizzo corretto (REST)\"}";
    HttpResponse<String> sent =
        TestStack.withToken(token).post(API + "/notifications/resend", body);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    assertThat(sent.body()).contains("\"attempt\":2").contains("\"status\":\"QUEUED\"");
    // the same request again (a retry of the client): refused, no third attempt
    HttpResponse<String> again =
        TestStack.withToken(token).post(API + "/notifications/resend", body);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("si invia di nuovo solo dopo un rifiuto");
    HttpResponse<String> attempts =
        TestStack.withToken(token).get(API + "/notifications?verbaleId=" + id);
    assertThat(attempts.body()).contains("\"attempt\":2").contains("\"attempt\":1");
    assertThat(attempts.body()).doesNotContain("\"attempt\":3");
    // without a token: nothing
    HttpResponse<String> anonymous =
        TestStack.withToken(null).post(API + "/notifications/resend", body);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ helpers

  private TenantScope enter() {
    TenantScope scope = TenantScope.enter(TenantId.of(TENANT));
    currentStaff.signIn("admin." + TENANT);
    return scope;
  }

  /** An act for a company owner without a PEC, to be notified by the command's own PEC. */
  private VerbaleView issueForPec(String plate, String company, String vat) {
    owners.record(
        new OwnerData(plate, "IT", company, vat, "Via Roma 1", "04100", "Latina", "LT", null));
    UUID id =
        preNotices
            .recordPaper(
                new PaperEntry(
                    LocalDateTime.now(ITALY).minusHours(3).truncatedTo(ChronoUnit.MINUTES),
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
    VerbaleView v = verbali.issue(Verbali.Source.preNotice(id), NotificationChannel.PEC).verbale();
    assertThat(v.status()).isEqualTo(VerbaleStatus.ISSUED);
    assertThat(v.channel()).isEqualTo(NotificationChannel.PEC);
    assertThat(v.ownerPec()).isNull();
    return v;
  }

  /** Follows SEND (acceptance, then the stream) until the act's attempt is as {@code wanted}. */
  private NotificationView await(long verbaleId, Predicate<NotificationView> wanted)
      throws Exception {
    NotificationView n = notifications.ofVerbale(verbaleId).get(0);
    for (int i = 0; i < 75 && !wanted.test(n); i++) {
      progress.poll();
      n = notifications.ofVerbale(verbaleId).get(0);
      if (!wanted.test(n)) {
        Thread.sleep(200);
      }
    }
    assertThat(n).matches(wanted, "the awaited notification state; found " + n);
    return n;
  }

  /** Runs the outbox until nothing is pending (a timer firing may hold a message a moment). */
  private void drain() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      dispatcher.runTenant();
      if (count("select count(*) from outbox_message where status = 'PENDING'") == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The outbox still has pending messages");
  }

  private long count(String sql) {
    List<?> rows = probe.readForeignTable("(" + sql + ") as c");
    return ((Number) (rows.get(0) instanceof Object[] a ? a[0] : rows.get(0))).longValue();
  }

  /** The SEND simulator refuses the requests for {@code taxId} (after accepting them to check). */
  private static void refuseRequestsFor(String taxId) throws Exception {
    require(
        CollectFixture.send(
            "PUT",
            CollectFixture.sim() + "/__control/send/refusals/" + taxId,
            "{\"code\":\"" + REFUSAL_CODE + "\",\"detail\":\"" + REFUSAL_DETAIL + "\"}"));
  }

  private static void acceptRequestsFor(String taxId) throws Exception {
    CollectFixture.send("DELETE", CollectFixture.sim() + "/__control/send/refusals/" + taxId, "");
  }

  private static void behaviour(String json) throws Exception {
    require(CollectFixture.send("POST", CollectFixture.sim() + "/__control/send/behaviour", json));
  }

  private static void require(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
  }

  private static long lastJournalSeq() throws Exception {
    long last = 0;
    for (JsonValue e : journal(null, 0)) {
      last = Math.max(last, e.asJsonObject().getJsonNumber("seq").longValue());
    }
    return last;
  }

  private static JsonArray journal(String service, long since) throws Exception {
    String url =
        CollectFixture.sim()
            + "/__journal?since="
            + since
            + (service == null ? "" : "&service=" + service);
    return Json.createReader(new StringReader(CollectFixture.get(url).body())).readArray();
  }

  private static List<JsonObject> entries(JsonArray journal, String method, String path) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonValue v : journal) {
      JsonObject e = v.asJsonObject();
      if (method.equals(e.getString("method")) && path.equals(e.getString("path"))) {
        found.add(e);
      }
    }
    return found;
  }

  /** The notification requests SEND accepted for validation (202), as it received them. */
  private static List<JsonObject> requestsToSend(JsonArray journal) {
    return entries(journal, "POST", "/send/delivery/v2.6/requests").stream()
        .filter(e -> e.getInt("status") == 202)
        .map(e -> Json.createReader(new StringReader(e.getString("body"))).readObject())
        .toList();
  }
}
