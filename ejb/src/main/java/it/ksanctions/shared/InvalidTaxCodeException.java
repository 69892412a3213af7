package it.ksanctions.shared;

import java.util.Objects;

/** A codice fiscale or a numeric tax code that is malformed or whose check character is wrong. */
public class InvalidTaxCodeException extends IllegalArgumentException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  /** Why the code was refused. */
  public enum Reason {
    FORMAT("tax-code.format", "Il codice fiscale non ha il formato corretto (16 caratteri)."),
    CHECK_CHARACTER(
        "tax-code.check-character",
        "Il codice fiscale non è valido: il carattere di controllo non corrisponde.");

    private final String code;
    private final String italianMessage;

    Reason(String code, String italianMessage) {
      this.code = code;
      this.italianMessage = italianMessage;
    }
  }

  private final Reason reason;

  public InvalidTaxCodeException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String code() {
    return reason.code;
  }

  @Override
  public String italianMessage() {
    return reason.italianMessage;
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
