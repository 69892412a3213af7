package it.ksanctions.permissions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the security history of profiles and policies (PRM-7, PRM-8): when, by whom, on which
 * role, user or policy, what kind of change, the value before and after, and the reason or
 * administrative reference (e.g. "cambio incarico, det. 12/2026").
 *
 * <p>Values are the canonical text of what changed (a {@link PermissionSet#code()}, a role code, a
 * status or scope name), empty before a creation, so the history reads the same whatever later
 * happens to the subject. Entries are produced only by the aggregates' own operations, which is
 * what guarantees that no change escapes the log.
 */
public record SecurityHistoryEntry(
    Instant at,
    String author,
    SecuritySubject subject,
    SecurityChangeKind change,
    String oldValue,
    String newValue,
    String reason) {

  public SecurityHistoryEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(reason, "reason");
  }

  static SecurityHistoryEntry of(
      SecurityChangeRequest request,
      SecuritySubject subject,
      SecurityChangeKind change,
      String oldValue,
      String newValue) {
    return new SecurityHistoryEntry(
        request.at(), request.author(), subject, change, oldValue, newValue, request.reason());
  }
}
