package it.ksanctions.permissions.domain;

/** A visibility scope a role may not have, e.g. an auditor allowed to export (PRM-6). */
public class InvalidVisibilityScopeException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public InvalidVisibilityScopeException(String message) {
    super(PermissionRule.VISIBILITY_SCOPE_INVALID, message);
  }
}
