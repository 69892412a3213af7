package it.ksanctions.portal.domain;

import it.ksanctions.shared.RuleViolation.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules of art. 202-bis CdS on paying a fine in monthly instalments (LAW-FACTS):
 *
 * <ul>
 *   <li>only for an amount due over € 200 (strictly greater);
 *   <li>only for a taxable income (reddito imponibile IRPEF, from the last tax return) not over €
 *       10,628.16, raised by € 1,032.91 for each family member living together; when the applicant
 *       lives with family members the income compared is the household's, the sum of every member's
 *       (art. 202-bis c. 2);
 *   <li>up to 12 instalments for amounts up to € 2,000, 24 up to € 5,000, 60 above; at least 2;
 *       each at least € 100, which limits the number for small amounts (€ 250: at most 2);
 *   <li>the request within 30 days of the notification (or contestation): the notification day is
 *       day 0, the 30th day is still in time;
 *   <li>the office decides within 90 days of the request;
 *   <li>asking for instalments waives the appeal to the Prefetto and to the Giudice di Pace.
 * </ul>
 *
 * The interest (art. 21 DPR 602/1973) and the schedule are {@link InstalmentPlan}'s; missing
 * instalments is {@link PlanStanding}'s. Plain Java, no state.
 */
public final class InstalmentRules {

  /** Instalments only for amounts strictly greater than this. */
  public static final BigDecimal MINIMUM_AMOUNT_EXCLUDED = new BigDecimal("200.00");

  /** The taxable income limit for an applicant living alone. */
  public static final BigDecimal INCOME_LIMIT = new BigDecimal("10628.16");

  /** What the income limit rises by for each family member living together. */
  public static final BigDecimal INCOME_LIMIT_PER_FAMILY_MEMBER = new BigDecimal("1032.91");

  /** Every instalment is at least this. */
  public static final BigDecimal MINIMUM_INSTALMENT = new BigDecimal("100.00");

  public static final BigDecimal BAND_12_UP_TO = new BigDecimal("2000.00");
  public static final BigDecimal BAND_24_UP_TO = new BigDecimal("5000.00");
  public static final int MIN_INSTALMENTS = 2;
  public static final int MAX_INSTALMENTS_UP_TO_2000 = 12;
  public static final int MAX_INSTALMENTS_UP_TO_5000 = 24;
  public static final int MAX_INSTALMENTS_ABOVE_5000 = 60;

  /** Days from the notification (day 0) within which the request is in time. */
  public static final int REQUEST_TERM_DAYS = 30;

  /** Days from the request within which the office decides. */
  public static final int DECISION_TERM_DAYS = 90;

  /** Asking for instalments waives the appeal (art. 202-bis): the UI says so before sending. */
  public static final boolean REQUEST_WAIVES_APPEAL = true;

  /** What the citizen reads before sending the request. */
  public static final String APPEAL_WAIVER_NOTICE =
      "Attenzione: la richiesta di pagamento rateale comporta la rinuncia a presentare ricorso al"
          + " Prefetto o al Giudice di Pace.";

  public static final String NOT_ELIGIBLE = "portal.instalments.not-eligible";
  public static final String INVALID_INPUT = "portal.instalments.invalid-input";

  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private InstalmentRules() {}

  /**
   * Whether a request for instalments may be accepted: every reason it may not, in Italian.
   *
   * @param amountDue the amount the citizen owes, in euro
   * @param taxableIncome the applicant's taxable income from the last tax return; with family
   *     members living together, the household's (the sum of every member's)
   * @param familyMembers the family members living with the applicant (0 when alone)
   * @param notifiedOn the day of notification or contestation (day 0 of the term)
   * @param requestedOn the day of the request
   * @throws PortalRuleException ({@code portal.instalments.invalid-input}) on a malformed input: a
   *     negative number of family members or income, a request before the notification
   */
  public static Eligibility check(
      BigDecimal amountDue,
      BigDecimal taxableIncome,
      int familyMembers,
      LocalDate notifiedOn,
      LocalDate requestedOn) {
    Objects.requireNonNull(amountDue, "amountDue");
    Objects.requireNonNull(taxableIncome, "taxableIncome");
    Objects.requireNonNull(notifiedOn, "notifiedOn");
    Objects.requireNonNull(requestedOn, "requestedOn");
    if (familyMembers < 0) {
      throw invalid("Il numero dei familiari conviventi non può essere negativo.");
    }
    if (taxableIncome.signum() < 0) {
      throw invalid("Il reddito imponibile non può essere negativo.");
    }
    if (requestedOn.isBefore(notifiedOn)) {
      throw invalid(
          "La data della richiesta ("
              + date(requestedOn)
              + ") precede quella della notifica ("
              + date(notifiedOn)
              + ").");
    }
    List<String> reasons = new ArrayList<>();
    if (!amountAdmitsInstalments(amountDue)) {
      reasons.add(
          "Il pagamento rateale è ammesso solo per importi superiori a "
              + euro(MINIMUM_AMOUNT_EXCLUDED)
              + ": l'importo dovuto è "
              + euro(amountDue)
              + ".");
    }
    BigDecimal limit = incomeLimit(familyMembers);
    if (taxableIncome.compareTo(limit) > 0) {
      reasons.add(
          "Il reddito imponibile di "
              + euro(taxableIncome)
              + " supera il limite di "
              + euro(limit)
              + (familyMembers == 0
                  ? ""
                  : " (elevato di "
                      + euro(INCOME_LIMIT_PER_FAMILY_MEMBER)
                      + " per ciascuno dei "
                      + familyMembers
                      + " familiari conviventi)")
              + ".");
    }
    if (!requestInTime(notifiedOn, requestedOn)) {
      reasons.add(
          "La richiesta va presentata entro "
              + REQUEST_TERM_DAYS
              + " giorni dalla notifica del "
              + date(notifiedOn)
              + ", cioè entro il "
              + date(requestDeadline(notifiedOn))
              + ".");
    }
    return new Eligibility(reasons);
  }

