package it.ksanctions.portal.domain;

import it.ksanctions.shared.RuleViolation.Kind;
import java.util.Objects;

/**
 * One reason why a driver cannot be named as given: the field it concerns, a stable code and the
 * Italian reason (a clause in lower case without a final full stop for the driver's data, a whole
 * sentence for the act).
 */
public record DriverProblem(DriverField field, String code, String reason, Kind kind) {

  public DriverProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(kind, "kind");
  }

  /** A problem of the driver's data (invalid input). */
  public static DriverProblem ofData(DriverField field, String code, String reason) {
    return new DriverProblem(field, code, reason, Kind.INVALID_INPUT);
  }

  /** A refusal about the act, as the rule that refused it said it. */
  public static DriverProblem ofAct(PortalRuleException refusal) {
    return new DriverProblem(
        DriverField.ACT_NUMBER, refusal.code(), refusal.italianMessage(), refusal.kind());
  }

  /** The problem as the exception a single request throws. */
  public PortalRuleException toException() {
    return new PortalRuleException(code, reason, kind);
  }
}
