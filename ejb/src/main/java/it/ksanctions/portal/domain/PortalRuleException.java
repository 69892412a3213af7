package it.ksanctions.portal.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the citizen portal context was broken (instalments, appeals, driver identification):
 * nothing changed. {@code web.Refusals} tells it in Italian to officers and citizens (a faces
 * message) and to API clients (a 400, 404 or 409 problem document), like every {@link
 * RuleViolation}. Codes start with {@code portal.} (e.g. {@code portal.instalments.not-eligible}).
 */
public class PortalRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;
  private final Kind kind;

  /** A refusal of a change the current state forbids ({@link Kind#CONFLICT}). */
  public PortalRuleException(String code, String italianMessage) {
    this(code, italianMessage, Kind.CONFLICT);
  }

  public PortalRuleException(String code, String italianMessage, Kind kind) {
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
