package it.ksanctions.permissions.domain;

/** A logically deleted role used again, e.g. assigned to a user or changed (PRM-2). */
public class DeletedRoleException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public DeletedRoleException(String message) {
    super(PermissionRule.ROLE_DELETED, message);
  }
}