  /** Whether the amount admits instalments at all: strictly over € 200. */
  public static boolean amountAdmitsInstalments(BigDecimal amountDue) {
    return amountDue.compareTo(MINIMUM_AMOUNT_EXCLUDED) > 0;
  }

  /** The taxable income limit for an applicant with {@code familyMembers} living together. */
  public static BigDecimal incomeLimit(int familyMembers) {
    if (familyMembers < 0) {
      throw invalid("Il numero dei familiari conviventi non può essere negativo.");
    }
    return INCOME_LIMIT.add(
        INCOME_LIMIT_PER_FAMILY_MEMBER.multiply(BigDecimal.valueOf(familyMembers)));
  }

  /** The band's maximum: 12 up to € 2,000, 24 up to € 5,000, 60 above. */
  public static int bandMaximum(BigDecimal amountDue) {
    if (amountDue.compareTo(BAND_12_UP_TO) <= 0) {
      return MAX_INSTALMENTS_UP_TO_2000;
    }
    if (amountDue.compareTo(BAND_24_UP_TO) <= 0) {
      return MAX_INSTALMENTS_UP_TO_5000;
    }
    return MAX_INSTALMENTS_ABOVE_5000;
  }

  /**
   * The most instalments the amount allows: the band's maximum, less when the € 100 minimum per
   * instalment allows fewer ({@code floor(amount / 100)}); 0 when the amount admits no instalments
   * (not over € 200).
   */
  public static int maxInstalments(BigDecimal amountDue) {
    Objects.requireNonNull(amountDue, "amountDue");
    if (!amountAdmitsInstalments(amountDue)) {
      return 0;
    }
    int byMinimum =
        amountDue
            .divide(MINIMUM_INSTALMENT, 0, RoundingMode.FLOOR)
            .min(BigDecimal.valueOf(Integer.MAX_VALUE))
            .intValueExact();
    return Math.min(bandMaximum(amountDue), byMinimum);
  }

  /** The last day a request is in time: the notification day plus 30 days. */
  public static LocalDate requestDeadline(LocalDate notifiedOn) {
    return notifiedOn.plusDays(REQUEST_TERM_DAYS);
  }

  /** Whether a request made on {@code requestedOn} is in time (the 30th day still is). */
  public static boolean requestInTime(LocalDate notifiedOn, LocalDate requestedOn) {
    return !requestedOn.isAfter(requestDeadline(notifiedOn));
  }

  /** The last day for the office's decision: the request day plus 90 days. */
  public static LocalDate decisionDeadline(LocalDate requestedOn) {
    return requestedOn.plusDays(DECISION_TERM_DAYS);
  }

  /** An amount as an Italian reads it: {@code € 1.234,50}. */
  static String euro(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return "€ " + format.format(amount);
  }

  /** A date as an Italian reads it: {@code 05/03/2026}. */
  static String date(LocalDate day) {
    return ITALIAN_DATE.format(day);
  }

  static PortalRuleException invalid(String italianMessage) {
    return new PortalRuleException(INVALID_INPUT, italianMessage, Kind.INVALID_INPUT);
  }

  /**
   * The outcome of {@link #check}: eligible when there is no reason against.
   *
   * @param reasons every reason the request may not be accepted, in Italian; empty when eligible
   */
  public record Eligibility(List<String> reasons) {

    public Eligibility {
      reasons = List.copyOf(reasons);
    }

    public boolean eligible() {
      return reasons.isEmpty();
    }

    /** All the reasons in one Italian message (empty when eligible). */
    public String italianMessage() {
      return String.join(" ", reasons);
    }

    /**
     * @throws PortalRuleException ({@code portal.instalments.not-eligible}, a conflict) with every
     *     reason, when not eligible
     */
    public void requireEligible() {
      if (!eligible()) {
        throw new PortalRuleException(
            NOT_ELIGIBLE, "Pagamento rateale non ammesso. " + italianMessage());
      }
    }
  }
}
