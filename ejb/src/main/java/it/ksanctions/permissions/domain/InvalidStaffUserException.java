package it.ksanctions.permissions.domain;

/** A staff user whose identity data is missing or malformed (PRM-1). */
public class InvalidStaffUserException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public InvalidStaffUserException(String message) {
    super(PermissionRule.USER_INVALID, message);
  }
}
