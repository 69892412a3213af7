package it.ksanctions.permissions.domain;

/** A second primary role for a user (PRM-7, "conflitto di ruoli"). */
public class PrimaryRoleConflictException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public PrimaryRoleConflictException(String message) {
    super(PermissionRule.PRIMARY_ROLE_CONFLICT, message);
  }
}
