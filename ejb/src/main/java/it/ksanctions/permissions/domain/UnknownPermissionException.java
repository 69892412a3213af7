package it.ksanctions.permissions.domain;

/** A permission code that names no module or no action (PRM-3). */
public class UnknownPermissionException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public UnknownPermissionException(String message) {
    super(PermissionRule.PERMISSION_UNKNOWN, message);
  }
}
