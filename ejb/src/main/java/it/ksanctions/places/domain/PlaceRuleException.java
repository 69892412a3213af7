package it.ksanctions.places.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/** A rule of the Places context was broken: the operation is blocked with a detailed message. */
public class PlaceRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final PlaceRule rule;

  public PlaceRuleException(PlaceRule rule, String detail) {
    super(Objects.requireNonNull(rule, "rule").code() + ": " + detail);
    this.rule = rule;
  }

  public PlaceRule rule() {
    return rule;
  }

  /** The message for the user: the rule in Italian and the detail. */
  @Override
  public String code() {
    return rule.code();
  }

  @Override
  public String italianMessage() {
    return rule.italianMessage();
  }
}
