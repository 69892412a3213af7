package it.ksanctions.portal.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A schedule of monthly instalments under art. 202-bis CdS: immutable, built by {@link #of}.
 *
 * <p><b>Due dates.</b> The first instalment falls due on the given date, each next one a month
 * later on the same day of the month, clamped to the month's last day (first due on 31 January: 28
 * or 29 February, 31 March, 30 April…); each is counted from the first, so a short month never
 * shifts the ones after it.
 *
 * <p><b>Interest (art. 21 DPR 602/1973).</b> The annual rate is an input, a percentage ({@code
 * 2.00} means 2 % a year), because the rate in force must be confirmed and changes by decree. The
 * plan is a <em>French amortisation</em> (constant instalment): the monthly rate is the annual rate
 * / 12; the constant instalment is {@code C·i / (1 − (1 + i)^−n)} rounded to the cent (HALF_UP);
 * each month's interest is the residual capital times the monthly rate, rounded to the cent
 * (HALF_UP), and the capital part is the instalment less that interest. So the interest is simple
 * interest on the residual month by month, the first instalment included (the deferral starts a
 * month before the first due date). The last instalment repays exactly the residual capital plus
 * its month's interest: it absorbs every rounding, so the capital parts add up exactly to the
 * amount, and it may differ from the others by a few cents. At rate zero every instalment is the
 * amount / n rounded to the cent, the last one taking the remainder.
 *
 * <p><b>Number of instalments.</b> From 2 to {@link InstalmentRules#maxInstalments}: the band's
 * maximum (12, 24, 60), fewer when the € 100 minimum per instalment allows fewer. The minimum is
 * enforced through the number: on average every instalment repays at least € 100 of capital.
 */
public final class InstalmentPlan {

  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MONTHS_A_YEAR = BigDecimal.valueOf(12);

  private final BigDecimal amount;
  private final BigDecimal annualRatePercent;
  private final LocalDate firstDueDate;
  private final List<Instalment> instalments;

  private InstalmentPlan(
      BigDecimal amount,
      BigDecimal annualRatePercent,
      LocalDate firstDueDate,
      List<Instalment> instalments) {
    this.amount = amount;
    this.annualRatePercent = annualRatePercent;
    this.firstDueDate = firstDueDate;
    this.instalments = List.copyOf(instalments);
  }

  /**
   * The plan for {@code amount} in {@code count} monthly instalments.
   *
   * @param amount the amount due, in euro with at most 2 decimals, over € 200
   * @param count the number of instalments, from 2 to {@link InstalmentRules#maxInstalments}
   * @param annualRatePercent the annual interest rate of art. 21 DPR 602/1973 as a percentage
   *     ({@code 2.00} = 2 %), zero or more
   * @param firstDueDate the first instalment's due date
   * @throws PortalRuleException ({@code portal.instalments.invalid-input}) when the amount, the
   *     number of instalments or the rate is not allowed, with the Italian reason
   */
  public static InstalmentPlan of(
      BigDecimal amount, int count, BigDecimal annualRatePercent, LocalDate firstDueDate) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(annualRatePercent, "annualRatePercent");
    Objects.requireNonNull(firstDueDate, "firstDueDate");
    if (amount.stripTrailingZeros().scale() > 2) {
      throw InstalmentRules.invalid(
          "L'importo " + amount.toPlainString() + " ha più di due decimali.");
    }
    if (!InstalmentRules.amountAdmitsInstalments(amount)) {
      throw InstalmentRules.invalid(
          "Il pagamento rateale è ammesso solo per importi superiori a "
              + InstalmentRules.euro(InstalmentRules.MINIMUM_AMOUNT_EXCLUDED)
              + ": l'importo è "
              + InstalmentRules.euro(amount)
              + ".");
    }
    int max = InstalmentRules.maxInstalments(amount);
    if (count < InstalmentRules.MIN_INSTALMENTS || count > max) {
      throw InstalmentRules.invalid(
          "Numero di rate non ammesso: "
              + count
              + ". Per l'importo di "
              + InstalmentRules.euro(amount)
              + " le rate vanno da "
              + InstalmentRules.MIN_INSTALMENTS
              + " a "
              + max
              + " (ciascuna di almeno "
              + InstalmentRules.euro(InstalmentRules.MINIMUM_INSTALMENT)
              + ").");
    }
    if (annualRatePercent.signum() < 0) {
      throw InstalmentRules.invalid(
          "Il tasso di interesse annuo non può essere negativo: "
              + annualRatePercent.toPlainString()
              + " %.");
    }
    BigDecimal capital = amount.setScale(2, RoundingMode.UNNECESSARY);
    BigDecimal monthlyRate = annualRatePercent.divide(HUNDRED.multiply(MONTHS_A_YEAR), PRECISION);
    BigDecimal constant = constantInstalment(capital, count, monthlyRate);

    List<Instalment> schedule = new ArrayList<>(count);
    BigDecimal residual = capital;
    for (int number = 1; number <= count; number++) {
      LocalDate dueDate = firstDueDate.plusMonths(number - 1L);
      BigDecimal interest = cents(residual.multiply(monthlyRate, PRECISION));
      BigDecimal capitalPart = number == count ? residual : constant.subtract(interest);
      schedule.add(Instalment.of(number, dueDate, capitalPart, interest));
      residual = residual.subtract(capitalPart);
    }
    return new InstalmentPlan(capital, annualRatePercent, firstDueDate, schedule);
  }

  /** The constant instalment of a French amortisation, rounded to the cent. */
  private static BigDecimal constantInstalment(BigDecimal capital, int count, BigDecimal rate) {
    if (rate.signum() == 0) {
      return cents(capital.divide(BigDecimal.valueOf(count), PRECISION));
    }
    BigDecimal discount = BigDecimal.ONE.add(rate).pow(-count, PRECISION);
    return cents(capital.multiply(rate).divide(BigDecimal.ONE.subtract(discount), PRECISION));
  }

  private static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  /** The amount due the plan repays (scale 2). */
  public BigDecimal amount() {
    return amount;
  }

  /** The annual rate, a percentage ({@code 2.00} = 2 %). */
  public BigDecimal annualRatePercent() {
    return annualRatePercent;
  }

  public LocalDate firstDueDate() {
    return firstDueDate;
  }

  public LocalDate lastDueDate() {
    return instalments.get(instalments.size() - 1).dueDate();
  }

  public int count() {
    return instalments.size();
  }

  /** The instalments, first to last (unmodifiable). */
  public List<Instalment> instalments() {
    return instalments;
  }

  /**
   * @param number from 1 to {@link #count()}
   */
  public Instalment instalment(int number) {
    if (number < 1 || number > instalments.size()) {
      throw new IllegalArgumentException(
          "no instalment " + number + " in a plan of " + instalments.size());
    }
    return instalments.get(number - 1);
  }

  /** The sum of the capital parts: always exactly {@link #amount()}. */
  public BigDecimal totalCapital() {
    return instalments.stream().map(Instalment::capital).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal totalInterest() {
    return instalments.stream().map(Instalment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** What the citizen pays in all: capital plus interest. */
  public BigDecimal totalDue() {
    return instalments.stream().map(Instalment::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InstalmentPlan that
        && amount.equals(that.amount)
        && annualRatePercent.compareTo(that.annualRatePercent) == 0
        && firstDueDate.equals(that.firstDueDate)
        && instalments.equals(that.instalments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, annualRatePercent.stripTrailingZeros(), firstDueDate, instalments);
  }

  @Override
  public String toString() {
    return "InstalmentPlan["
        + amount.toPlainString()
        + " in "
        + instalments.size()
        + " at "
        + annualRatePercent.toPlainString()
        + "% from "
        + firstDueDate
        + "]";
  }
}
