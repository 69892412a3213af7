package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.lifecycle.CollectFixture;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.portal.application.CitizenRequests;
import it.ksanctions.portal.application.PinRequests;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.portal.domain.RequestKind;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen portal's access with codice fiscale and PIN, the act's file and its documents, and
 * the payment through pagoPA Checkout (issue 16 items 1–3), over HTTP as a browser does it (JSF
 * forms with their view state, cookies, redirects), against the simulators: the right pair opens
 * the act and changes the session id; a wrong pair, a malformed codice fiscale and a lock are told
 * in Italian; five failures lock the codice fiscale, twenty lock the address; another citizen's
 * act, another tenant's act (same primary key) and guessed document ids are all refused as "not
 * found"; the payment goes through the Checkout cart API and back, and the act becomes PAID when
 * pagoPA's receipt arrives.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenPortalIT {

  static final String ALFA = "po-alfa";
  static final String BETA = "po-beta";
  static final String OWNER_CF = cf("RSSMRA80A01E472");
  static final String NEIGHBOUR_CF = cf("VRDLGU75B02E472");
  static final String LOCKED_CF = cf("BNCANN70C43E472");
  static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1
  };

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject CollectFixture fixture;
  @Inject TenantProbe probe;
  @Inject OutboxDispatcher dispatcher;
  @Inject it.ksanctions.permissions.application.CurrentStaff currentStaff;

  static String cf(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  static String base() {
    return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
  }

  @Test
  @Order(1)
  void twoCommandsIssueActsWithTheirPins() throws Exception {
    fixture.command(ALFA, TestCreditors.PORTAL_ALFA, "receipt-key-po-alfa-0123456789");
    fixture.command(BETA, TestCreditors.PORTAL_BETA, "receipt-key-po-beta-0123456789");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      Verbali.Issued mine =
          fixture.issueWithPin(ALFA, "PT100AA", "Mario Rossi", OWNER_CF, List.of(JPEG));
      Verbali.Issued neighbour =
          fixture.issueWithPin(ALFA, "PT200BB", "Luigi Verdi", NEIGHBOUR_CF, List.of());
      Verbali.Issued locked =
          fixture.issueWithPin(ALFA, "PT300CC", "Anna Bianchi", LOCKED_CF, List.of());
      probe.write("po.id", Long.toString(mine.verbale().id()));
      probe.write("po.number", mine.verbale().number());
      probe.write("po.pin", mine.pin());
      probe.write("po.neighbour.id", Long.toString(neighbour.verbale().id()));
      probe.write("po.neighbour.pin", neighbour.pin());
      probe.write("po.locked.pin", locked.pin());
      probe.write("po.locked.id", Long.toString(locked.verbale().id()));
      dispatcher.runTenant(); // the debt positions on the GPD simulator
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      Verbali.Issued other =
          fixture.issueWithPin(BETA, "PT900ZZ", "Mario Rossi", OWNER_CF, List.of());
      probe.write("po.id", Long.toString(other.verbale().id()));
      probe.write("po.pin", other.pin());
    }
  }

  @Test
  @Order(2)
  void theRightCodiceFiscaleAndPinOpenTheActsFileAndItsDocumentsOnly() throws Exception {
    String id = read(ALFA, "po.id");
    Citizen citizen = new Citizen();
    HttpResponse<String> form = citizen.get(portal(ALFA) + "/accesso.xhtml");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Accedi al tuo verbale", "Codice fiscale", "PIN");

    HttpResponse<String> malformed = citizen.enter(ALFA, "RSSMRA80A01E47", "ABCDEFGHJK");
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThat(text(malformed)).contains("Il codice fiscale RSSMRA80A01E47 non è valido");
    // the neighbour's PIN does not open the owner's act (nor tells whose it is)
    HttpResponse<String> wrong = citizen.enter(ALFA, OWNER_CF, read(ALFA, "po.neighbour.pin"));
    assertThat(text(wrong)).contains("Codice fiscale o PIN non corretti", "ancora 4 tentativi");

    String before = citizen.sessionId();
    HttpResponse<String> right =
        citizen.enter(ALFA, OWNER_CF.toLowerCase(), spaced(read(ALFA, "po.pin")));
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(right.headers().firstValue("Location").orElseThrow())
        .endsWith("/t/" + ALFA + "/portale/verbale.xhtml?id=" + id);
    assertThat(citizen.sessionId()).isNotEqualTo(before);

    HttpResponse<String> file = citizen.get(portal(ALFA) + "/verbale.xhtml?id=" + id);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body())
        .contains("Verbale n. " + read(ALFA, "po.number"))
        .contains("Ridotto del 30% entro 5 giorni", "Minimo entro 60 giorni")
        .contains("Paga con pagoPA", "Codice avviso pagoPA")
        .contains("tipo=foto&amp;n=0");

    HttpResponse<byte[]> pdf = citizen.bytes(document(ALFA, id, "verbale", 0));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    HttpResponse<byte[]> photo = citizen.bytes(document(ALFA, id, "foto", 0));
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.body()).isEqualTo(JPEG);

    // IDOR probes: the neighbour's act, a photo and a legal fact that do not exist
    String neighbour = read(ALFA, "po.neighbour.id");
    assertThat(citizen.bytes(document(ALFA, neighbour, "verbale", 0)).statusCode()).isEqualTo(404);
    assertThat(citizen.get(portal(ALFA) + "/verbale.xhtml?id=" + neighbour).body())
        .contains("Verbale non disponibile")
        .doesNotContain("Luigi Verdi");
    assertThat(citizen.bytes(document(ALFA, id, "foto", 1)).statusCode()).isEqualTo(404);
    assertThat(citizen.bytes(document(ALFA, id, "attestazione", 999_999)).statusCode())
        .isEqualTo(404);
    assertThat(citizen.bytes(document(ALFA, id, "../../etc/passwd", 0)).statusCode())
        .isEqualTo(404);
    // another tenant: its act with the same owner (and maybe the same primary key) stays closed
    String betaId = read(BETA, "po.id");
    assertThat(citizen.bytes(document(BETA, betaId, "verbale", 0)).statusCode()).isEqualTo(404);
    assertThat(citizen.bytes(document(BETA, id, "verbale", 0)).statusCode()).isEqualTo(404);
    assertThat(citizen.get(portal(BETA) + "/verbale.xhtml?id=" + betaId).body())
        .contains("Verbale non disponibile");
    // nobody signed in
    assertThat(new Citizen().bytes(document(ALFA, id, "verbale", 0)).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void fiveWrongPinsLockTheCodiceFiscaleEvenForTheRightPin() throws Exception {
    Citizen citizen = new Citizen();
    for (int i = 1; i <= 4; i++) {
      assertThat(citizen.enter(ALFA, LOCKED_CF, "WRONGPIN" + i + "X").body())
          .contains("Codice fiscale o PIN non corretti");
    }
    assertThat(citizen.enter(ALFA, LOCKED_CF, "WRONGPIN5X").body())
        .contains("Troppi tentativi non riusciti", "sospeso fino alle");
    HttpResponse<String> right = citizen.enter(ALFA, LOCKED_CF, read(ALFA, "po.locked.pin"));
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains("Troppi tentativi non riusciti");
    // another browser, same codice fiscale: locked too (the count is the server's)
    assertThat(new Citizen().enter(ALFA, LOCKED_CF, read(ALFA, "po.locked.pin")).body())
        .contains("Troppi tentativi non riusciti");
  }

  @Test
  @Order(4)
  void theCitizenPaysThroughCheckoutAndTheActBecomesPaidWhenTheReceiptArrives() throws Exception {
    String id = read(ALFA, "po.id");
    Citizen citizen = new Citizen();
    assertThat(citizen.enter(ALFA, OWNER_CF, read(ALFA, "po.pin")).statusCode()).isEqualTo(302);
    String page = portal(ALFA) + "/verbale.xhtml?id=" + id;
    HttpResponse<String> badEmail =
        citizen.submit(
            page, "pay", Map.of("email", "non-una-mail"), "pay-button", "Paga con pagoPA");
    assertThat(text(badEmail)).contains("L'indirizzo e-mail per la ricevuta non è valido");

    HttpResponse<String> toCheckout =
        citizen.submit(
            page,
            "pay",
            Map.of("email", "mario.rossi@example.it"),
            "pay-button",
            "Paga con pagoPA");
    assertThat(toCheckout.statusCode()).isEqualTo(302);
    String checkout = toCheckout.headers().firstValue("Location").orElseThrow();
    assertThat(checkout).startsWith(CollectFixture.sim() + "/checkout/?cart=");
    HttpResponse<String> checkoutPage = citizen.get(checkout);
    assertThat(checkoutPage.statusCode()).isEqualTo(200);
    assertThat(checkoutPage.body()).contains("Importo", "Paga");
    String cart = checkout.substring(checkout.indexOf("cart=") + 5);
    Matcher notice =
        Pattern.compile("name=\"notice\" value=\"(\\d{18})\"").matcher(checkoutPage.body());
    assertThat(notice.find()).isTrue();
    Matcher creditor =
        Pattern.compile("name=\"creditor\" value=\"(\\d{11})\"").matcher(checkoutPage.body());
    assertThat(creditor.find()).isTrue();
    HttpResponse<String> paid =
        citizen.post(
            CollectFixture.sim() + "/checkout/pay",
            form(
                Map.of(
                    "cart",
                    cart,
                    "notice",
                    notice.group(1),
                    "creditor",
                    creditor.group(1),
                    "payerName",
                    "Mario Rossi",
                    "payerFiscalCode",
                    OWNER_CF,
                    "payerEmail",
                    "mario.rossi@example.it")));
    assertThat(paid.statusCode()).isEqualTo(303);
    String back = paid.headers().firstValue("Location").orElseThrow();
    assertThat(back).isEqualTo(page + "&esito=ok");
    assertThat(citizen.get(back).body()).contains("Pagamento eseguito");

    String body = "";
    for (int i = 0; i < 60 && !body.contains("Il verbale risulta pagato"); i++) {
      Thread.sleep(250);
      body = citizen.get(page).body();
    }
    assertThat(body).contains("Il verbale risulta pagato", "Pagamenti ricevuti");
    assertThat(body).doesNotContain("Paga con pagoPA");
    String journal = citizen.get(CollectFixture.sim() + "/__journal?service=checkout").body();
    assertThat(journal).contains("/checkout/ec/v1/carts").contains("returnOkUrl");
  }

  @Test
  @Order(5)
  void twentyFailuresFromOneAddressLockItForEveryCodiceFiscale() throws Exception {
    Citizen citizen = new Citizen();
    for (int i = 0; i < 20; i++) {
      String someone = cf("ZZZZZZ80A01E" + String.format("%03d", i));
      citizen.enter(BETA, someone, "WRONGPIN0" + (i % 10));
    }
    HttpResponse<String> right = citizen.enter(BETA, OWNER_CF, read(BETA, "po.pin"));
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains("Troppi tentativi non riusciti");
  }

  @Test
  @Order(6)
  void anAppealWithItsAttachmentIsForwardedToThePrefettoAndUpheld() throws Exception {
    long id = Long.parseLong(read(ALFA, "po.neighbour.id"));
    Grant grant = new Grant(NEIGHBOUR_CF, Set.of(id), "PIN");
    byte[] pdf = "%PDF-1.4\n% ricorso\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    String text = "Il veicolo era in sosta regolare: allego la ricevuta del parcheggio.";
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      // not notified yet: no term runs, no appeal to the Prefetto
      assertThatThrownBy(
              () ->
                  requests.submit(
                      grant, id, RequestKind.PREFETTO_APPEAL, text, null, false, List.of(), "k0"))
          .isInstanceOf(PortalRuleException.class);
      currentStaff.signIn("admin." + ALFA);
      verbali.notified(id, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")));
      // a PNG named .pdf is refused, and nothing is recorded
      assertThatThrownBy(
              () ->
                  requests.submit(
                      grant,
                      id,
                      RequestKind.PREFETTO_APPEAL,
                      text,
                      null,
                      false,
                      List.of(new CitizenRequests.Upload("ricevuta.pdf", png)),
                      "k1"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("ricevuta.pdf");
      assertThat(requests.ofVerbale(grant, id)).isEmpty();

      CitizenRequests.RequestView filed =
          requests.submit(
              grant,
              id,
              RequestKind.PREFETTO_APPEAL,
              text,
              "luigi.verdi@example.it",
              false,
              List.of(new CitizenRequests.Upload("ricevuta.pdf", pdf)),
              "k2");
      assertThat(filed.status()).isEqualTo(RequestStatus.RECEIVED);
      assertThat(filed.attachments())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.mediaType()).isEqualTo("application/pdf");
                assertThat(a.size()).isEqualTo(pdf.length);
              });
      // the same form sent twice: one request
      CitizenRequests.RequestView again =
          requests.submit(
              grant, id, RequestKind.PREFETTO_APPEAL, text, null, false, List.of(), "k2");
      assertThat(again.id()).isEqualTo(filed.id());
      assertThat(requests.ofVerbale(grant, id)).hasSize(1);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.APPEALED);
      // another citizen's grant does not reach it
      Grant other = new Grant(OWNER_CF, Set.of(Long.parseLong(read(ALFA, "po.id"))), "PIN");
      assertThatThrownBy(() -> requests.ofVerbale(other, id))
          .isInstanceOf(PortalRuleException.class);

      requests.move(filed.id(), RequestStatus.IN_REVIEW, null);
      // the command may not reject an appeal to the Prefetto: it forwards it
      assertThatThrownBy(() -> requests.move(filed.id(), RequestStatus.REJECTED, "tardivo"))
          .isInstanceOf(PortalRuleException.class);
      requests.move(filed.id(), RequestStatus.FORWARDED_TO_PREFETTO, "Deduzioni del comando");
      requests.move(filed.id(), RequestStatus.UPHELD, "Accolto dal Prefetto");
      CitizenRequests.RequestView seen = requests.ofVerbale(grant, id).get(0);
      assertThat(seen.steps())
          .extracting(CitizenRequests.Step::to)
          .containsExactly(
              RequestStatus.RECEIVED,
              RequestStatus.IN_REVIEW,
              RequestStatus.FORWARDED_TO_PREFETTO,
              RequestStatus.UPHELD);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.ANNULLED);
      assertThat(mailedSteps(filed.id())).isEqualTo(4);
    }
  }

  @Test
  @Order(7)
  void theOwnerNamesTheDriverAndTheOfficeRecordsThePoints() throws Exception {
    long id = Long.parseLong(read(ALFA, "po.locked.id"));
    Grant grant = new Grant(LOCKED_CF, Set.of(id), "PIN");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome"));
    byte[] copy = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F'};
    String driverCf = cf("NREPLA99A01E472");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      verbali.notified(id, today);
      CitizenRequests.DriverData wrong =
          new CitizenRequests.DriverData(
              "Paolo Neri", "NREPLA99A01E47X", "AB12", "Z", today.plusDays(1), today.minusDays(1));
      assertThatThrownBy(() -> requests.submitDriver(grant, id, wrong, null, List.of(), "d1"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("patente");
      CitizenRequests.DriverData right =
          new CitizenRequests.DriverData(
              "Paolo Neri", driverCf, "U1AB123456", "B", today.minusYears(1), today.plusYears(9));
      assertThatThrownBy(() -> requests.submitDriver(grant, id, right, null, List.of(), "d2"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("copia della patente");
      CitizenRequests.RequestView named =
          requests.submitDriver(
              grant,
              id,
              right,
              null,
              List.of(new CitizenRequests.Upload("patente.jpg", copy)),
              "d3");
      assertThat(named.kind()).isEqualTo(RequestKind.DRIVER_IDENTIFICATION);
      assertThat(named.body()).contains("Paolo Neri", "U1AB123456");
      requests.move(named.id(), RequestStatus.IN_REVIEW, null);
      requests.move(named.id(), RequestStatus.ACCEPTED, null);
      // accepted is final: a second acceptance (a double click) is refused, no second deduction
      assertThatThrownBy(() -> requests.move(named.id(), RequestStatus.ACCEPTED, null))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).code())
          .isEqualTo("portal.request.illegal-transition");
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      int points = verbali.detail(id).points();
      List<?> rows =
          probe.readForeignTable(
              "(select points, doubled, driver_tax_code from licence_points_communication"
                  + " where verbale_id = "
                  + id
                  + ") as p");
      assertThat(rows).hasSize(1);
      Object[] row = (Object[]) rows.get(0);
      // a licence issued a year ago: the act's points doubled
      assertThat(((Number) row[0]).intValue()).isEqualTo(points * 2);
      assertThat(row[1]).isEqualTo(Boolean.TRUE);
      assertThat(row[2]).isEqualTo(driverCf);
      assertThat(verbali.detail(id).events())
          .anyMatch(e -> e.reason() != null && e.reason().contains("Conducente identificato"));
    }
  }

  @Test
  @Order(8)
  void aLostPinIsAskedOnlineAndTheOfficeIssuesANewOne() throws Exception {
    long id = Long.parseLong(read(ALFA, "po.id"));
    String number = read(ALFA, "po.number");
    String oldPin = read(ALFA, "po.pin");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      // the same answer for a pair that matches nothing: nobody learns whose acts exist
      assertThat(pins.ask(OWNER_CF, "PL/1999/999999", false, null, "10.0.0.8"))
          .isEqualTo(PinRequests.ANSWER);
      assertThatThrownBy(() -> pins.ask(OWNER_CF, number, true, "non-una-pec", "10.0.0.8"))
          .isInstanceOf(PortalRuleException.class);
      assertThat(pins.ask(OWNER_CF, number, true, "mario.rossi@pec.example.it", "10.0.0.8"))
          .isEqualTo(PinRequests.ANSWER);
      pins.ask(OWNER_CF.toLowerCase(), number, true, "mario.rossi@pec.example.it", "10.0.0.8");
      currentStaff.signIn("admin." + ALFA);
      List<PinRequests.PinRequestView> open = pins.open();
      assertThat(open)
          .singleElement()
          .satisfies(
              q -> {
                assertThat(q.verbaleId()).isEqualTo(id);
                assertThat(q.channelLabel()).contains("mario.rossi@pec.example.it");
              });
      String newPin = pins.reissue(open.get(0).id());
      assertThat(newPin).hasSize(10).isNotEqualTo(oldPin);
      assertThat(pins.open()).isEmpty();
      assertThatThrownBy(() -> pins.reissue(open.get(0).id()))
          .isInstanceOf(PortalRuleException.class);
      assertThat(access.open(OWNER_CF, newPin, "10.0.0.8")).isEqualTo(id);
      assertThatThrownBy(() -> access.open(OWNER_CF, oldPin, "10.0.0.8"))
          .isInstanceOf(PortalRuleException.class);
    }
  }

  @Test
  @Order(9)
  void aSpidCitizenRegistersAPlateAndIsToldOfTheNextActOnce() throws Exception {
    String mine = read(ALFA, "po.id");
    Grant pin = new Grant(OWNER_CF, Set.of(Long.parseLong(mine)), "PIN");
    Grant spid = new Grant(OWNER_CF, Set.of(Long.parseLong(mine)), "SPID");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      // only with SPID/CIE, only a plate the owner data give as the citizen's
      assertThatThrownBy(() -> notices.register(pin, "PT100AA", "mario@example.it", "PEC"))
          .isInstanceOf(PortalRuleException.class);
      assertThatThrownBy(() -> notices.register(spid, "PT200BB", "mario@example.it", "PEC"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("non risulta intestata");
      assertThatThrownBy(() -> notices.register(spid, "PT100AA", "non-una-mail", "PEC"))
          .isInstanceOf(PortalRuleException.class);
      notices.register(spid, "pt 100aa", "mario.rossi@example.it", "PEC");
      assertThat(notices.plates(spid))
          .singleElement()
          .satisfies(p -> assertThat(p.plate()).isEqualTo("PT100AA"));
      // acts issued before the registration are not sent
      assertThat(notices.deliver()).isZero();
      currentStaff.signIn("admin." + ALFA);
      Verbali.Issued next =
          fixture.issueWithPin(ALFA, "PT100AA", "Mario Rossi", OWNER_CF, List.of());
      assertThat(notices.deliver()).isEqualTo(1);
      assertThat(notices.deliver()).isZero();
      List<?> sent =
          probe.readForeignTable(
              "(select email from citizen_notice where verbale_id = "
                  + next.verbale().id()
                  + ") as n");
      assertThat(sent).map(String::valueOf).containsExactly("mario.rossi@example.it");
      String text = notices.text(next.verbale());
      assertThat(text)
          .contains(next.verbale().number(), "PT100AA", "Ridotto del 30%", "Codice avviso pagoPA")
          .contains("/t/" + ALFA + "/portale/accesso.xhtml");
      notices.remove(spid, "PT100AA");
      assertThat(notices.plates(spid)).isEmpty();
    }
  }

  @Inject it.ksanctions.portal.application.CitizenNotices notices;
  @Inject PinRequests pins;
  @Inject it.ksanctions.portal.application.PortalAccess access;
  @Inject CitizenRequests requests;
  @Inject Verbali verbali;

  private long mailedSteps(long requestId) {
    List<?> rows =
        probe.readForeignTable(
            "(select count(*) from citizen_request_event where mailed and request_id = "
                + requestId
                + ") as c");
    return ((Number) (rows.get(0) instanceof Object[] a ? a[0] : rows.get(0))).longValue();
  }

  // ------------------------------------------------------------------ helpers

  private String read(String tenant, String key) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(tenant))) {
      return probe.read(key);
    }
  }

  static String portal(String tenant) {
    return base() + "/t/" + tenant + "/portale";
  }

  static String document(String tenant, String verbale, String kind, long n) {
    return portal(tenant)
        + "/documento?verbale="
        + verbale
        + "&tipo="
        + URLEncoder.encode(kind, StandardCharsets.UTF_8)
        + "&n="
        + n;
  }

  /** The page as a reader sees it: character references decoded. */
  static String text(HttpResponse<String> response) {
    Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(response.body());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&egrave;", "è")
        .replace("&agrave;", "à")
        .replace("&ugrave;", "ù")
        .replace("&ograve;", "ò")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  static String spaced(String pin) {
    return pin.substring(0, 5) + " " + pin.substring(5);
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A browser without JavaScript: cookies, no redirects followed, JSF forms posted by hand. */
  static final class Citizen {
    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String url) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String url, String body) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Opens {@code page}, fills form {@code formId} and presses its button. */
    HttpResponse<String> submit(
        String page, String formId, Map<String, String> fields, String button, String label)
        throws Exception {
      HttpResponse<String> shown = get(page);
      Matcher state =
          Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
              .matcher(shown.body());
      assertThat(state.find()).as("view state in " + page).isTrue();
      Matcher action =
          Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"")
              .matcher(shown.body());
      assertThat(action.find()).as("form " + formId + " in " + page).isTrue();
      Map<String, String> all = new LinkedHashMap<>();
      all.put(formId, formId);
      all.putAll(fields);
      all.put(button, label);
      all.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
      String target = action.group(1).replace("&amp;", "&");
      return post(base() + target, form(all));
    }

    HttpResponse<String> enter(String tenant, String taxCode, String pin) throws Exception {
      return submit(
          portal(tenant) + "/accesso.xhtml",
          "access",
          Map.of("taxCode", taxCode, "pin", pin),
          "enter",
          "Accedi");
    }

    String sessionId() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("JSESSIONID"))
          .map(java.net.HttpCookie::getValue)
          .findFirst()
          .orElse("");
    }
  }
}
