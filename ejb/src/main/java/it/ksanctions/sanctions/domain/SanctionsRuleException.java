package it.ksanctions.sanctions.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the Sanctions context was broken: nothing changed. {@code web.Refusals} tells it in
 * Italian to officers (a faces message) and API clients (a 400 or 409 problem document); the mobile
 * batch upload reports it per pre-notice.
 */
public class SanctionsRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final SanctionsRule rule;

  public SanctionsRuleException(SanctionsRule rule, String detail) {
    super(Objects.requireNonNull(rule, "rule").code() + (detail == null ? "" : ": " + detail));
    this.rule = rule;
  }

  public SanctionsRuleException(SanctionsRule rule) {
    this(rule, null);
  }

  public SanctionsRule rule() {
    return rule;
  }

  @Override
  public String code() {
    return rule.code();
  }

  @Override
  public String italianMessage() {
    return rule.italianMessage();
  }

  @Override
  public Kind kind() {
    return rule.kind();
  }
}
