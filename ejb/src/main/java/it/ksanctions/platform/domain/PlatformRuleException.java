package it.ksanctions.platform.domain;

/** A vendor-console action that breaks a rule; the message says in Italian what to fix. */
public class PlatformRuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;

  public PlatformRuleException(String code, String italianMessage) {
    super(code + ": " + italianMessage);
    this.code = code;
    this.italianMessage = italianMessage;
  }

  public String code() {
    return code;
  }

  public String italianMessage() {
    return italianMessage;
  }
}
