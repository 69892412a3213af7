package it.ksanctions.permissions.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a user did, as the audit log must record it (PRM-5): when, who and in which role, in which
 * module and function, what kind of operation, and on which record.
 *
 * <p>The content of an {@link AuditEvent} before it is numbered and chained. The time is truncated
 * to microseconds, the precision of PostgreSQL's {@code timestamptz}, so that the value hashed when
 * the event is written is exactly the value read back when the chain is verified. The record
 * reference is empty when the operation concerns no single record (e.g. a module opened).
 */
public record AuditedAction(
    Instant occurredAt,
    String username,
    String role,
    AppModule module,
    String function,
    AuditOperation operation,
    String recordReference) {

  public AuditedAction {
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    username = requireText(username, "username");
    role = requireText(role, "role");
    Objects.requireNonNull(module, "module");
    function = requireText(function, "function");
    Objects.requireNonNull(operation, "operation");
    recordReference = recordReference == null ? "" : recordReference.strip();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An audited action needs a " + name);
    }
    return value.strip();
  }
}
