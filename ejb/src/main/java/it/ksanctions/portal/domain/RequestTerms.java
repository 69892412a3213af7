package it.ksanctions.portal.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms of a citizen's request, counted in calendar days from the notification of the act: the
 * notification day is day 0 and the last day is still in time. A term ending on a holiday is not
 * moved here: the product stays on the earlier, safe side.
 *
 * <ul>
 *   <li>Appeal to the Prefetto (art. 203 CdS): 60 days, only while the act is not paid.
 *   <li>Appeal to the Giudice di Pace (art. 204-bis CdS): 30 days, 60 when the recipient resides
 *       abroad; only while the act is not paid either (art. 204-bis c. 1).
 *   <li>Driver identification (art. 126-bis CdS): 60 days.
 *   <li>Self-protection request and communications: no term.
 * </ul>
 *
 * The command forwards an appeal to the Prefetto within 60 days of receiving it (art. 203 c. 2);
 * the Prefetto decides within 120 days (art. 204 c. 1).
 */
public final class RequestTerms {

  public static final int PREFETTO_APPEAL_DAYS = 60;
  public static final int JUSTICE_OF_PEACE_DAYS = 30;
  public static final int JUSTICE_OF_PEACE_DAYS_ABROAD = 60;
  public static final int DRIVER_IDENTIFICATION_DAYS = 60;
  public static final int FORWARD_DAYS = 60;
  public static final int PREFETTO_DECISION_DAYS = 120;

  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private RequestTerms() {}

  /**
   * The last day to file a request of this kind, or empty when no term runs (self-protection,
   * communications).
   *
   * @throws PortalRuleException {@code portal.request.not-notified} when a term runs from the
   *     notification and {@code notifiedOn} is null
   */
  public static Optional<LocalDate> lastDay(
      RequestKind kind, LocalDate notifiedOn, boolean residentAbroad) {
    Objects.requireNonNull(kind, "kind");
    if (!kind.hasTermFromNotification()) {
      return Optional.empty();
    }
    if (notifiedOn == null) {
      throw notNotified(kind);
    }
    return Optional.of(notifiedOn.plusDays(termDays(kind, residentAbroad)));
  }

  /**
   * Whether a request of this kind may be filed on {@code today}.
   *
   * @param notifiedOn the day the act was notified, null if it is not (yet)
   * @param paid whether the act is paid
   * @param residentAbroad whether the recipient resides abroad
   * @throws PortalRuleException {@code portal.request.not-notified} when a term runs from a
   *     notification that has not happened by {@code today}; {@code portal.appeal.paid} for an
   *     appeal against a paid act; {@code portal.appeal.term-elapsed} or {@code
   *     portal.driver.term-elapsed} after the last day
   */
  public static void check(
      RequestKind kind,
      LocalDate notifiedOn,
      LocalDate today,
      boolean paid,
      boolean residentAbroad) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(today, "today");
    if (!kind.hasTermFromNotification()) {
      return;
    }
    if (notifiedOn == null || notifiedOn.isAfter(today)) {
      throw notNotified(kind);
    }
    if (paid && kind.isAppeal()) {
      throw new PortalRuleException(
          "portal.appeal.paid",
          "Il verbale risulta pagato: con il pagamento il procedimento si è chiuso e non è più"
              + " possibile presentare "
              + withArticle(kind)
              + ".");
    }
    LocalDate lastDay = notifiedOn.plusDays(termDays(kind, residentAbroad));
    if (today.isAfter(lastDay)) {
      throw new PortalRuleException(
          kind == RequestKind.DRIVER_IDENTIFICATION
              ? "portal.driver.term-elapsed"
              : "portal.appeal.term-elapsed",
          "Il termine per "
              + action(kind)
              + " è scaduto il "
              + ITALIAN_DATE.format(lastDay)
              + " ("
              + termDays(kind, residentAbroad)
              + " giorni dalla notifica del "
              + ITALIAN_DATE.format(notifiedOn)
              + ").");
    }
  }

  /** The last day for the command to forward an appeal received on {@code receivedOn}. */
  public static LocalDate forwardDeadline(LocalDate receivedOn) {
    return Objects.requireNonNull(receivedOn, "receivedOn").plusDays(FORWARD_DAYS);
  }

  /**
   * The last day for the Prefetto to decide an appeal forwarded on {@code forwardedOn}. The law
   * counts from the day the Prefettura receives the file; the product knows only the forwarding
   * day, which is earlier: the safe side.
   */
  public static LocalDate prefettoDecisionDeadline(LocalDate forwardedOn) {
    return Objects.requireNonNull(forwardedOn, "forwardedOn").plusDays(PREFETTO_DECISION_DAYS);
  }

  /** Whether filing this kind of request ends the right to pay the reduced amount. */
  public static boolean reducedPaymentLapses(RequestKind kind) {
    return Objects.requireNonNull(kind, "kind").lapsesReducedPayment();
  }

  private static int termDays(RequestKind kind, boolean residentAbroad) {
    return switch (kind) {
      case PREFETTO_APPEAL -> PREFETTO_APPEAL_DAYS;
      case JUSTICE_OF_PEACE_APPEAL ->
          residentAbroad ? JUSTICE_OF_PEACE_DAYS_ABROAD : JUSTICE_OF_PEACE_DAYS;
      case DRIVER_IDENTIFICATION -> DRIVER_IDENTIFICATION_DAYS;
      default -> throw new IllegalArgumentException(kind + " has no term");
    };
  }

  private static PortalRuleException notNotified(RequestKind kind) {
    return new PortalRuleException(
        "portal.request.not-notified",
        "Il verbale non risulta ancora notificato: il termine per "
            + action(kind)
            + " decorre dalla notifica.");
  }

  private static String action(RequestKind kind) {
    return switch (kind) {
      case PREFETTO_APPEAL -> "presentare ricorso al Prefetto";
      case JUSTICE_OF_PEACE_APPEAL -> "presentare ricorso al Giudice di Pace";
      case DRIVER_IDENTIFICATION -> "comunicare i dati del conducente";
      default -> "presentare la richiesta";
    };
  }

  private static String withArticle(RequestKind kind) {
    return switch (kind) {
      case PREFETTO_APPEAL -> "ricorso al Prefetto";
      case JUSTICE_OF_PEACE_APPEAL -> "ricorso al Giudice di Pace";
      default -> "la richiesta";
    };
  }
}
