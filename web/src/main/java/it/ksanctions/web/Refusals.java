package it.ksanctions.web;

import it.ksanctions.shared.RuleViolation;
import java.util.Optional;

/**
 * The one translation of a broken rule, whatever context refused: the first {@link RuleViolation}
 * among a failure and its causes (services in EJBs may wrap it), told in Italian. The back office
 * ({@code web.backoffice.Feedback}) and the REST problem mapper ({@link ProblemMappers.Rule}) both
 * use it.
 */
public final class Refusals {

  private Refusals() {}

  /** The broken rule behind {@code failure}, if any. */
  public static Optional<RuleViolation> ruleViolationIn(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof RuleViolation violation) {
        return Optional.of(violation);
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * What an officer reads: the rule's Italian message, followed in brackets by the case's detail
   * when the exception carries one ({@code "<code>: <detail>"}) that the message does not already
   * say.
   */
  public static String italianExplanation(RuleViolation violation) {
    String message = violation.italianMessage();
    String technical = violation instanceof Throwable t ? t.getMessage() : null;
    String prefix = violation.code() + ": ";
    if (technical == null || !technical.startsWith(prefix)) {
      return message;
    }
    String detail = technical.substring(prefix.length());
    return detail.isBlank() || detail.equals(message) ? message : message + " (" + detail + ")";
  }

  /** What an API client reads: the Italian message and the stable code of the rule. */
  public static String problemDetail(RuleViolation violation) {
    return violation.italianMessage() + " (" + violation.code() + ")";
  }
}
