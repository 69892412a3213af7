package it.ksanctions.articles.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One way to settle a fine: how much (sanction only, in euro with two decimals; fees are added by
 * the command, SPEC CMD-2) and the last day on which that amount is accepted, already moved past
 * Sundays and holidays. {@link PaymentWindowType#HALF_MAXIMUM} has no last day ({@code null}).
 */
public record PaymentWindow(PaymentWindowType type, BigDecimal amount, LocalDate lastDay) {

  public PaymentWindow {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0 || amount.scale() != 2) {
      throw new IllegalArgumentException(
          "A payment amount has two decimals and is not negative: " + amount);
    }
    if ((type == PaymentWindowType.HALF_MAXIMUM) != (lastDay == null)) {
      throw new IllegalArgumentException(
          type + (lastDay == null ? " needs a last day" : " has no last day, got " + lastDay));
    }
  }
}
