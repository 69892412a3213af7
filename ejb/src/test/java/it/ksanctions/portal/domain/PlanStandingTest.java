package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.portal.domain.PlanStanding.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanStandingTest {

  /** 1,000 in 4 at rate 0: 250 each, due 15 April, May, June and July 2026. */
  private static final InstalmentPlan PLAN =
      InstalmentPlan.of(new BigDecimal("1000.00"), 4, BigDecimal.ZERO, LocalDate.of(2026, 4, 15));

  private static LocalDate due(int number) {
    return PLAN.instalment(number).dueDate();
  }

  @Test
  void beforeAnyDueDateThePlanIsActive() {
    PlanStanding standing = PlanStanding.evaluate(PLAN, Set.of(), LocalDate.of(2026, 4, 1));
    assertThat(standing.status()).isEqualTo(Status.ACTIVE);
    assertThat(standing.residualDue()).isEqualByComparingTo("1000.00");
    assertThat(standing.missed()).isEmpty();
    assertThat(standing.forfeitedOn()).isNull();
    assertThat(standing.italianMessage()).isEqualTo("Piano di rateizzazione in corso.");
  }

  @Test
  void theDueDateItselfIsStillInTime() {
    assertThat(PlanStanding.evaluate(PLAN, Set.of(), due(1)).status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void missingTheFirstInstalmentEndsThePlan() {
    PlanStanding standing = PlanStanding.evaluate(PLAN, Set.of(), due(1).plusDays(1));
    assertThat(standing.status()).isEqualTo(Status.FORFEITED);
    assertThat(standing.residualDue()).isEqualByComparingTo("1000.00");
    assertThat(standing.missed()).containsExactly(1);
    assertThat(standing.forfeitedOn()).isEqualTo(LocalDate.of(2026, 4, 16));
    assertThat(standing.italianMessage())
        .isEqualTo(
            "Decadenza dal pagamento rateale (art. 202-bis CdS): la prima rata, in scadenza il"
                + " 15/04/2026, non è stata pagata entro la scadenza. L'importo residuo di €"
                + " 1.000,00 è dovuto in un'unica soluzione.");
  }

  @Test
  void oneLaterInstalmentMissedLeavesThePlanActive() {
    PlanStanding standing = PlanStanding.evaluate(PLAN, Set.of(1, 3), due(3).plusDays(1));
    assertThat(standing.status()).isEqualTo(Status.ACTIVE);
    assertThat(standing.missed()).containsExactly(2);
    assertThat(standing.residualDue()).isEqualByComparingTo("500.00");
    assertThat(standing.italianMessage()).contains("La rata n. 2 non è stata pagata");
  }

  @Test
  void twoLaterInstalmentsMissedEndThePlanEvenIfNotConsecutive() {
    PlanStanding standing = PlanStanding.evaluate(PLAN, Set.of(1, 3), due(4).plusDays(1));
    assertThat(standing.status()).isEqualTo(Status.FORFEITED);
    assertThat(standing.missed()).containsExactly(2, 4);
    assertThat(standing.forfeitedOn()).isEqualTo(due(4).plusDays(1));
    assertThat(standing.residualDue()).isEqualByComparingTo("500.00");
    assertThat(standing.italianMessage())
        .contains("le rate n. 2 e n. 4 non sono state pagate", "€ 500,00");
  }

  @Test
  void twoConsecutiveLaterInstalmentsMissedEndThePlanTheDayAfterTheSecond() {
    assertThat(PlanStanding.evaluate(PLAN, Set.of(1), due(3)).status()).isEqualTo(Status.ACTIVE);
    PlanStanding standing = PlanStanding.evaluate(PLAN, Set.of(1), due(3).plusDays(1));
    assertThat(standing.status()).isEqualTo(Status.FORFEITED);
    assertThat(standing.residualDue()).isEqualByComparingTo("750.00");
  }

  @Test
  void everyInstalmentPaidCompletesThePlan() {
    PlanStanding standing = PlanStanding.evaluate(PLAN, Set.of(1, 2, 3, 4), due(4));
    assertThat(standing.status()).isEqualTo(Status.COMPLETED);
    assertThat(standing.residualDue()).isEqualByComparingTo("0");
    assertThat(standing.italianMessage()).contains("completato", "4 rate");
  }

  @Test
  void instalmentsPaidInAdvanceCountAsPaid() {
    PlanStanding standing =
        PlanStanding.evaluate(PLAN, Set.of(1, 2, 3, 4), LocalDate.of(2026, 4, 1));
    assertThat(standing.status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void aForfeitedPlanStaysForfeitedWhateverIsPaidLater() {
    PlanStanding standing =
        PlanStanding.evaluate(
            PLAN,
            Map.of(1, due(1).plusDays(3), 2, due(2), 3, due(3), 4, due(4)),
            due(4).plusDays(10));
    assertThat(standing.status()).isEqualTo(Status.FORFEITED);
    assertThat(standing.missed()).containsExactly(1);
    assertThat(standing.residualDue()).isEqualByComparingTo("0");
  }

  @Test
  void paymentsAfterTodayAreNotCountedYet() {
    PlanStanding standing =
        PlanStanding.evaluate(PLAN, Map.of(1, due(1), 2, due(2)), due(1).plusDays(1));
    assertThat(standing.status()).isEqualTo(Status.ACTIVE);
    assertThat(standing.residualDue()).isEqualByComparingTo("750.00");
  }

  @Test
  void anInstalmentTheScheduleDoesNotHaveIsRefused() {
    assertThatThrownBy(() -> PlanStanding.evaluate(PLAN, Set.of(5), due(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
