package it.ksanctions.articles.domain;

import it.ksanctions.shared.RuleViolation;
import java.time.LocalDate;

/**
 * A contestation or notification dated before the violation it concerns: a data-entry error that
 * would otherwise yield payment deadlines earlier than the facts allow.
 */
public class NotificationBeforeViolationException extends IllegalArgumentException
    implements RuleViolation {

  private static final long serialVersionUID = 1L;

  public NotificationBeforeViolationException(LocalDate notifiedOn, LocalDate violationDay) {
    super(
        "The contestation or notification date "
            + notifiedOn
            + " is before the violation day "
            + violationDay);
  }

  @Override
  public String code() {
    return "articles.notification.before-violation";
  }

  @Override
  public String italianMessage() {
    return "La data di contestazione o di notifica precede il giorno della violazione: correggere"
        + " le date.";
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
