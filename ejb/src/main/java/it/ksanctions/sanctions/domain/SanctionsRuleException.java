package it.ksanctions.sanctions.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the Sanctions context refused a pre-notice, a detection or a file: nothing changed. The
 * code is stable ({@code sanctions.…}), the Italian message says what to correct.
 */
public class SanctionsRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;
  private final Kind kind;

  public SanctionsRuleException(String code, String italianMessage) {
    this(code, italianMessage, Kind.CONFLICT);
  }

  public SanctionsRuleException(String code, String italianMessage, Kind kind) {
    super(Objects.requireNonNull(code, "code") + ": " + italianMessage);
    this.code = code;
    this.italianMessage = italianMessage;
    this.kind = kind;
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
