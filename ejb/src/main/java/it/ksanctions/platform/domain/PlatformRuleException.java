package it.ksanctions.platform.domain;

import it.ksanctions.shared.RuleViolation;

/** A vendor-console action that breaks a rule; the message says in Italian what to fix. */
public class PlatformRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;

  public PlatformRuleException(String code, String italianMessage) {
    super(code + ": " + italianMessage);
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
}
