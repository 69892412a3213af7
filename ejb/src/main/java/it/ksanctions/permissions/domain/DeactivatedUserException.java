package it.ksanctions.permissions.domain;

/** A change to a deactivated user, whose profile is frozen for traceability (PRM-7). */
public class DeactivatedUserException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public DeactivatedUserException(String message) {
    super(PermissionRule.USER_DEACTIVATED, message);
  }
}
