package it.ksanctions.permissions.domain;

/**
 * An attempt to delete or to change the permissions of a predefined role: predefined roles are the
 * command's reference profiles and are customised only by duplicating them (PRM-2).
 */
public class PredefinedRoleProtectedException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public PredefinedRoleProtectedException(PermissionRule rule, String message) {
    super(rule, message);
  }
}
