package it.ksanctions.sanctions.application;

import java.time.Duration;

/**
 * An outbox message could not be delivered now: {@link #reason()} in Italian for the dead-letter
 * list; {@link #permanent()} when retrying cannot help (the service refused the content); {@link
 * #retryAfter()} when the service asked to wait (429, 503).
 */
public class DeliveryFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;
  private final transient Duration retryAfter;

  public DeliveryFailure(String reason, boolean permanent, Duration retryAfter, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  public static DeliveryFailure transientFailure(String reason, Throwable cause) {
    return new DeliveryFailure(reason, false, null, cause);
  }

  public static DeliveryFailure permanent(String reason) {
    return new DeliveryFailure(reason, true, null, null);
  }

  public String reason() {
    return getMessage();
  }

  public boolean permanent() {
    return permanent;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
