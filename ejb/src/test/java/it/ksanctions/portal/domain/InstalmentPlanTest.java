package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.RuleViolation.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstalmentPlanTest {

  private static final LocalDate FIRST = LocalDate.of(2026, 4, 15);

  private static InstalmentPlan plan(String amount, int count, String rate) {
    return InstalmentPlan.of(new BigDecimal(amount), count, new BigDecimal(rate), FIRST);
  }

  @Test
  void aFrenchAmortisationWithConstantInstalments() {
    // 1 % a month: R = 1000 × 0.01 / (1 − 1.01^−2) = 507.5124… → 507.51
    InstalmentPlan plan = plan("1000.00", 2, "12.00");

    assertThat(plan.instalments())
        .containsExactly(
            new Instalment(
                1,
                FIRST,
                new BigDecimal("497.51"),
                new BigDecimal("10.00"),
                new BigDecimal("507.51")),
            new Instalment(
                2,
                FIRST.plusMonths(1),
                new BigDecimal("502.49"),
                new BigDecimal("5.02"),
                new BigDecimal("507.51")));
    assertThat(plan.totalCapital()).isEqualByComparingTo("1000.00");
    assertThat(plan.totalInterest()).isEqualByComparingTo("15.02");
    assertThat(plan.totalDue()).isEqualByComparingTo("1015.02");
    assertThat(plan.count()).isEqualTo(2);
    assertThat(plan.lastDueDate()).isEqualTo(LocalDate.of(2026, 5, 15));
  }

  @Test
  void theCapitalPartsAddUpExactlyToTheAmount() {
    record Case(String amount, int count, String rate) {}
    List<Case> cases =
        List.of(
            new Case("200.01", 2, "2.00"),
            new Case("1234.57", 11, "2.50"),
            new Case("2000.00", 12, "0.75"),
            new Case("4999.99", 24, "3.33"),
            new Case("9999.99", 60, "2.00"),
            new Case("6000.01", 60, "7.125"),
            new Case("1000.00", 7, "0"));
    for (Case c : cases) {
      InstalmentPlan plan = plan(c.amount(), c.count(), c.rate());
      assertThat(plan.totalCapital()).as(c.toString()).isEqualTo(new BigDecimal(c.amount()));
      assertThat(plan.instalments()).as(c.toString()).hasSize(c.count());
      BigDecimal constant = plan.instalment(1).total();
      for (Instalment instalment : plan.instalments()) {
        assertThat(instalment.capital().scale()).isEqualTo(2);
        assertThat(instalment.interest().scale()).isEqualTo(2);
        assertThat(instalment.capital().signum()).isPositive();
        assertThat(instalment.total()).isEqualTo(instalment.capital().add(instalment.interest()));
        if (instalment.number() < c.count()) {
          assertThat(instalment.total()).as(c + " #" + instalment.number()).isEqualTo(constant);
        } else {
          assertThat(instalment.total().subtract(constant).abs())
              .as(c + " last")
              .isLessThanOrEqualTo(new BigDecimal("0.50"));
        }
      }
      assertThat(plan.totalDue()).isEqualTo(plan.totalCapital().add(plan.totalInterest()));
    }
  }

  @Test
  void theInterestDecreasesWithTheResidual() {
    List<Instalment> instalments = plan("3000.00", 24, "2.00").instalments();
    assertThat(instalments.get(0).interest()).isEqualByComparingTo("5.00");
    for (int i = 1; i < instalments.size(); i++) {
      assertThat(instalments.get(i).interest())
          .isLessThanOrEqualTo(instalments.get(i - 1).interest());
    }
  }

  @Test
  void atRateZeroThereIsNoInterestAndTheLastTakesTheRemainder() {
    InstalmentPlan plan = plan("1000.00", 3, "0.00");
    assertThat(plan.instalments())
        .extracting(Instalment::capital)
        .containsExactly(
            new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
    assertThat(plan.instalments())
        .extracting(Instalment::interest)
        .allSatisfy(interest -> assertThat(interest).isEqualByComparingTo("0"));
    assertThat(plan.totalInterest()).isEqualByComparingTo("0");
    assertThat(plan.totalDue()).isEqualByComparingTo("1000.00");
  }

  @Test
  void dueDatesAreMonthlyOnTheSameDayClampedToTheMonthEnd() {
    InstalmentPlan plan =
        InstalmentPlan.of(
            new BigDecimal("1000.00"), 5, new BigDecimal("2.00"), LocalDate.of(2028, 1, 31));
    assertThat(plan.instalments())
        .extracting(Instalment::dueDate)
        .containsExactly(
            LocalDate.of(2028, 1, 31),
            LocalDate.of(2028, 2, 29),
            LocalDate.of(2028, 3, 31),
            LocalDate.of(2028, 4, 30),
            LocalDate.of(2028, 5, 31));
  }

  @Test
  void anInvalidNumberOfInstalmentsIsRefusedInItalian() {
    assertThatThrownBy(() -> plan("1000.00", 1, "2.00"))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.instalments.invalid-input");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "Numero di rate non ammesso: 1. Per l'importo di € 1.000,00 le rate vanno da"
                          + " 2 a 10 (ciascuna di almeno € 100,00).");
            });
    assertThatThrownBy(() -> plan("250.00", 3, "2.00"))
        .isInstanceOf(PortalRuleException.class)
        .hasMessageContaining("da 2 a 2");
    assertThatThrownBy(() -> plan("2000.00", 13, "2.00"))
        .isInstanceOf(PortalRuleException.class)
        .hasMessageContaining("da 2 a 12");
    assertThat(plan("250.00", 2, "2.00").count()).isEqualTo(2);
    assertThat(plan("2000.00", 12, "2.00").count()).isEqualTo(12);
    assertThat(plan("2000.01", 20, "2.00").count()).isEqualTo(20);
    assertThat(plan("6000.00", 60, "2.00").count()).isEqualTo(60);
  }

  @Test
  void anAmountNotOverTwoHundredEuroANegativeRateOrFractionsOfACentAreRefused() {
    assertThatThrownBy(() -> plan("200.00", 2, "2.00"))
        .isInstanceOf(PortalRuleException.class)
        .hasMessageContaining("superiori a € 200,00");
    assertThatThrownBy(() -> plan("1000.00", 2, "-0.01"))
        .isInstanceOf(PortalRuleException.class)
        .hasMessageContaining("negativo");
    assertThatThrownBy(() -> plan("1000.001", 2, "2.00"))
        .isInstanceOf(PortalRuleException.class)
        .hasMessageContaining("due decimali");
  }

  @Test
  void thePlanIsAnImmutableValue() {
    InstalmentPlan plan = plan("1000", 4, "2");
    assertThat(plan.amount()).isEqualTo(new BigDecimal("1000.00"));
    assertThatThrownBy(() -> plan.instalments().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(plan)
        .isEqualTo(plan("1000.00", 4, "2.00"))
        .hasSameHashCodeAs(plan("1000.00", 4, "2.00"));
    assertThat(plan).isNotEqualTo(plan("1000.00", 5, "2.00"));
    assertThatThrownBy(() -> plan.instalment(5)).isInstanceOf(IllegalArgumentException.class);
  }
}
