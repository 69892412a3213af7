package it.ksanctions.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.payments.domain.Reconciliation.ActState;
import it.ksanctions.payments.domain.Reconciliation.Result;
import it.ksanctions.payments.domain.Reconciliation.Window;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  static final LocalDate NOTIFIED = LocalDate.of(2026, 12, 1);
  static final List<Window> WINDOWS =
      List.of(
          new Window("REDUCED_30", new BigDecimal("42.20"), NOTIFIED.plusDays(5), "R1"),
          new Window("MINIMUM", new BigDecimal("55.80"), NOTIFIED.plusDays(60), "M1"),
          new Window("HALF_MAXIMUM", new BigDecimal("100.50"), null, null));

  static ActState act(String paid) {
    return new ActState(false, WINDOWS, new BigDecimal(paid));
  }

  @Test
  void reducedWithinFiveDaysPaysInFull() {
    Result r =
        Reconciliation.reconcile(act("0"), "R1", new BigDecimal("42.20"), NOTIFIED.plusDays(5));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
    assertThat(r.paidInFull()).isTrue();
  }

  @Test
  void reducedPaidLateLeavesTheDifferenceToTheMinimum() {
    Result r =
        Reconciliation.reconcile(act("0"), "R1", new BigDecimal("42.20"), NOTIFIED.plusDays(6));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.LATE_REDUCED);
    assertThat(r.paidInFull()).isFalse();
    assertThat(r.residual()).isEqualByComparingTo("13.60");
  }

  @Test
  void beforeNotificationTheReducedAmountIsDue() {
    List<Window> notYet =
        List.of(
            new Window("REDUCED_30", new BigDecimal("42.20"), null, "R1"),
            new Window("MINIMUM", new BigDecimal("55.80"), null, "M1"));
    Result r =
        Reconciliation.reconcile(
            new ActState(false, notYet, BigDecimal.ZERO), "R1", new BigDecimal("42.20"), NOTIFIED);
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
  }

  @Test
  void minimumAfterSixtyDaysLeavesTheDifferenceToHalfTheMaximum() {
    Result r =
        Reconciliation.reconcile(act("0"), "M1", new BigDecimal("55.80"), NOTIFIED.plusDays(61));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.PARTIAL);
    assertThat(r.residual()).isEqualByComparingTo("44.70");
  }

  @Test
  void aSecondPaymentOfAPaidActIsADuplicateToRefund() {
    Result r =
        Reconciliation.reconcile(
            new ActState(false, WINDOWS, new BigDecimal("42.20"), true),
            "M1",
            new BigDecimal("55.80"),
            NOTIFIED.plusDays(3));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DUPLICATE);
    assertThat(r.excess()).isEqualByComparingTo("55.80");
  }

  @Test
  void moreThanDueIsOverpaidWithTheExcess() {
    Result r =
        Reconciliation.reconcile(act("0"), "M1", new BigDecimal("60.00"), NOTIFIED.plusDays(10));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.OVERPAID);
    assertThat(r.paidInFull()).isTrue();
    assertThat(r.excess()).isEqualByComparingTo("4.20");
  }

  @Test
  void lessThanDueIsPartialAndTheResidualCountsEarlierPayments() {
    Result first =
        Reconciliation.reconcile(act("0"), "M1", new BigDecimal("50.00"), NOTIFIED.plusDays(10));
    assertThat(first.outcome()).isEqualTo(ReceiptOutcome.PARTIAL);
    assertThat(first.residual()).isEqualByComparingTo("5.80");
    Result second =
        Reconciliation.reconcile(act("50.00"), "M1", new BigDecimal("5.80"), NOTIFIED.plusDays(12));
    assertThat(second.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
  }

  @Test
  void unknownIuvAndAnnulledActAreAnomalies() {
    assertThat(Reconciliation.reconcile(null, "X", BigDecimal.TEN, NOTIFIED).outcome())
        .isEqualTo(ReceiptOutcome.UNKNOWN_IUV);
    assertThat(
            Reconciliation.reconcile(
                    new ActState(true, WINDOWS, BigDecimal.ZERO), "M1", BigDecimal.TEN, NOTIFIED)
                .outcome())
        .isEqualTo(ReceiptOutcome.ANNULLED_ACT);
    assertThat(ReceiptOutcome.APPLIED.anomaly()).isFalse();
    assertThat(ReceiptOutcome.DUPLICATE.anomaly()).isTrue();
  }
}
