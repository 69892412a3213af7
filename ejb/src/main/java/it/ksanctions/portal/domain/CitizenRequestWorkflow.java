package it.ksanctions.portal.domain;

import static it.ksanctions.portal.domain.RequestStatus.ACCEPTED;
import static it.ksanctions.portal.domain.RequestStatus.DISMISSED;
import static it.ksanctions.portal.domain.RequestStatus.FORWARDED_TO_PREFETTO;
import static it.ksanctions.portal.domain.RequestStatus.IN_REVIEW;
import static it.ksanctions.portal.domain.RequestStatus.RECEIVED;
import static it.ksanctions.portal.domain.RequestStatus.REGISTERED;
import static it.ksanctions.portal.domain.RequestStatus.REJECTED;
import static it.ksanctions.portal.domain.RequestStatus.UPHELD;

import it.ksanctions.shared.RuleViolation.Kind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The life of a citizen's request.
 *
 * <ul>
 *   <li>Every kind but the appeal to the Giudice di Pace: {@code RECEIVED → IN_REVIEW → ACCEPTED |
 *       REJECTED}; a rejection needs a reason.
 *   <li>Appeal to the Prefetto (arts. 203–204 CdS): {@code RECEIVED → IN_REVIEW →
 *       FORWARDED_TO_PREFETTO → UPHELD | DISMISSED} (the Prefetto's decision). From {@code
 *       IN_REVIEW} the command may also accept it (it annuls its own act), but it may not reject
 *       it: the command must forward every appeal, even a late one, to the Prefetto, who alone
 *       decides (art. 203 c. 2).
 *   <li>Appeal to the Giudice di Pace (art. 204-bis CdS): filed with the court, so it starts as
 *       {@code REGISTERED} and the office only records the judgment, {@code UPHELD | DISMISSED}.
 * </ul>
 */
public final class CitizenRequestWorkflow {

  public static final int MAX_REASON_LENGTH = 1000;

  private CitizenRequestWorkflow() {}

  /** The status a new request of this kind starts in. */
  public static RequestStatus initialStatus(RequestKind kind) {
    Objects.requireNonNull(kind, "kind");
    return kind == RequestKind.JUSTICE_OF_PEACE_APPEAL ? REGISTERED : RECEIVED;
  }

  /** The statuses a request of this kind may move to from {@code from}; empty for a final one. */
  public static Set<RequestStatus> nextStatuses(RequestKind kind, RequestStatus from) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    if (kind == RequestKind.JUSTICE_OF_PEACE_APPEAL) {
      return from == REGISTERED
          ? EnumSet.of(UPHELD, DISMISSED)
          : EnumSet.noneOf(RequestStatus.class);
    }
    return switch (from) {
      case RECEIVED -> EnumSet.of(IN_REVIEW);
      case IN_REVIEW ->
          kind == RequestKind.PREFETTO_APPEAL
              ? EnumSet.of(ACCEPTED, FORWARDED_TO_PREFETTO)
              : EnumSet.of(ACCEPTED, REJECTED);
      case FORWARDED_TO_PREFETTO ->
          kind == RequestKind.PREFETTO_APPEAL
              ? EnumSet.of(UPHELD, DISMISSED)
              : EnumSet.noneOf(RequestStatus.class);
      default -> EnumSet.noneOf(RequestStatus.class);
    };
  }

  /** Whether a request of this kind may move from {@code from} to {@code to}. */
  public static boolean canMove(RequestKind kind, RequestStatus from, RequestStatus to) {
    return nextStatuses(kind, from).contains(Objects.requireNonNull(to, "to"));
  }

  /**
   * Checks a move and gives the new status.
   *
   * @param reason why: required (not blank, at most {@value #MAX_REASON_LENGTH} characters) for
   *     {@link RequestStatus#REJECTED}, optional otherwise
   * @throws PortalRuleException {@code portal.request.illegal-transition} (conflict) for a move the
   *     workflow does not allow, {@code portal.request.reason-required} or {@code
   *     portal.request.reason-too-long} (invalid input) for a rejection's reason
   */
  public static RequestStatus move(
      RequestKind kind, RequestStatus from, RequestStatus to, String reason) {
    if (!canMove(kind, from, to)) {
      throw new PortalRuleException(
          "portal.request.illegal-transition", illegalMoveMessage(kind, from, to));
    }
    if (to == REJECTED && (reason == null || reason.isBlank())) {
      throw new PortalRuleException(
          "portal.request.reason-required",
          "Per respingere la richiesta occorre indicarne la motivazione: il cittadino la leggerà.",
          Kind.INVALID_INPUT);
    }
    if (reason != null && reason.strip().length() > MAX_REASON_LENGTH) {
      throw new PortalRuleException(
          "portal.request.reason-too-long",
          "La motivazione può avere al massimo " + MAX_REASON_LENGTH + " caratteri.",
          Kind.INVALID_INPUT);
    }
    return to;
  }

  private static String illegalMoveMessage(RequestKind kind, RequestStatus from, RequestStatus to) {
    String base =
        "La richiesta \""
            + kind.label()
            + "\" non può passare dallo stato \""
            + from.label()
            + "\" allo stato \""
            + to.label()
            + "\"";
    if (kind == RequestKind.PREFETTO_APPEAL && to == REJECTED) {
      return base
          + ": il comando non può respingere un ricorso al Prefetto, deve trasmetterlo al"
          + " Prefetto con le proprie deduzioni entro 60 giorni dal ricevimento.";
    }
    Set<RequestStatus> next = nextStatuses(kind, from);
    if (next.isEmpty()) {
      return base
          + (from.isFinal()
              ? ": la richiesta è già conclusa."
              : ": da questo stato non sono possibili altri passaggi.");
    }
    StringBuilder allowed = new StringBuilder();
    for (RequestStatus status : next) {
      allowed.append(allowed.isEmpty() ? "" : ", ").append('"').append(status.label()).append('"');
    }
    return base + ". Stati possibili: " + allowed + ".";
  }
}
