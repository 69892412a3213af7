package it.ksanctions.portal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One instalment of an {@link InstalmentPlan}: what falls due on {@code dueDate}, in euro cents.
 *
 * @param number 1 for the first instalment
 * @param dueDate the last day to pay it
 * @param capital the part of the amount due it repays
 * @param interest the interest of art. 21 DPR 602/1973 for its month
 * @param total capital plus interest: what the citizen pays
 */
public record Instalment(
    int number, LocalDate dueDate, BigDecimal capital, BigDecimal interest, BigDecimal total) {

  public Instalment {
    if (number < 1) {
      throw new IllegalArgumentException("number must be 1 or more: " + number);
    }
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(capital, "capital");
    Objects.requireNonNull(interest, "interest");
    Objects.requireNonNull(total, "total");
    if (capital.add(interest).compareTo(total) != 0) {
      throw new IllegalArgumentException("total must be capital plus interest: " + total);
    }
  }

  /** An instalment whose total is its capital plus its interest. */
  static Instalment of(int number, LocalDate dueDate, BigDecimal capital, BigDecimal interest) {
    return new Instalment(number, dueDate, capital, interest, capital.add(interest));
  }
}
