package it.ksanctions.notifications.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/**
 * A rule of the Notifications context was broken: nothing changed. {@code web.Refusals} tells it in
 * Italian to officers and API clients, like every {@link RuleViolation}.
 */
public class NotificationsRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String italianMessage;
  private final Kind kind;

  public NotificationsRuleException(String code, String italianMessage, Kind kind) {
    super(Objects.requireNonNull(code, "code") + ": " + italianMessage);
    this.code = code;
    this.italianMessage = italianMessage;
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public NotificationsRuleException(String code, String italianMessage) {
    this(code, italianMessage, Kind.CONFLICT);
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
