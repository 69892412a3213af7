package it.ksanctions.sanctions.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the Sanctions context was broken: nothing changed. {@code web.Refusals} tells it in
 * Italian to officers (a faces message) and API clients (a 400, 404 or 409 problem document); the
 * mobile batch upload reports it per pre-notice, the camera import per row. Either one of the named
 * {@link SanctionsRule}s with a detail, or a refusal whose Italian message carries its own figures
 * (a detection's calibration day, the first import of a duplicate file).
 */
public class SanctionsRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final SanctionsRule rule;
  private final String code;
  private final String italianMessage;
  private final Kind kind;

  public SanctionsRuleException(SanctionsRule rule, String detail) {
    super(Objects.requireNonNull(rule, "rule").code() + (detail == null ? "" : ": " + detail));
    this.rule = rule;
    this.code = rule.code();
    this.italianMessage = rule.italianMessage();
    this.kind = rule.kind();
  }

  public SanctionsRuleException(SanctionsRule rule) {
    this(rule, null);
  }

  public SanctionsRuleException(String code, String italianMessage) {
    this(code, italianMessage, Kind.CONFLICT);
  }

  public SanctionsRuleException(String code, String italianMessage, Kind kind) {
    super(Objects.requireNonNull(code, "code") + ": " + italianMessage);
    this.rule = null;
    this.code = code;
    this.italianMessage = italianMessage;
    this.kind = kind;
  }

  /** The named rule, or null for a refusal with a message of its own. */
  public SanctionsRule rule() {
    return rule;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String italianMessage() {
    return italianMessage;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
