package it.ksanctions.permissions.domain;

/**
 * Every rule of the Permissions context that an operation can break, each with a stable code.
 *
 * <p>The code, not the English message, is the contract with the UI: the web layer maps it to the
 * Italian "messaggio di sicurezza" the seed asks for (§11.3 "Errori e anomalie") and the security
 * log stores it, so codes are never renamed or reused, even if a constant is renamed.
 */
public enum PermissionRule {
  CODICE_FISCALE_FORMAT("permissions.codice-fiscale.format"),
  CODICE_FISCALE_CHECK_CHARACTER("permissions.codice-fiscale.check-character"),
  PERMISSION_UNKNOWN("permissions.permission.unknown"),
  CHANGE_NOT_CONFIRMED("permissions.change.not-confirmed"),
  CHANGE_REASON_MISSING("permissions.change.reason-missing"),
  CHANGE_WITHOUT_EFFECT("permissions.change.without-effect"),
  ROLE_INVALID("permissions.role.invalid"),
  ROLE_UNKNOWN("permissions.role.unknown"),
  ROLE_CODE_TAKEN("permissions.role.code-taken"),
  ROLE_NAME_TAKEN("permissions.role.name-taken"),
  PREDEFINED_ROLE_NOT_DELETABLE("permissions.role.predefined-not-deletable"),
  PREDEFINED_ROLE_NOT_EDITABLE("permissions.role.predefined-not-editable"),
  ROLE_IN_USE("permissions.role.in-use"),
  ROLE_DELETED("permissions.role.deleted"),
  VISIBILITY_SCOPE_INVALID("permissions.visibility.scope-invalid"),
  USER_INVALID("permissions.user.invalid"),
  PRIMARY_ROLE_CONFLICT("permissions.user.primary-role-conflict"),
  USER_STATUS_TRANSITION_NOT_ALLOWED("permissions.user.status-transition-not-allowed"),
  USER_DEACTIVATED("permissions.user.deactivated"),
  ACCESS_BY_INACTIVE_USER("permissions.user.access-by-inactive-user"),
  USER_HAS_ACTIVE_RECORDS("permissions.user.has-active-records");

  private final String code;

  PermissionRule(String code) {
    this.code = code;
  }

  /** The stable code, e.g. {@code permissions.user.primary-role-conflict}. */
  public String code() {
    return code;
  }
}
