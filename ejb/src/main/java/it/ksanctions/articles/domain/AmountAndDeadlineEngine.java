package it.ksanctions.articles.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an article version, the moment of the violation, the day of contestation or notification
 * and the tenant's calendar into the payment windows of the fine (SPEC ART-4; arts. 195, 202, 203
 * CdS; for local regulations, SPEC ART-5, art. 16 L. 689/1981). A pure function: no clock, no
 * database, no state, safe to share between threads; the verbale, the pagoPA payment options and
 * the citizen portal all read the same answer from it.
 *
 * <p><b>Amounts</b> (Highway Code articles).
 *
 * <ul>
 *   <li>Night increase first (art. 195 c. 2-bis, see {@link NightTimeIncrease}): when the version
 *       has it and the violation is at night, minimum and maximum are both increased by one third,
 *       and the increased amounts are the base of every window.
 *   <li>{@link PaymentWindowType#REDUCED_30}: 70% of the (increased) minimum, offered only when no
 *       accessory sanction excludes it (art. 202 c. 1: licence suspension, confiscation).
 *   <li>{@link PaymentWindowType#MINIMUM}: the (increased) minimum.
 *   <li>{@link PaymentWindowType#HALF_MAXIMUM}: half the (increased) maximum (art. 203 c. 3).
 * </ul>
 *
 * <p><b>Rounding.</b> Each window's amount is computed exactly from the catalogue amount (whole
 * cents) and one fraction (1, 4/3, 7/10, 14/15, 1/2 or 2/3; 1/3 or 2 for local regulations), then
 * rounded once, HALF_UP to the cent; no rounded intermediate result feeds another window. So 173 at
 * night gives minimum 173 × 4/3 = 230.666… → 230.67 and reduced 173 × 4/3 × 7/10 = 161.466… →
 * 161.47; 42 gives reduced 29.40; 694 gives half maximum 347.00. For whole-euro catalogue amounts
 * (as the national ones are) the reduced amount also equals 70% of the rounded minimum shown on the
 * verbale, to the cent. Rounding in steps could differ by one cent: 173 at night gives half maximum
 * 173 × 2/3 = 115.333… → 115.33, while halving a rounded 230.67 would give 115.34. We keep the
 * amount nearest to the law's exact figure.
 *
 * <p><b>Deadlines.</b> The day of contestation or notification is not counted, so the reduced term
 * ends on that day + 5 and the minimum term on that day + 60; a term that ends on a day that is not
 * a working day of the tenant's {@link DeadlineCalendar} (Sunday, national holiday, patron saint)
 * moves to the next working day. The half-maximum window has no end.
 *
 * <p><b>Local regulations and ordinances</b> (SPEC ART-5, {@link ArticleCode#isLocal()}: codes such
 * as {@code ZTL-01}) are not Highway Code violations: their fines follow the general law on
 * administrative sanctions, L. 689/1981 (limits of € 25–500 unless a law says otherwise, art. 7-bis
 * D.Lgs. 267/2000), so none of arts. 195, 202 and 203 CdS applies. Their answer is a single window
 * (ADR 0004):
 *
 * <ul>
 *   <li>no {@link PaymentWindowType#REDUCED_30}: the 30% reduction within 5 days is art. 202 c. 1
 *       CdS only;
 *   <li>no night increase: art. 195 c. 2-bis CdS only ({@link PaymentWindows#nightIncrease()} is
 *       always {@code false});
 *   <li>{@link PaymentWindowType#MINIMUM} (name kept for the REST contract) is the payment in
 *       reduced measure of art. 16 L. 689/1981, within 60 days of contestation or notification
 *       (same day counting and holiday shift as above). Its amount is the reduced amount the Giunta
 *       comunale set for the violation within the limits of the regulation (art. 16 c. 2), when the
 *       version has one; otherwise the more favourable to the offender of one third of the maximum
 *       and double the minimum (art. 16 c. 1), each rounded once HALF_UP to the cent: 80–320 gives
 *       320 / 3 = 106.666… → 106.67; 25–500 gives 2 × 25 = 50.00; a fixed amount of 90 (minimum
 *       equal to maximum) gives 30.00;
 *   <li>no window after the 60 days. Without payment in reduced measure the command reports to the
 *       competent authority (art. 17), which sets the sum due between minimum and maximum with the
 *       criteria of art. 11 in an ordinanza-ingiunzione (art. 18). No amount is due by law on day
 *       61, so the engine offers none: a {@link PaymentWindowType#HALF_MAXIMUM} window would
 *       misname it, and a window at the maximum would present the ceiling of a discretionary
 *       decision as a sum owed.
 * </ul>
 */
public final class AmountAndDeadlineEngine {

  /** Days, after the day of contestation or notification, to pay with the 30% reduction. */
  public static final int REDUCED_PAYMENT_DAYS = 5;

  /**
   * Days, after the day of contestation or notification, to pay the minimum (art. 202 c. 1 CdS) or,
   * for a local regulation, the sum in reduced measure (art. 16 c. 1 L. 689/1981).
   */
  public static final int MINIMUM_PAYMENT_DAYS = 60;

  private static final Fraction UNCHANGED = new Fraction(1, 1);
  private static final Fraction PLUS_ONE_THIRD = new Fraction(4, 3);
  private static final Fraction SEVENTY_PERCENT = new Fraction(7, 10);
  private static final Fraction ONE_HALF = new Fraction(1, 2);
  private static final Fraction ONE_THIRD = new Fraction(1, 3);
  private static final Fraction DOUBLE = new Fraction(2, 1);

  /**
   * The payment windows of one violation.
   *
   * @param article the article version in force on the violation day
   * @param violation when the violation was committed, local civil time in Italy
   * @param notifiedOn the day of contestation (on the spot) or notification
   * @param calendar the tenant's calendar
   * @throws ArticleVersionNotInForceException when the version does not cover the violation day
   * @throws NotificationBeforeViolationException when {@code notifiedOn} precedes the violation
   */
  public PaymentWindows paymentWindows(
      ArticleVersion article,
      LocalDateTime violation,
      LocalDate notifiedOn,
      DeadlineCalendar calendar) {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(violation, "violation");
    Objects.requireNonNull(notifiedOn, "notifiedOn");
    Objects.requireNonNull(calendar, "calendar");
    LocalDate violationDay = violation.toLocalDate();
    if (!article.isInForceOn(violationDay)) {
      throw new ArticleVersionNotInForceException(article, violationDay);
    }
    if (notifiedOn.isBefore(violationDay)) {
      throw new NotificationBeforeViolationException(notifiedOn, violationDay);
    }
    if (article.isLocalRegulation()) {
      return localRegulationWindows(article, notifiedOn, calendar);
    }

    boolean night = article.nightIncreaseApplies() && NightTimeIncrease.isNightTime(violation);
    Fraction increase = night ? PLUS_ONE_THIRD : UNCHANGED;

    List<PaymentWindow> windows = new ArrayList<>(3);
    if (article.reducedPaymentAllowed()) {
      windows.add(
          new PaymentWindow(
              PaymentWindowType.REDUCED_30,
              increase.times(SEVENTY_PERCENT).of(article.minimum()),
              lastDay(notifiedOn, REDUCED_PAYMENT_DAYS, calendar)));
    }
    windows.add(
        new PaymentWindow(
            PaymentWindowType.MINIMUM,
            increase.of(article.minimum()),
            lastDay(notifiedOn, MINIMUM_PAYMENT_DAYS, calendar)));
    windows.add(
        new PaymentWindow(
            PaymentWindowType.HALF_MAXIMUM, increase.times(ONE_HALF).of(article.maximum()), null));
    return new PaymentWindows(windows, night);
  }

  /**
   * L. 689/1981 art. 16: one window, the payment in reduced measure within 60 days; no night
   * increase, no 30% reduction, no window afterwards (see the class comment).
   */
  private static PaymentWindows localRegulationWindows(
      ArticleVersion article, LocalDate notifiedOn, DeadlineCalendar calendar) {
    BigDecimal amount =
        article.municipalReducedPayment().orElseGet(() -> reducedMeasureArt16(article));
    return new PaymentWindows(
        List.of(
            new PaymentWindow(
                PaymentWindowType.MINIMUM,
                amount,
                lastDay(notifiedOn, MINIMUM_PAYMENT_DAYS, calendar))),
        false);
  }

  /**
   * Art. 16 c. 1 L. 689/1981: one third of the maximum or, if more favourable to the offender,
   * double the minimum. Rounding to the cent keeps the order of the two, so the smaller rounded
   * figure is the rounded smaller one.
   */
  private static BigDecimal reducedMeasureArt16(ArticleVersion article) {
    BigDecimal oneThirdOfMaximum = ONE_THIRD.of(article.maximum());
    BigDecimal doubleMinimum = DOUBLE.of(article.minimum());
    return oneThirdOfMaximum.min(doubleMinimum);
  }

  private static LocalDate lastDay(LocalDate notifiedOn, int days, DeadlineCalendar calendar) {
    return calendar.firstWorkingDayFrom(notifiedOn.plusDays(days));
  }

  /** An exact factor applied to an amount with a single HALF_UP rounding to the cent. */
  private record Fraction(int numerator, int denominator) {

    Fraction times(Fraction other) {
      return new Fraction(numerator * other.numerator, denominator * other.denominator);
    }

    BigDecimal of(BigDecimal amount) {
      return amount
          .multiply(BigDecimal.valueOf(numerator))
          .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
  }
}
