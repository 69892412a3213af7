package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.portal.domain.InstalmentRules.Eligibility;
import it.ksanctions.shared.RuleViolation.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstalmentRulesTest {

  private static final LocalDate NOTIFIED = LocalDate.of(2026, 3, 1);
  private static final BigDecimal LOW_INCOME = new BigDecimal("8000.00");

  private static Eligibility check(String amount) {
    return InstalmentRules.check(new BigDecimal(amount), LOW_INCOME, 0, NOTIFIED, NOTIFIED);
  }

  private static Eligibility checkIncome(String income, int familyMembers) {
    return InstalmentRules.check(
        new BigDecimal("1000.00"), new BigDecimal(income), familyMembers, NOTIFIED, NOTIFIED);
  }

  @Test
  void onlyAmountsOverTwoHundredEuroAdmitInstalments() {
    Eligibility refused = check("200.00");
    assertThat(refused.eligible()).isFalse();
    assertThat(refused.reasons())
        .containsExactly(
            "Il pagamento rateale è ammesso solo per importi superiori a € 200,00: l'importo"
                + " dovuto è € 200,00.");
    assertThat(check("200.01").eligible()).isTrue();
    assertThat(check("200.01").reasons()).isEmpty();
  }

  @Test
  void incomeUpToTheLimitOfAnApplicantLivingAlone() {
    assertThat(InstalmentRules.incomeLimit(0)).isEqualByComparingTo("10628.16");
    assertThat(checkIncome("10628.16", 0).eligible()).isTrue();
    Eligibility refused = checkIncome("10628.17", 0);
    assertThat(refused.eligible()).isFalse();
    assertThat(refused.reasons())
        .containsExactly("Il reddito imponibile di € 10.628,17 supera il limite di € 10.628,16.");
  }

  @Test
  void theIncomeLimitRisesForEachFamilyMemberLivingTogether() {
    assertThat(InstalmentRules.incomeLimit(2)).isEqualByComparingTo("12693.98");
    assertThat(checkIncome("12693.98", 2).eligible()).isTrue();
    Eligibility refused = checkIncome("12693.99", 2);
    assertThat(refused.eligible()).isFalse();
    assertThat(refused.reasons().get(0))
        .contains("€ 12.693,99", "€ 12.693,98", "2 familiari conviventi");
    assertThat(checkIncome("12693.98", 1).eligible()).isFalse();
  }

  @Test
  void theRequestIsInTimeUpToTheThirtiethDayAfterTheNotification() {
    BigDecimal amount = new BigDecimal("500.00");
    assertThat(InstalmentRules.requestDeadline(NOTIFIED)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(InstalmentRules.check(amount, LOW_INCOME, 0, NOTIFIED, NOTIFIED).eligible())
        .isTrue();
    assertThat(
            InstalmentRules.check(amount, LOW_INCOME, 0, NOTIFIED, LocalDate.of(2026, 3, 31))
                .eligible())
        .isTrue();
    Eligibility late =
        InstalmentRules.check(amount, LOW_INCOME, 0, NOTIFIED, LocalDate.of(2026, 4, 1));
    assertThat(late.eligible()).isFalse();
    assertThat(late.reasons())
        .containsExactly(
            "La richiesta va presentata entro 30 giorni dalla notifica del 01/03/2026, cioè entro"
                + " il 31/03/2026.");
  }

  @Test
  void everyReasonIsGivenAtOnce() {
    Eligibility refused =
        InstalmentRules.check(
            new BigDecimal("150.00"),
            new BigDecimal("20000.00"),
            0,
            NOTIFIED,
            LocalDate.of(2026, 5, 1));
    assertThat(refused.reasons()).hasSize(3);
    assertThatThrownBy(refused::requireEligible)
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.instalments.not-eligible");
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.italianMessage())
                  .startsWith("Pagamento rateale non ammesso.")
                  .contains("€ 200,00", "€ 20.000,00", "31/03/2026");
            });
  }

  @Test
  void anEligibleRequestPassesRequireEligible() {
    check("250.00").requireEligible();
  }

  @Test
  void malformedInputIsRefusedAsInvalid() {
    assertThatThrownBy(() -> checkIncome("8000.00", -1))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.instalments.invalid-input");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.italianMessage()).contains("familiari conviventi");
            });
    assertThatThrownBy(
            () ->
                InstalmentRules.check(
                    new BigDecimal("500.00"), LOW_INCOME, 0, NOTIFIED, NOTIFIED.minusDays(1)))
        .isInstanceOf(PortalRuleException.class)
        .hasMessageContaining("precede");
    assertThatThrownBy(() -> checkIncome("-1.00", 0)).isInstanceOf(PortalRuleException.class);
  }

  @Test
  void theBandsGiveTwelveTwentyFourAndSixtyInstalments() {
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("2000.00"))).isEqualTo(12);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("2000.01"))).isEqualTo(20);
    assertThat(InstalmentRules.bandMaximum(new BigDecimal("2000.00"))).isEqualTo(12);
    assertThat(InstalmentRules.bandMaximum(new BigDecimal("2000.01"))).isEqualTo(24);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("5000.00"))).isEqualTo(24);
    assertThat(InstalmentRules.bandMaximum(new BigDecimal("5000.00"))).isEqualTo(24);
    assertThat(InstalmentRules.bandMaximum(new BigDecimal("5000.01"))).isEqualTo(60);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("5000.01"))).isEqualTo(50);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("6000.00"))).isEqualTo(60);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("25000.00"))).isEqualTo(60);
  }

  @Test
  void theHundredEuroMinimumLimitsTheNumberOfInstalments() {
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("250.00"))).isEqualTo(2);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("200.01"))).isEqualTo(2);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("1199.99"))).isEqualTo(11);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("1200.00"))).isEqualTo(12);
    assertThat(InstalmentRules.maxInstalments(new BigDecimal("200.00"))).isZero();
  }

  @Test
  void theOfficeDecidesWithinNinetyDaysOfTheRequest() {
    assertThat(InstalmentRules.decisionDeadline(LocalDate.of(2026, 3, 10)))
        .isEqualTo(LocalDate.of(2026, 6, 8));
  }

  @Test
  void askingForInstalmentsWaivesTheAppeal() {
    assertThat(InstalmentRules.REQUEST_WAIVES_APPEAL).isTrue();
    assertThat(InstalmentRules.APPEAL_WAIVER_NOTICE)
        .contains("rinuncia", "ricorso", "Prefetto", "Giudice di Pace");
  }
}
