package it.ksanctions.permissions.domain;

/** What kind of change a security history entry records; the name is stored, never rename. */
public enum SecurityChangeKind {
  ROLE_CREATED,
  ROLE_PERMISSIONS_CHANGED,
  ROLE_DELETED,
  USER_CREATED,
  USER_PRIMARY_ROLE_CHANGED,
  USER_STATUS_CHANGED,
  USER_DELETED,
  /** The user's department changed (an assignment of the Command module's organisation). */
  USER_DEPARTMENT_CHANGED,
  VISIBILITY_SCOPE_CHANGED
}
