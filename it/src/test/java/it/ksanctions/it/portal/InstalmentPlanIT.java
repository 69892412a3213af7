package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.lifecycle.CollectFixture;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.payments.application.InstalmentPositions;
import it.ksanctions.payments.application.PaymentGateway;
import it.ksanctions.payments.application.Receipts;
import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.application.InstalmentRequests.Status;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.InstalmentRules;
import it.ksanctions.portal.domain.PlanStanding;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Instalment plans under art. 202-bis CdS from the citizen portal (issue 16 item 5, POR-6), in the
 * container against the simulators: an act of € 121,10 (art. 142 c. 8, reduced) is not eligible; an
 * act of art. 142 c. 9 (€ 380,10 reduced) is, with the income self-declaration; a second request
 * for it is refused; the office approves it; the schedule with one pagoPA notice per instalment is
 * on the act's page; each instalment is a debt position {@code KS-<number>-Rnn} on the GPD
 * simulator; the instalments' receipts are applied, and the last one pays the act.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalmentPlanIT {

  static final String TENANT = "ra-alfa";
  static final String CREDITOR = TestCreditors.INSTALMENTS;
  static final String RECEIPT_KEY = "receipt-key-ra-alfa-0123456789";
  static final String SMALL_CF = cf("RSSMRA80A01E472");
  static final String BIG_CF = cf("VRDLGU75B02E472");
  static final String LATE_CF = cf("MRNLCA72D10E472");
  static final String SILENT_CF = cf("BNCGNN80A41E472");
  static final String SILENT_MAIL = "giovanna.bianchi@example.it";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final byte[] PDF =
      "%PDF-1.4\n% autocertificazione\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject CollectFixture fixture;
  @Inject TenantProbe probe;
  @Inject OutboxDispatcher dispatcher;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;
  @Inject InstalmentRequests instalments;
  @Inject it.ksanctions.portal.application.PortalFiles files;
  @Inject Receipts receipts;
  @Inject it.ksanctions.sanctions.application.VerbaleLifecycle lifecycle;

  /** The outbox timer pauses while these tests drain it themselves. */
  @BeforeEach
  void pauseTheOutboxTimer() {
    System.setProperty("ksanctions.outbox.paused", "true");
  }

  @AfterEach
  void resumeTheOutboxTimer() {
    System.clearProperty("ksanctions.outbox.paused");
  }

  static String cf(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  @Test
  @Order(1)
  void aCommandIssuesAndNotifiesASmallAndABigAct() throws Exception {
    fixture.command(TENANT, CREDITOR, RECEIPT_KEY);
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      LocalDate today = LocalDate.now(ITALY);
      Verbali.Issued small =
          fixture.issueWithPin(TENANT, "RA100AA", "Mario Rossi", SMALL_CF, List.of());
      Verbali.Issued big = issue("RA200BB", "Luigi Verdi", BIG_CF, "142c9");
      verbali.notified(small.verbale().id(), today);
      verbali.notified(big.verbale().id(), today);
      probe.write("ra.small", Long.toString(small.verbale().id()));
      probe.write("ra.big", Long.toString(big.verbale().id()));
      probe.write("ra.big.number", big.verbale().number());
      probe.write("ra.big.pin", big.pin());
      drain();
    }
  }

  @Test
  @Order(2)
  void anAmountNotOverTwoHundredEurosOrAnIncomeOverTheLimitIsNotEligible() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      long small = Long.parseLong(probe.read("ra.small"));
      Grant grant = new Grant(SMALL_CF, Set.of(small), "PIN");
      InstalmentRequests.Terms terms = instalments.terms(grant, small);
      assertThat(terms.amountDue()).isLessThanOrEqualTo(new BigDecimal("200.00"));
      assertThat(terms.maxInstalments()).isZero();
      InstalmentRules.Eligibility refused =
          instalments.check(grant, small, new BigDecimal("50000.00"), 0);
      assertThat(refused.eligible()).isFalse();
      // every reason at once: the amount and the income
      assertThat(refused.reasons()).hasSize(2);
      assertThat(refused.italianMessage()).contains("superiori a € 200", "supera il limite");
      assertThatThrownBy(
              () ->
                  instalments.submit(
                      grant,
                      small,
                      new BigDecimal("9000.00"),
                      0,
                      2,
                      null,
                      true,
                      new InstalmentRequests.Declaration("reddito.pdf", PDF),
                      "ra-small"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("Pagamento rateale non ammesso", "superiori a € 200");
      assertThat(instalments.ofVerbale(grant, small)).isEmpty();

      long big = Long.parseLong(probe.read("ra.big"));
      Grant bigGrant = new Grant(BIG_CF, Set.of(big), "PIN");
      assertThat(instalments.check(bigGrant, big, new BigDecimal("10628.17"), 0).italianMessage())
          .contains("supera il limite di € 10.628,16");
      // a family member raises the limit
      assertThat(instalments.check(bigGrant, big, new BigDecimal("10628.17"), 1).eligible())
          .isTrue();
      // another citizen's grant does not reach the act
      assertThatThrownBy(() -> instalments.terms(grant, big))
          .isInstanceOf(PortalRuleException.class);
    }
  }

  @Test
  @Order(3)
  void anEligibleRequestWithItsDeclarationIsRecordedOnceAndASecondIsRefused() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      long big = Long.parseLong(probe.read("ra.big"));
      Grant grant = new Grant(BIG_CF, Set.of(big), "PIN");
      InstalmentRequests.Terms terms = instalments.terms(grant, big);
      assertThat(terms.open()).isTrue();
      assertThat(terms.amountDue()).isGreaterThan(new BigDecimal("300.00"));
      assertThat(terms.maxInstalments()).isBetween(3, 12);
      assertThat(terms.rateLabel()).isEqualTo("2,00 % (da confermare)");
      assertThat(instalments.preview(grant, big, 3).count()).isEqualTo(3);

      // without the declaration, or with a PNG named .pdf, or without the waiver: refused
      assertThatThrownBy(() -> submit(grant, big, null, true, "ra-0"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("autocertificazione del reddito");
      assertThatThrownBy(
              () ->
                  submit(
                      grant,
                      big,
                      new InstalmentRequests.Declaration("reddito.pdf", PNG),
                      true,
                      "ra-0"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("reddito.pdf");
      assertThatThrownBy(
              () ->
                  submit(
                      grant,
                      big,
                      new InstalmentRequests.Declaration("reddito.pdf", PDF),
                      false,
                      "ra-0"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("rinuncia al ricorso");

      PlanView asked =
          submit(grant, big, new InstalmentRequests.Declaration("reddito.pdf", PDF), true, "ra-1");
      assertThat(asked.status()).isEqualTo(Status.REQUESTED);
      assertThat(asked.count()).isEqualTo(3);
      assertThat(asked.decisionDueOn())
          .isEqualTo(InstalmentRules.decisionDeadline(LocalDate.now(ITALY)));
      assertThat(asked.declarationType()).isEqualTo("application/pdf");
      assertThat(asked.declarationSize()).isEqualTo(PDF.length);
      assertThat(asked.rows()).hasSize(3);
      assertThat(asked.provisional()).isTrue();
      // the same form sent twice: one request
      assertThat(
              submit(
                      grant,
                      big,
                      new InstalmentRequests.Declaration("reddito.pdf", PDF),
                      true,
                      "ra-1")
                  .id())
          .isEqualTo(asked.id());
      // a second request for the act: refused
      assertThatThrownBy(
              () ->
                  submit(
                      grant,
                      big,
                      new InstalmentRequests.Declaration("reddito.pdf", PDF),
                      true,
                      "ra-2"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("già stata presentata una richiesta di rateizzazione");
      assertThat(instalments.ofVerbale(grant, big)).hasSize(1);
      probe.write("ra.plan", Long.toString(asked.id()));
    }
  }

  @Test
  @Order(4)
  void theOfficeApprovesAndEachInstalmentBecomesADebtPositionOnGpd() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      long plan = Long.parseLong(probe.read("ra.plan"));
      assertThat(instalments.list(Status.REQUESTED)).extracting(PlanView::id).contains(plan);
      assertThat((byte[]) instalments.declaration(plan)[2]).isEqualTo(PDF);
      assertThatThrownBy(() -> instalments.reject(plan, " "))
          .isInstanceOf(PortalRuleException.class);

      PlanView approved = instalments.approve(plan);
      assertThat(approved.status()).isEqualTo(Status.APPROVED);
      assertThat(approved.firstDueOn()).isEqualTo(LocalDate.now(ITALY).plusDays(30));
      assertThat(approved.rows())
          .hasSize(3)
          .allSatisfy(
              r -> {
                assertThat(r.notice()).isNotNull();
                assertThat(r.notice().noticeCode()).matches("3\\d{17}");
                assertThat(r.paid()).isFalse();
              });
      assertThat(approved.standing().status()).isEqualTo(PlanStanding.Status.ACTIVE);
      assertThatThrownBy(() -> instalments.approve(plan))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("già stata decisa");
      assertThatThrownBy(() -> instalments.reject(plan, "Reddito non documentato"))
          .isInstanceOf(PortalRuleException.class);

      drain();
      assertThat(
              count(
                  "select count(*) from instalment_notice where published_at is not null"
                      + " and plan_id = "
                      + plan))
          .isEqualTo(3);
    }
    String number = read("ra.big.number");
    String iupd = it.ksanctions.payments.application.InstalmentPositions.iupd(number, 1);
    String journal = get(CollectFixture.sim() + "/__journal?service=gpd").body();
    assertThat(journal)
        .contains(iupd)
        .contains(iupd.substring(0, iupd.length() - 2) + "03")
        .contains("\"status\":201");
  }

  @Test
  @Order(5)
  void theCitizenSeesTheDecisionTheScheduleAndItsNoticesOnTheActsPage() throws Exception {
    String id = read("ra.big");
    Browser citizen = Browser.signedIn(BIG_CF, read("ra.big.pin"));
    String page = text(citizen.get(portal() + "/verbale.xhtml?id=" + id));
    assertThat(page)
        .contains(
            "Rateizzazione n. " + read("ra.plan"), "class=\"ks-plan-status\">Approvata, in corso")
        .contains("Piano delle rate approvato", "Piano di rateizzazione in corso");
    Matcher notices =
        Pattern.compile("class=\"ks-plan-notice\">(3\\d{3}( \\d{4}){3} \\d{2})<").matcher(page);
    int found = 0;
    while (notices.find()) {
      found++;
    }
    assertThat(found).isEqualTo(3);
    // the request page now tells why no other request can be made
    String form = text(citizen.get(portal() + "/rateizzazione.xhtml?verbale=" + id));
    assertThat(form).contains("già stata presentata una richiesta di rateizzazione");
    // another act's page stays closed
    assertThat(citizen.get(portal() + "/rateizzazione.xhtml?verbale=" + read("ra.small")).body())
        .contains("Verbale non disponibile");
  }

  @Test
  @Order(6)
  void theInstalmentsReceiptsAreAppliedAndTheLastOnePaysTheAct() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT); // to read the act's state as the office
      long big = Long.parseLong(probe.read("ra.big"));
      Grant grant = new Grant(BIG_CF, Set.of(big), "PIN");
      PlanView plan = instalments.ofVerbale(grant, big).get(0);
      for (int i = 0; i < 3; i++) {
        InstalmentRequests.Row row = plan.rows().get(i);
        Receipts.Applied applied =
            pay(row.notice(), row.instalment().total(), "Luigi Verdi", BIG_CF);
        assertThat(applied.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
        assertThat(verbali.detail(big).status())
            .isEqualTo(i < 2 ? VerbaleStatus.PARTIALLY_PAID : VerbaleStatus.PAID);
      }
      PlanView paid = instalments.ofVerbale(grant, big).get(0);
      assertThat(paid.rows()).allSatisfy(r -> assertThat(r.paid()).isTrue());
      assertThat(paid.standing().status()).isEqualTo(PlanStanding.Status.COMPLETED);
      assertThat(paid.stage()).isEqualTo(InstalmentRequests.Stage.COMPLETED);
      assertThat(paid.statusLabel()).isEqualTo("Completata: tutte le rate pagate");
    }
  }

  @Test
  @Order(7)
  void aMissedFirstInstalmentEndsThePlanItsNoticesGiveWayToTheResidualAndTheActBecomesUnpaid()
      throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      LocalDate today = LocalDate.now(ITALY);
      Verbali.Issued act = issue("RA300CC", "Luca Marini", LATE_CF, "142c9");
      long id = act.verbale().id();
      String number = act.verbale().number();
      verbali.notified(id, today);
      drain(); // the act's own position goes to GPD
      assertThat(count(positions(id, "PUBLISHED"))).isEqualTo(1);
      Grant grant = new Grant(LATE_CF, Set.of(id), "PIN");
      PlanView asked =
          submit(
              grant, id, new InstalmentRequests.Declaration("reddito.pdf", PDF), true, "ra-late");
      PlanView approved = instalments.approve(asked.id());
      // the instalments' positions replace the act's own, which is invalidated on GPD: the act's
      // own notice is no longer offered, and paying it is refused with the reason
      assertThat(files.file(grant, id).payable()).isNull();
      assertThat(files.file(grant, id).underPlan()).isTrue();
      assertThatThrownBy(
              () -> files.pay(grant, id, java.net.URI.create("http://127.0.0.1/back"), null))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).code())
          .isEqualTo("portal.pay.instalments");
      drain();
      assertThat(count(positions(id, "INVALID"))).isEqualTo(1);
      assertThat(
              count(
                  "select count(*) from instalment_notice where published_at is not null"
                      + " and plan_id = "
                      + asked.id()))
          .isEqualTo(3);
      LocalDate firstDue = approved.firstDueOn();
      LocalDate lastDue = approved.rows().get(approved.rows().size() - 1).instalment().dueDate();

      // the minimum window (60 days from the notification) ends before the last instalment: while
      // the plan stands the act does not become UNPAID
      LocalDate afterMinimum = today.plusDays(70);
      assertThat(lastDue).isAfter(afterMinimum);
      assertThat(lifecycle.markUnpaidOverdue(afterMinimum)).doesNotContain(number);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.NOTIFIED);

      // the first instalment unpaid on its due date is still in time; the day after, the plan ends
      assertThat(instalments.recordForfeitures(firstDue)).doesNotContain(asked.id());
      assertThat(instalments.recordForfeitures(firstDue.plusDays(1))).containsExactly(asked.id());
      assertThat(instalments.recordForfeitures(firstDue.plusDays(2))).isEmpty();
      assertThat(
              count(
                  "select count(*) from instalment_plan where residual_due > 0 and forfeited_on = '"
                      + firstDue.plusDays(1)
                      + "' and id = "
                      + asked.id()))
          .isEqualTo(1);
      assertThat(verbali.detail(id).events())
          .extracting(Verbali.EventView::reason)
          .anySatisfy(reason -> assertThat(reason).startsWith("Rateizzazione approvata"))
          .anySatisfy(reason -> assertThat(reason).startsWith("Decadenza dalla rateizzazione"));

      // the unpaid instalments are cancelled and their positions invalidated; the residual, due
      // in one payment, gets a notice of its own
      drain();
      assertThat(
              count(
                  "select count(*) from instalment_notice where not residual"
                      + " and cancelled_at is not null and invalidated_at is not null and plan_id = "
                      + asked.id()))
          .isEqualTo(3);
      assertThat(
              count(
                  "select count(*) from instalment_notice n join instalment_plan p"
                      + " on p.id = n.plan_id where n.residual and n.amount = p.residual_due"
                      + " and n.due_date = p.forfeited_on + "
                      + InstalmentPositions.RESIDUAL_DAYS
                      + " and n.published_at is not null and n.iuv is not null and p.id = "
                      + asked.id()))
          .isEqualTo(1);
      String journal = get(CollectFixture.sim() + "/__journal?service=gpd").body();
      String own = it.ksanctions.payments.application.DebtPositions.iupd(number);
      assertThat(journal)
          .contains(own + "/invalidate")
          .contains(InstalmentPositions.iupd(number, 1) + "/invalidate")
          .contains(InstalmentPositions.iupd(number, 3) + "/invalidate")
          .contains(InstalmentPositions.residualIupd(number));
      PlanView forfeited = instalments.ofVerbale(grant, id).get(0);
      assertThat(forfeited.rows()).allSatisfy(r -> assertThat(r.cancelled()).isTrue());
      assertThat(forfeited.stage()).isEqualTo(InstalmentRequests.Stage.FORFEITED);
      assertThat(forfeited.residual()).isNotNull();
      assertThat(forfeited.residual().amount())
          .isEqualByComparingTo(forfeited.standing().residualDue());
      // the citizen's page shows the cancelled instalments and the residual with its notice
      Browser citizen = Browser.signedIn(LATE_CF, act.pin());
      assertThat(text(citizen.get(portal() + "/verbale.xhtml?id=" + id)))
          .contains("Annullata (decadenza)")
          .contains("class=\"ks-plan-status\">Decaduta:")
          .contains("Importo residuo (decadenza), in unica soluzione")
          .contains("Il verbale si paga con gli avvisi pagoPA del piano di rateizzazione approvato")
          .doesNotContain("id=\"pay-button\"")
          .contains(forfeited.residual().noticePrinted())
          // a cancelled instalment's notice is no longer offered for payment
          .doesNotContain(forfeited.rows().get(0).notice().noticePrinted());
      // a second check does not make a second residual
      assertThat(instalments.recordForfeitures(firstDue.plusDays(3))).isEmpty();
      assertThat(
              count(
                  "select count(*) from instalment_notice where residual and plan_id = "
                      + asked.id()))
          .isEqualTo(1);

      // the act follows the ordinary rule again
      assertThat(lifecycle.markUnpaidOverdue(afterMinimum)).contains(number);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.UNPAID);

      // the residual paid: the act is paid
      Receipts.Applied applied =
          pay(forfeited.residual(), forfeited.residual().amount(), "Luca Marini", LATE_CF);
      assertThat(applied.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.PAID);
    }
  }

  @Test
  @Order(8)
  void aRequestTheOfficeDoesNotDecideWithinNinetyDaysIsDeemedRejectedAndCanNoLongerBeApproved()
      throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      LocalDate today = LocalDate.now(ITALY);
      Verbali.Issued act = issue("RA400DD", "Giovanna Bianchi", SILENT_CF, "142c9");
      long id = act.verbale().id();
      verbali.notified(id, today);
      Grant grant = new Grant(SILENT_CF, Set.of(id), "PIN");
      PlanView asked =
          instalments.submit(
              grant,
              id,
              new BigDecimal("9500.00"),
              0,
              3,
              SILENT_MAIL,
              true,
              new InstalmentRequests.Declaration("reddito.pdf", PDF),
              "ra-silent");
      assertThat(asked.decisionDueOn()).isEqualTo(today.plusDays(90));
      // the 90th day is still the office's
      assertThat(instalments.recordSilentRejections(asked.decisionDueOn())).isEmpty();
      assertThat(instalments.detail(asked.id()).stage())
          .isEqualTo(InstalmentRequests.Stage.REQUESTED);

      // the request made 91 days ago: the term is over, approving is refused with the reason
      probe.execute(
          "update instalment_plan set requested_on = current_date - 91,"
              + " decision_due_on = current_date - 1 where id = "
              + asked.id());
      assertThat(instalments.detail(asked.id()).decisionOverdue()).isTrue();
      assertThatThrownBy(() -> instalments.approve(asked.id()))
          .isInstanceOf(PortalRuleException.class)
          .hasMessageContaining("la richiesta si intende respinta (art. 202-bis CdS)")
          .extracting(e -> ((PortalRuleException) e).code())
          .isEqualTo("portal.instalments.decision-term-over");

      // the nightly check records it rejected, once, with the reason and no decision by a person
      assertThat(instalments.recordSilentRejections(today)).containsExactly(asked.id());
      assertThat(instalments.recordSilentRejections(today)).isEmpty();
      PlanView rejected = instalments.detail(asked.id());
      assertThat(rejected.stage()).isEqualTo(InstalmentRequests.Stage.REJECTED);
      assertThat(rejected.decidedBy()).isEqualTo(InstalmentRequests.SYSTEM);
      assertThat(rejected.decisionReason()).isEqualTo(InstalmentRequests.SILENT_REJECTION);
      assertThat(rejected.decisionOverdue()).isFalse();
      assertThatThrownBy(() -> instalments.reject(asked.id(), "Reddito non documentato"))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).code())
          .isEqualTo("portal.instalments.decided");
      // no instalment notice was made, and the act keeps its ordinary windows
      assertThat(count("select count(*) from instalment_notice where plan_id = " + asked.id()))
          .isZero();
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.NOTIFIED);

      // the citizen reads it on the act's page
      Browser citizen = Browser.signedIn(SILENT_CF, act.pin());
      assertThat(text(citizen.get(portal() + "/verbale.xhtml?id=" + id)))
          .contains("class=\"ks-plan-status\">Respinta</span>")
          .contains("Nessuna decisione entro 90 giorni dalla richiesta");
    }
    // and by e-mail, as for a rejection by the office
    List<String> subjects = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 50 && subjects.stream().noneMatch(t -> t.contains("Respinta")); i++) {
      subjects.clear();
      bodies.clear();
      it.ksanctions.it.support.Mailbox.read(SILENT_MAIL, subjects, bodies);
      Thread.sleep(100);
    }
    assertThat(subjects).anySatisfy(t -> assertThat(t).contains(" - Respinta - "));
    assertThat(bodies)
        .anySatisfy(
            b ->
                assertThat(b)
                    .contains("è stata respinta")
                    .contains("Nessuna decisione entro 90 giorni dalla richiesta"));
  }

  /** A receipt of {@code notice} for {@code amount}, as the receipts API gives it, applied. */
  private Receipts.Applied pay(
      InstalmentPositions.NoticeView notice, BigDecimal amount, String payer, String payerCf) {
    return receipts.apply(
        new PaymentGateway.Receipt(
            "ra-receipt-" + UUID.randomUUID(),
            notice.iuv(),
            notice.noticeCode(),
            CREDITOR,
            amount,
            Instant.now(),
            payer,
            payerCf,
            null,
            "PSP simulato"),
        Receipts.Source.POLL);
  }

  private static String positions(long verbaleId, String status) {
    return "select count(*) from debt_position where status = '"
        + status
        + "' and verbale_id = "
        + verbaleId;
  }

  // ------------------------------------------------------------------ helpers

  private PlanView submit(
      Grant grant,
      long verbaleId,
      InstalmentRequests.Declaration declaration,
      boolean waiver,
      String key) {
    return instalments.submit(
        grant,
        verbaleId,
        new BigDecimal("9500.00"),
        0,
        3,
        "luigi.verdi@example.it",
        waiver,
        declaration,
        key);
  }

  /** As {@link CollectFixture#issueWithPin}, with another article (a higher amount). */
  private Verbali.Issued issue(String plate, String ownerName, String ownerCf, String article) {
    owners.record(
        new OwnerData(
            plate, "IT", ownerName, ownerCf, "Via Roma 1", "04100", "Latina", "LT", null));
    UUID id =
        preNotices
            .recordPaper(
                new PaperEntry(
                    LocalDateTime.now(ITALY).minusHours(3).truncatedTo(ChronoUnit.MINUTES),
                    "VIA-ROMA",
                    article,
                    plate,
                    null,
                    VehicleType.CAR,
                    "admin." + TENANT,
                    null,
                    List.of()))
            .id();
    preNotices.validate(id);
    return verbali.issue(Verbali.Source.preNotice(id), null);
  }

  /** Runs the outbox until nothing is due (see NotifyAndCollectIT). */
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

  private String read(String key) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      return probe.read(key);
    }
  }

  static String base() {
    return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
  }

  static String portal() {
    return base() + "/t/" + TENANT + "/portale";
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
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

  /** A browser without JavaScript: cookies, no redirects followed, JSF forms posted by hand. */
  static final class Browser {
    /** A browser that opened the citizen's acts with codice fiscale and PIN (302 to the file). */
    static Browser signedIn(String taxCode, String pin) throws Exception {
      Browser citizen = new Browser();
      HttpResponse<String> entered =
          citizen.submit(
              portal() + "/accesso.xhtml",
              "access",
              Map.of("taxCode", taxCode, "pin", pin),
              "enter",
              "Accedi");
      assertThat(entered.statusCode()).isEqualTo(302);
      return citizen;
    }

    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

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
      String body =
          all.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return http.send(
          HttpRequest.newBuilder(URI.create(base() + action.group(1).replace("&amp;", "&")))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
