package it.ksanctions.portal.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the citizen portal was broken: nothing changed. Its code (e.g. {@code
 * portal.appeal.term-elapsed}) is stable; its Italian message is what the citizen or the officer
 * reads.
 */
public class PortalRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;
  private final Kind kind;

  public PortalRuleException(String code, String italianMessage) {
    this(code, italianMessage, Kind.CONFLICT);
  }

  public PortalRuleException(String code, String italianMessage, Kind kind) {
    super(Objects.requireNonNull(code, "code") + ": " + italianMessage);
    this.code = code;
    this.italianMessage = italianMessage;
    this.kind = Objects.requireNonNull(kind, "kind");
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
