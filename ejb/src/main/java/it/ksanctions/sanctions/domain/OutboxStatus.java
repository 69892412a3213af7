package it.ksanctions.sanctions.domain;

/** The state of an outbox message. Constant names are stored: never rename them. */
public enum OutboxStatus {
  /** Waiting to be sent (again, after a failure, at its next attempt time). */
  PENDING,
  /** Sent: the outside service confirmed it (or already had it). */
  DONE,
  /** Given up: in the dead-letter list with its reason until someone retries it. */
  DEAD
}
