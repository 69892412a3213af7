package it.ksanctions.permissions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who asks for a security change, when, why, and whether they explicitly confirmed it: the input
 * every change of a role, a user's profile or a visibility policy needs, because the security
 * history records exactly these (PRM-8: date, author, reason or administrative reference).
 *
 * <p>The reason is always required, so an entry can never lack it. The explicit confirmation is
 * demanded only by the changes the seed names, permission and access-policy changes ("ogni modifica
 * alle policy di accesso richiede conferma esplicita"), through {@link
 * #requireExplicitConfirmation}.
 *
 * @throws UnconfirmedSecurityChangeException when the reason is blank
 */
public record SecurityChangeRequest(
    String author, Instant at, String reason, boolean explicitlyConfirmed) {

  public SecurityChangeRequest {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("A security change needs its author");
    }
    author = author.strip();
    Objects.requireNonNull(at, "at");
    if (reason == null || reason.isBlank()) {
      throw new UnconfirmedSecurityChangeException(
          PermissionRule.CHANGE_REASON_MISSING,
          "A security change needs a reason or an administrative reference");
    }
    reason = reason.strip();
  }

  /** A change the administrator explicitly confirmed. */
  public static SecurityChangeRequest confirmed(String author, Instant at, String reason) {
    return new SecurityChangeRequest(author, at, reason, true);
  }

  /** A change without explicit confirmation, enough for profile changes of a single user. */
  public static SecurityChangeRequest unconfirmed(String author, Instant at, String reason) {
    return new SecurityChangeRequest(author, at, reason, false);
  }

  /**
   * @throws UnconfirmedSecurityChangeException unless the administrator confirmed the change
   */
  void requireExplicitConfirmation(String whatChanges) {
    if (!explicitlyConfirmed) {
      throw new UnconfirmedSecurityChangeException(
          PermissionRule.CHANGE_NOT_CONFIRMED,
          "Changing " + whatChanges + " needs the administrator's explicit confirmation");
    }
  }
}
