package it.ksanctions.articles.domain;

import java.time.LocalDate;

/**
 * A contestation or notification dated before the violation it concerns: a data-entry error that
 * would otherwise yield payment deadlines earlier than the facts allow.
 */
public class NotificationBeforeViolationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public NotificationBeforeViolationException(LocalDate notifiedOn, LocalDate violationDay) {
    super(
        "The contestation or notification date "
            + notifiedOn
            + " is before the violation day "
            + violationDay);
  }
}
