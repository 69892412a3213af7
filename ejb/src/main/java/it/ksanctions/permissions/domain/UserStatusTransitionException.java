package it.ksanctions.permissions.domain;

/**
 * A status change the user's current status does not allow (PRM-1): a deactivated account is final.
 */
public class UserStatusTransitionException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public UserStatusTransitionException(String message) {
    super(PermissionRule.USER_STATUS_TRANSITION_NOT_ALLOWED, message);
  }
}
