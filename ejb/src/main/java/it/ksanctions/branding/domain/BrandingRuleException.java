package it.ksanctions.branding.domain;

import it.ksanctions.command.domain.CommandRuleException;

/**
 * A branding rule was broken (an unknown theme, a malformed colour, a contrast below WCAG AA):
 * nothing is saved. The Italian message says what is wrong and how to fix it; the back office's
 * feedback and the platform API (400) show it as it is.
 */
public class BrandingRuleException extends CommandRuleException {

  private static final long serialVersionUID = 1L;

  public BrandingRuleException(String code, String italianMessage) {
    super(code, italianMessage);
  }
}
