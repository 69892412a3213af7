package it.ksanctions.permissions.domain;

import java.util.Objects;

/** One permission that a role gained or lost between two permission matrices. */
public record PermissionChange(String roleCode, Permission permission, Kind kind) {

  /** Whether the role gained or lost the permission. */
  public enum Kind {
    ADDED,
    REMOVED
  }

  public PermissionChange {
    Objects.requireNonNull(roleCode, "roleCode");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(kind, "kind");
  }
}
