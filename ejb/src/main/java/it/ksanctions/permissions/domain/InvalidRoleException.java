package it.ksanctions.permissions.domain;

/** A role whose code or name is missing or malformed (PRM-2). */
public class InvalidRoleException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public InvalidRoleException(String message) {
    super(PermissionRule.ROLE_INVALID, message);
  }
}
