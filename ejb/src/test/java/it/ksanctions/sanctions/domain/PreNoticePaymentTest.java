package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.articles.domain.PaymentWindow;
import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.articles.domain.PaymentWindows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PreNoticePaymentTest {

  static final LocalDate VIOLATION = LocalDate.of(2026, 3, 2);
  static final PaymentWindow REDUCED =
      new PaymentWindow(
          PaymentWindowType.REDUCED_30, new BigDecimal("29.40"), VIOLATION.plusDays(5));
  static final PaymentWindow MINIMUM =
      new PaymentWindow(PaymentWindowType.MINIMUM, new BigDecimal("42.00"), VIOLATION.plusDays(60));
  static final PaymentWindow HALF =
      new PaymentWindow(PaymentWindowType.HALF_MAXIMUM, new BigDecimal("86.50"), null);
  static final Optional<PaymentWindows> WITH_REDUCTION =
      Optional.of(new PaymentWindows(List.of(REDUCED, MINIMUM, HALF), false));

  @Test
  void theCodeIsTheUuidsFirstEightDigitsAndIsTypedInAnyShape() {
    UUID id = UUID.fromString("3f2a9c1b-0000-4000-8000-000000000001");
    assertThat(PreNoticePayment.code(id)).isEqualTo("3F2A9C1B");
    assertThat(PreNoticePayment.printed(id)).isEqualTo("3F2A-9C1B");
    assertThat(PreNoticePayment.normaliseCode(" 3f2a-9c1b ")).isEqualTo("3F2A9C1B");
    assertThat(PreNoticePayment.normaliseCode("3F2A 9C1B")).isEqualTo("3F2A9C1B");
  }

  @Test
  void aMalformedCodeIsRefusedInItalian() {
    assertThatThrownBy(() -> PreNoticePayment.normaliseCode(" "))
        .isInstanceOf(SanctionsRuleException.class)
        .hasMessageContaining("Inserire il codice del preavviso");
    assertThatThrownBy(() -> PreNoticePayment.normaliseCode("3F2A-9C1"))
        .isInstanceOf(SanctionsRuleException.class)
        .hasMessageContaining("8 caratteri");
    assertThatThrownBy(() -> PreNoticePayment.normaliseCode("3F2A-9C1Z"))
        .isInstanceOf(SanctionsRuleException.class)
        .hasMessageContaining("lettere da A a F");
  }

  @Test
  void theReducedAmountWithinFiveDaysThenTheMinimumUntilTheSixtiethDay() {
    assertThat(payable(VIOLATION)).isEqualTo(REDUCED);
    assertThat(payable(VIOLATION.plusDays(5))).isEqualTo(REDUCED);
    assertThat(payable(VIOLATION.plusDays(6))).isEqualTo(MINIMUM);
    assertThat(payable(VIOLATION.plusDays(60))).isEqualTo(MINIMUM);
    assertThatThrownBy(() -> payable(VIOLATION.plusDays(61)))
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).code())
        .isEqualTo("sanctions.pre-notice-payment.expired");
  }

  @Test
  void withoutTheReductionTheMinimumFromTheFirstDay() {
    Optional<PaymentWindows> noReduction =
        Optional.of(new PaymentWindows(List.of(MINIMUM, HALF), false));
    assertThat(
            PreNoticePayment.payableOn(
                PreNoticeStatus.RECORDED, null, null, noReduction, VIOLATION))
        .isEqualTo(MINIMUM);
  }

  @Test
  void notPayableOnceAnActExistsOrWhenArchivedOrWithoutPaymentInReducedMeasure() {
    assertThat(code(PreNoticeStatus.VALIDATED, null, "2026/000123", WITH_REDUCTION))
        .isEqualTo("sanctions.pre-notice-payment.act-issued");
    assertThat(code(PreNoticeStatus.RECORDED, "B-0042", null, WITH_REDUCTION))
        .isEqualTo("sanctions.pre-notice-payment.act-issued");
    assertThat(code(PreNoticeStatus.ARCHIVED, null, null, WITH_REDUCTION))
        .isEqualTo("sanctions.pre-notice-payment.archived");
    assertThat(code(PreNoticeStatus.RECORDED, null, null, Optional.empty()))
        .isEqualTo("sanctions.pre-notice-payment.not-allowed");
    assertThat(
            code(
                PreNoticeStatus.RECORDED,
                null,
                null,
                Optional.of(new PaymentWindows(List.of(HALF), false))))
        .isEqualTo("sanctions.pre-notice-payment.not-allowed");
    assertThat(code(PreNoticeStatus.VALIDATED, null, null, WITH_REDUCTION)).isNull();
  }

  private static PaymentWindow payable(LocalDate today) {
    return PreNoticePayment.payableOn(PreNoticeStatus.RECORDED, null, null, WITH_REDUCTION, today);
  }

  private static String code(
      PreNoticeStatus status, String contested, String issued, Optional<PaymentWindows> windows) {
    try {
      PreNoticePayment.payableOn(status, contested, issued, windows, VIOLATION);
      return null;
    } catch (SanctionsRuleException e) {
      return e.code();
    }
  }
}
