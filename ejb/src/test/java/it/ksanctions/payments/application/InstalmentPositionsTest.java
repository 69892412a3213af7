package it.ksanctions.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.payments.domain.Reconciliation.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstalmentPositionsTest {

  static final BigDecimal RATA = new BigDecimal("127.03");

  @Test
  void theIupdOfAnInstalmentIsTheActsWithItsNumber() {
    assertThat(InstalmentPositions.iupd("2026/000123", 1)).isEqualTo("KS-2026-000123-R01");
    assertThat(InstalmentPositions.iupd("2026/000123", 12)).isEqualTo("KS-2026-000123-R12");
  }

  @Test
  void anInstalmentPaidExactlyIsAppliedAndTheActStaysPartlyDueWhileOthersAreUnpaid() {
    Result r = InstalmentPositions.outcome(false, false, RATA, new BigDecimal("254.06"), RATA);
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
    assertThat(r.paidInFull()).isFalse();
    assertThat(r.residual()).isEqualByComparingTo("254.06");
    assertThat(r.excess()).isZero();
  }

  @Test
  void theLastInstalmentPaysTheActInFull() {
    Result r = InstalmentPositions.outcome(false, false, RATA, BigDecimal.ZERO, RATA);
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.APPLIED);
    assertThat(r.paidInFull()).isTrue();
    assertThat(r.residual()).isZero();
  }

  @Test
  void paidMoreIsOverpaidWithTheExcess() {
    Result r =
        InstalmentPositions.outcome(false, false, RATA, BigDecimal.ZERO, new BigDecimal("130.00"));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.OVERPAID);
    assertThat(r.paidInFull()).isTrue();
    assertThat(r.excess()).isEqualByComparingTo("2.97");
  }

  @Test
  void paidLessIsPartialWithTheWholeResidual() {
    Result r =
        InstalmentPositions.outcome(
            false, false, RATA, new BigDecimal("100.00"), new BigDecimal("100.00"));
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.PARTIAL);
    assertThat(r.paidInFull()).isFalse();
    assertThat(r.residual()).isEqualByComparingTo("127.03");
  }

  @Test
  void anInstalmentPaidTwiceIsADuplicate() {
    Result r = InstalmentPositions.outcome(false, true, RATA, BigDecimal.ZERO, RATA);
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.DUPLICATE);
    assertThat(r.excess()).isEqualByComparingTo(RATA);
  }

  @Test
  void anInstalmentOfAnAnnulledActIsToBeRefunded() {
    Result r = InstalmentPositions.outcome(true, false, RATA, BigDecimal.ZERO, RATA);
    assertThat(r.outcome()).isEqualTo(ReceiptOutcome.ANNULLED_ACT);
    assertThat(r.paidInFull()).isFalse();
    assertThat(r.excess()).isEqualByComparingTo(RATA);
  }

  @Test
  void aDueNeedsAPositiveAmountAndANumber() {
    LocalDate day = LocalDate.of(2026, 3, 1);
    assertThatThrownBy(() -> new InstalmentPositions.Due(0, day, RATA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstalmentPositions.Due(1, day, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
