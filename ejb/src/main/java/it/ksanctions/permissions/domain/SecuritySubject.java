package it.ksanctions.permissions.domain;

import java.util.Objects;

/** What a security history entry is about: a role, a user or a visibility policy (PRM-8). */
public record SecuritySubject(Kind kind, String id) {

  /** The kinds of subject whose changes the security history records. */
  public enum Kind {
    ROLE,
    USER,
    VISIBILITY_POLICY
  }

  public SecuritySubject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static SecuritySubject role(String roleCode) {
    return new SecuritySubject(Kind.ROLE, roleCode);
  }

  public static SecuritySubject user(String username) {
    return new SecuritySubject(Kind.USER, username);
  }

  /** The visibility policy of a role. */
  public static SecuritySubject visibilityPolicy(String roleCode) {
    return new SecuritySubject(Kind.VISIBILITY_POLICY, roleCode);
  }
}
