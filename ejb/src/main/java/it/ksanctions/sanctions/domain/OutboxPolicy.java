package it.ksanctions.sanctions.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the outbox tries a message again and when it gives up (issue 15 item 7): exponential
 * back-off from {@link #FIRST_DELAY}, doubled at each failed attempt up to {@link #MAX_DELAY};
 * after {@link #MAX_ATTEMPTS} failures, or at once for a failure that retrying cannot cure (a
 * refusal), the message goes to the dead-letter list, where an officer reads the reason and may
 * retry it.
 *
 * <p>The circuit of an outside service (per command) opens after {@link #CIRCUIT_THRESHOLD}
 * consecutive failures and stays open for {@link #CIRCUIT_OPEN}: while it is open the messages for
 * that service wait without spending attempts; the first message after it closes is the trial.
 */
public final class OutboxPolicy {

  public static final int MAX_ATTEMPTS = 8;
  public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
  public static final Duration MAX_DELAY = Duration.ofMinutes(30);
  public static final int CIRCUIT_THRESHOLD = 5;
  public static final Duration CIRCUIT_OPEN = Duration.ofMinutes(1);

  private OutboxPolicy() {}

  /** What to do with a message after its {@code attempts}-th failure. */
  public record AfterFailure(boolean dead, Instant nextAttemptAt) {}

  /**
   * @param attempts the failed attempts so far, this one included (1 for the first)
   * @param permanent whether the failure cannot be cured by retrying
   * @param retryAfter the delay the service asked for (429 / 503 {@code retry-after}), or null
   */
  public static AfterFailure afterFailure(
      int attempts, boolean permanent, Duration retryAfter, Instant now) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (permanent || attempts >= MAX_ATTEMPTS) {
      return new AfterFailure(true, now);
    }
    Duration delay = backoff(attempts);
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : retryAfter;
    }
    return new AfterFailure(false, now.plus(delay));
  }

  /** The pause after the {@code attempts}-th failure: 5 s, 10 s, 20 s … at most 30 minutes. */
  public static Duration backoff(int attempts) {
    int shift = Math.min(attempts - 1, 20);
    Duration delay = FIRST_DELAY.multipliedBy(1L << shift);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** Whether a circuit with {@code consecutiveFailures} opens now. */
  public static boolean opens(int consecutiveFailures) {
    return consecutiveFailures >= CIRCUIT_THRESHOLD;
  }
}
