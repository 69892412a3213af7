package it.ksanctions.permissions.domain;

/** An access by a suspended or deactivated user (seed "accesso da utenza sospesa"). */
public class InactiveUserAccessException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public InactiveUserAccessException(String message) {
    super(PermissionRule.ACCESS_BY_INACTIVE_USER, message);
  }
}
