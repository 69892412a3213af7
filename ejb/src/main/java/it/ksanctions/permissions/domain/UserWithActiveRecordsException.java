package it.ksanctions.permissions.domain;

/**
 * An attempt to delete a user who still has active records, e.g. verbali or pre-notices (PRM-7).
 */
public class UserWithActiveRecordsException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public UserWithActiveRecordsException(String message) {
    super(PermissionRule.USER_HAS_ACTIVE_RECORDS, message);
  }
}
