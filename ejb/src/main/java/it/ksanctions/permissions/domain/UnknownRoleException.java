package it.ksanctions.permissions.domain;

/** A role code that the command's catalogue does not hold (PRM-2). */
public class UnknownRoleException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public UnknownRoleException(String message) {
    super(PermissionRule.ROLE_UNKNOWN, message);
  }
}
