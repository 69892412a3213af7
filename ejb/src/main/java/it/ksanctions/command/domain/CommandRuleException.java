package it.ksanctions.command.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the Command module was broken (SPEC CMD-7): the operation is refused and nothing
 * changes. {@link #code()} is stable (tests and REST problems name it); {@link #italianMessage()}
 * says to the command's staff what is wrong and how to put it right.
 */
public class CommandRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;

  public CommandRuleException(String code, String italianMessage) {
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
}
