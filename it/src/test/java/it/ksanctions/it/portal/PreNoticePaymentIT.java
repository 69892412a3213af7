package it.ksanctions.it.portal;

import static it.ksanctions.it.portal.CitizenPortalIT.form;
import static it.ksanctions.it.portal.CitizenPortalIT.portal;
import static it.ksanctions.it.portal.CitizenPortalIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.application.AmountsDue;
import it.ksanctions.command.domain.FeeCategory;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.it.lifecycle.CollectFixture;
import it.ksanctions.it.portal.CitizenPortalIT.Citizen;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.payments.application.Payments;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.PreNoticePayments;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.PreNoticePayment;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paying a pre-notice before notification (issue 16 item 3, ADR 0013), over HTTP as a browser does
 * it and against the pagoPA simulators: the citizen finds the pre-notice with plate and code, sees
 * the reduced amount without notification fees, pays through Checkout (asking twice makes one
 * notice), and the receipt marks it paid; the act issued from it is born paid with the receipt on
 * its file and no debt position of its own. An unpaid notice is invalidated on GPD when the act is
 * issued, an archived pre-notice or an act already issued cannot be paid, a paid one cannot be
 * archived, malformed or wrong codes are refused in Italian, another tenant's pre-notice is not
 * found, and twenty failed searches lock the address.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreNoticePaymentIT {

  static final String ALFA = "pn-alfa";
  static final String BETA = "pn-beta";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject CollectFixture fixture;
  @Inject TenantProbe probe;
  @Inject OutboxDispatcher dispatcher;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject PreNoticePayments payments;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;
  @Inject AmountsDue amounts;
  @Inject Payments receipts;

  @Test
  @Order(1)
  void aCommandRecordsThreePreNotices() throws Exception {
    fixture.command(ALFA, TestCreditors.PRE_NOTICE_PAYMENT_ALFA, "receipt-key-pn-alfa-0123456789");
    fixture.command(BETA, TestCreditors.PRE_NOTICE_PAYMENT_BETA, "receipt-key-pn-beta-0123456789");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      probe.write("pn.paid", record("PN100AA").toString());
      probe.write("pn.issued", record("PN200BB").toString());
      UUID archived = record("PN300CC");
      preNotices.archive(archived, "Veicolo in emergenza");
      probe.write("pn.archived", archived.toString());
    }
  }

  @Test
  @Order(2)
  void theCitizenFindsThePreNoticeAndSeesTheReducedAmountWithoutNotificationFees()
      throws Exception {
    UUID id = UUID.fromString(read(ALFA, "pn.paid"));
    Citizen citizen = new Citizen();
    HttpResponse<String> form = citizen.get(portal(ALFA) + "/preavviso.xhtml");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(text(form))
        .contains("Paga un preavviso prima della notifica", "Codice del preavviso");

    assertThat(text(find(citizen, ALFA, "PN100AA", "12345")))
        .contains("Il codice del preavviso è di 8 caratteri");
    String wrongCode = PreNoticePayment.code(id).startsWith("0") ? "10000000" : "00000000";
    assertThat(text(find(citizen, ALFA, "PN100AA", wrongCode)))
        .contains("Nessun preavviso con questa targa e questo codice");
    // the right code with another plate is not found either
    assertThat(text(find(citizen, ALFA, "PN200BB", PreNoticePayment.printed(id))))
        .contains("Nessun preavviso con questa targa e questo codice");

    HttpResponse<String> found =
        find(citizen, ALFA, "pn 100 aa", PreNoticePayment.code(id).toLowerCase());
    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(found.headers().firstValue("Location").orElseThrow())
        .endsWith("/t/" + ALFA + "/portale/preavviso.xhtml");
    String page = text(citizen.get(portal(ALFA) + "/preavviso.xhtml"));
    assertThat(page)
        .contains("Preavviso " + PreNoticePayment.printed(id), "PN100AA")
        .contains("Ridotto del 30% entro 5 giorni", "Minimo entro 60 giorni")
        .contains("Gli importi non comprendono spese di notifica", "Paga con pagoPA");

    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      PreNoticePayments.Quote quote = payments.quote(id);
      assertThat(quote.payable().type()).isEqualTo(PaymentWindowType.REDUCED_30);
      assertThat(quote.fees()).noneMatch(f -> f.category() == FeeCategory.NOTIFICATION);
      // the act notified through SEND would cost exactly the notification fees more
      AmountsDue.Quote act =
          amounts
              .quote(
                  ArticleCode.parse("142C8"),
                  quote.violationAt(),
                  quote.violationAt().toLocalDate(),
                  NotificationChannel.SEND)
              .orElseThrow();
      BigDecimal notificationFees =
          act.fees().stream()
              .filter(f -> f.category() == FeeCategory.NOTIFICATION)
              .map(f -> f.amount())
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal actReduced =
          act.total(act.windows().window(PaymentWindowType.REDUCED_30).orElseThrow());
      assertThat(quote.payable().total())
          .isEqualByComparingTo(actReduced.subtract(notificationFees));
      assertThat(page).contains(quote.payable().total().toPlainString().replace('.', ','));
    }
  }

  @Test
  @Order(3)
  void theCitizenPaysThroughCheckoutAndThePreNoticeIsPaidWhenTheReceiptArrives() throws Exception {
    UUID id = UUID.fromString(read(ALFA, "pn.paid"));
    Citizen citizen = new Citizen();
    assertThat(find(citizen, ALFA, "PN100AA", PreNoticePayment.printed(id)).statusCode())
        .isEqualTo(302);
    String page = portal(ALFA) + "/preavviso.xhtml";
    assertThat(text(pay(citizen, page, "non-una-mail")))
        .contains("L'indirizzo e-mail per la ricevuta non è valido");

    // asked twice (a double click, a second tab): one notice, one debt position
    String first =
        pay(citizen, page, "mario.rossi@example.it").headers().firstValue("Location").orElseThrow();
    HttpResponse<String> again = pay(citizen, page, "");
    assertThat(again.statusCode()).isEqualTo(302);
    String checkout = again.headers().firstValue("Location").orElseThrow();
    assertThat(checkout).startsWith(CollectFixture.sim() + "/checkout/?cart=");
    assertThat(notice(citizen.get(first).body())).isEqualTo(notice(citizen.get(checkout).body()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      assertThat(payments.notices(id))
          .singleElement()
          .satisfies(n -> assertThat(n.published()).isTrue());
    }

    HttpResponse<String> checkoutPage = citizen.get(checkout);
    String cart = checkout.substring(checkout.indexOf("cart=") + 5);
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
                    notice(checkoutPage.body()),
                    "creditor",
                    creditor.group(1),
                    "payerName",
                    "Mario Rossi",
                    "payerFiscalCode",
                    cf("RSSMRA80A01E472"),
                    "payerEmail",
                    "mario.rossi@example.it")));
    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("Location").orElseThrow()).isEqualTo(page + "?esito=ok");
    assertThat(text(citizen.get(page + "?esito=ok"))).contains("Pagamento eseguito");

    String body = "";
    for (int i = 0; i < 80 && !body.contains("Il preavviso risulta pagato"); i++) {
      Thread.sleep(250);
      body = text(citizen.get(page));
    }
    assertThat(body).contains("Il preavviso risulta pagato").doesNotContain("Paga con pagoPA");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      // a paid pre-notice is not archived: its money is accounted for through the act
      assertThatThrownBy(() -> preNotices.archive(id, "Veicolo autorizzato"))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("è già stato pagato");
    }
  }

  @Test
  @Order(4)
  void theActIssuedFromAPaidPreNoticeIsBornPaidWithItsReceiptAndNoDebtPosition() {
    UUID id = UUID.fromString(read(ALFA, "pn.paid"));
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      PreNoticePayments.NoticeView paid = payments.paidOf(id).orElseThrow();
      preNotices.validate(id);
      Verbali.Issued issued = verbali.issue(Verbali.Source.preNotice(id), null);
      Verbali.VerbaleView act = verbali.detail(issued.verbale().id());
      assertThat(act.status()).isEqualTo(VerbaleStatus.PAID);
      assertThat(act.windows()).allMatch(w -> w.iuv() == null);
      assertThat(act.windows())
          .filteredOn(w -> w.type() == PaymentWindowType.REDUCED_30)
          .singleElement()
          .satisfies(w -> assertThat(w.total()).isEqualByComparingTo(paid.total()));
      assertThat(receipts.ofVerbale(act.id()))
          .singleElement()
          .satisfies(r -> assertThat(r.receiptId()).isEqualTo(paid.receiptId()));
      assertThat(
              count(
                  "outbox_message where topic = 'debt-position.publish' and verbale_id = "
                      + act.id()))
          .isZero();
    }
  }

  @Test
  @Order(5)
  void anUnpaidNoticeIsInvalidatedWhenTheActIsIssuedAndThePreNoticeNoLongerPayable()
      throws Exception {
    UUID id = UUID.fromString(read(ALFA, "pn.issued"));
    Citizen citizen = new Citizen();
    assertThat(find(citizen, ALFA, "PN200BB", PreNoticePayment.code(id)).statusCode())
        .isEqualTo(302);
    String page = portal(ALFA) + "/preavviso.xhtml";
    assertThat(pay(citizen, page, "").statusCode()).isEqualTo(302); // to Checkout, not paid
    String number;
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      preNotices.validate(id);
      Verbali.Issued issued = verbali.issue(Verbali.Source.preNotice(id), null);
      number = issued.verbale().number();
      assertThat(issued.verbale().status()).isEqualTo(VerbaleStatus.ISSUED);
      assertThat(payments.notices(id))
          .singleElement()
          .satisfies(n -> assertThat(n.status()).isEqualTo(PreNoticePayment.Status.SUPERSEDED));
      dispatcher.runTenant();
      assertThat(
              count(
                  "pre_notice_payment where invalidated_at is not null and pre_notice_id = '"
                      + id
                      + "'"))
          .isEqualTo(1);
    }
    String journal = citizen.get(CollectFixture.sim() + "/__journal?service=gpd").body();
    assertThat(journal).contains(PreNoticePayments.iupd(id, PaymentWindowType.REDUCED_30));
    String body = text(citizen.get(page));
    assertThat(body)
        .contains("La violazione è già diventata il verbale n. " + number)
        .doesNotContain("Paga con pagoPA");
  }

  @Test
  @Order(6)
  void anArchivedPreNoticeCannotBePaidAndAnotherTenantsIsNotFound() throws Exception {
    UUID archived = UUID.fromString(read(ALFA, "pn.archived"));
    Citizen citizen = new Citizen();
    assertThat(find(citizen, ALFA, "PN300CC", PreNoticePayment.printed(archived)).statusCode())
        .isEqualTo(302);
    assertThat(text(citizen.get(portal(ALFA) + "/preavviso.xhtml")))
        .contains("Il preavviso è stato archiviato dal comando")
        .doesNotContain("Paga con pagoPA");
    // the same plate and code on another command's portal
    assertThat(text(find(new Citizen(), BETA, "PN300CC", PreNoticePayment.printed(archived))))
        .contains("Nessun preavviso con questa targa e questo codice");
  }

  @Test
  @Order(7)
  void twentyFailedSearchesFromOneAddressLockTheSearch() throws Exception {
    Citizen citizen = new Citizen();
    for (int i = 0; i < 20; i++) {
      find(citizen, BETA, "PN9" + String.format("%02d", i) + "ZZ", String.format("ABCDEF%02d", i));
    }
    assertThat(text(find(citizen, BETA, "PN100AA", "ABCDEF99")))
        .contains("Troppe ricerche non riuscite", "sospesa fino alle");
  }

  // ------------------------------------------------------------------ helpers

  private UUID record(String plate) {
    owners.record(
        new OwnerData(
            plate,
            "IT",
            "Mario Rossi",
            cf("RSSMRA80A01E472"),
            "Via Roma 1",
            "04100",
            "Latina",
            "LT",
            null));
    return preNotices
        .recordPaper(
            new PaperEntry(
                LocalDateTime.now(ITALY).minusHours(2).truncatedTo(ChronoUnit.MINUTES),
                "VIA-ROMA",
                "142c8",
                plate,
                null,
                VehicleType.CAR,
                "admin." + ALFA,
                null,
                List.of()))
        .id();
  }

  private static HttpResponse<String> find(
      Citizen citizen, String tenant, String plate, String code) throws Exception {
    return citizen.submit(
        portal(tenant) + "/preavviso.xhtml",
        "find",
        Map.of("plate", plate, "code", code),
        "find-button",
        "Cerca il preavviso");
  }

  private static HttpResponse<String> pay(Citizen citizen, String page, String email)
      throws Exception {
    return citizen.submit(page, "pay", Map.of("email", email), "pay-button", "Paga con pagoPA");
  }

  private static String notice(String checkoutPage) {
    Matcher notice = Pattern.compile("name=\"notice\" value=\"(\\d{18})\"").matcher(checkoutPage);
    assertThat(notice.find()).as("notice in the Checkout page").isTrue();
    return notice.group(1);
  }

  private long count(String fromWhere) {
    List<?> rows = probe.readForeignTable("(select count(*) from " + fromWhere + ") as c");
    return ((Number) (rows.get(0) instanceof Object[] a ? a[0] : rows.get(0))).longValue();
  }

  private String read(String tenant, String key) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(tenant))) {
      return probe.read(key);
    }
  }

  static String cf(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }
}
