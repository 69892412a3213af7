package it.ksanctions.sanctions.domain;

import it.ksanctions.articles.domain.PaymentWindow;
import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.shared.RuleViolation.Kind;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Paying a pre-notice before notification (issue 16 item 3, ADR 0013), the rules that need nothing
 * but the pre-notice and the engine's windows.
 *
 * <p>The citizen finds the pre-notice with its plate and its code: the first eight hexadecimal
 * digits of the pre-notice's UUID, which the handheld prints on the windscreen form without asking
 * the server (the UUID is the device's own). The windows run from the violation day as if the
 * violation had been contested then: the reduced amount (where the article allows it) within 5
 * days, the minimum within 60; the fees are those of the act without the notification's, which a
 * citizen paying before notification does not owe.
 *
 * <p>Not payable: a pre-notice already contested on the spot or already become an act (the act is
 * paid instead), an archived one, one whose article offers no payment in reduced measure, one whose
 * 60 days have passed.
 */
public final class PreNoticePayment {

  /** How many hexadecimal digits of the UUID make the code printed on the pre-notice. */
  public static final int CODE_LENGTH = 8;

  private static final Pattern CODE = Pattern.compile("[0-9A-F]{" + CODE_LENGTH + "}");

  /** The status of a pre-notice's pagoPA notice. Stored: never rename. */
  public enum Status {
    /** Payable: its debt position is (or is being) published. */
    OPEN,
    /** Its receipt came. */
    PAID,
    /** Its window closed or the act was issued before it was paid: invalidated on GPD. */
    SUPERSEDED
  }

  private PreNoticePayment() {}

  /** The code printed on pre-notice {@code id}: {@code 3F2A9C1B}. */
  public static String code(UUID id) {
    return id.toString().substring(0, CODE_LENGTH).toUpperCase(Locale.ROOT);
  }

  /** The code as printed, in two groups: {@code 3F2A-9C1B}. */
  public static String printed(UUID id) {
    String code = code(id);
    return code.substring(0, 4) + "-" + code.substring(4);
  }

  /**
   * The canonical code of what a citizen typed (blanks and dashes ignored, any case).
   *
   * @throws SanctionsRuleException when it is not eight hexadecimal digits
   */
  public static String normaliseCode(String typed) {
    String code =
        typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).strip();
    if (code.isEmpty()) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.code-required",
          "Inserire il codice del preavviso (8 caratteri, stampato sul preavviso).",
          Kind.INVALID_INPUT);
    }
    if (!CODE.matcher(code).matches()) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.code-invalid",
          "Il codice del preavviso è di 8 caratteri, cifre da 0 a 9 e lettere da A a F"
              + " (per esempio 3F2A-9C1B).",
          Kind.INVALID_INPUT);
    }
    return code;
  }

  /**
   * The window payable on {@code today}, refusing with the Italian reason when there is none.
   *
   * @param status the pre-notice's status
   * @param contestedNumber the act's number when the violation was contested on the spot, or null
   * @param issuedNumber the number of the act issued from the pre-notice, or null
   * @param windows the engine's windows from the violation day, or null when no version of the
   *     article was in force then
   */
  public static PaymentWindow payableOn(
      PreNoticeStatus status,
      String contestedNumber,
      String issuedNumber,
      Optional<it.ksanctions.articles.domain.PaymentWindows> windows,
      LocalDate today) {
    String act = issuedNumber != null ? issuedNumber : contestedNumber;
    if (act != null) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.act-issued",
          "La violazione è già diventata il verbale n. "
              + act
              + ": si paga il verbale, accedendo con il codice fiscale e il PIN stampati sul"
              + " verbale.",
          Kind.CONFLICT);
    }
    if (status == PreNoticeStatus.ARCHIVED) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.archived",
          "Il preavviso è stato archiviato dal comando: non c'è nulla da pagare.",
          Kind.CONFLICT);
    }
    PaymentWindow minimum = windows.flatMap(w -> w.window(PaymentWindowType.MINIMUM)).orElse(null);
    if (minimum == null) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.not-allowed",
          "Per questa violazione il pagamento sul preavviso non è ammesso: il comando notificherà"
              + " il verbale.",
          Kind.CONFLICT);
    }
    Optional<PaymentWindow> reduced = windows.get().window(PaymentWindowType.REDUCED_30);
    if (reduced.isPresent() && !today.isAfter(reduced.get().lastDay())) {
      return reduced.get();
    }
    if (!today.isAfter(minimum.lastDay())) {
      return minimum;
    }
    throw new SanctionsRuleException(
        "sanctions.pre-notice-payment.expired",
        "Il termine per pagare il preavviso è scaduto il "
            + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(minimum.lastDay())
            + ": il comando notificherà il verbale, con le spese di notifica.",
        Kind.CONFLICT);
  }
}
