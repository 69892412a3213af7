package it.ksanctions.permissions.domain;

/** A new role whose code or name another role of the command already uses (PRM-2). */
public class DuplicateRoleException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public DuplicateRoleException(PermissionRule rule, String message) {
    super(rule, message);
  }
}
