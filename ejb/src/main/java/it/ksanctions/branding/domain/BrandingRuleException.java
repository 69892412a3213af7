package it.ksanctions.branding.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A branding rule was broken (an unknown theme, a malformed colour, a contrast below WCAG AA):
 * nothing is saved. The Italian message says what is wrong and how to fix it; the back office's
 * feedback and the platform API (400) show it as it is.
 */
public class BrandingRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;

  public BrandingRuleException(String code, String italianMessage) {
    super(Objects.requireNonNull(code, "code") + ": " + italianMessage);
    this.code = code;
    this.italianMessage = italianMessage;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String italianMessage() {
    return italianMessage;
  }

  /** A theme or a colour is refused as it was typed: the request must change. */
  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
