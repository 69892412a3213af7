package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentWindowsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 16);

  @Test
  void halfTheMaximumHasNoLastDay() {
    assertThatThrownBy(
            () -> new PaymentWindow(PaymentWindowType.HALF_MAXIMUM, new BigDecimal("347.00"), DAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reducedAndMinimumWindowsNeedALastDay() {
    assertThatThrownBy(
            () -> new PaymentWindow(PaymentWindowType.REDUCED_30, new BigDecimal("121.10"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PaymentWindow(PaymentWindowType.MINIMUM, new BigDecimal("173.00"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void amountsAreInCentsAndNotNegative() {
    assertThatThrownBy(
            () -> new PaymentWindow(PaymentWindowType.MINIMUM, new BigDecimal("173"), DAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PaymentWindow(PaymentWindowType.MINIMUM, new BigDecimal("-1.00"), DAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windowsAreFoundByTypeAndCannotBeChanged() {
    List<PaymentWindow> given = new ArrayList<>();
    given.add(new PaymentWindow(PaymentWindowType.MINIMUM, new BigDecimal("543.00"), DAY));
    PaymentWindows windows = new PaymentWindows(given, false);

    given.clear();

    assertThat(windows.windows()).hasSize(1);
    assertThat(windows.window(PaymentWindowType.MINIMUM)).isPresent();
    assertThat(windows.window(PaymentWindowType.REDUCED_30)).isEmpty();
    assertThat(windows.reducedPaymentOffered()).isFalse();
    assertThatThrownBy(() -> windows.windows().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
