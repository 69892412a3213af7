package it.ksanctions.permissions.domain;

/** A security change without explicit confirmation or without a reason (PRM-7, PRM-8). */
public class UnconfirmedSecurityChangeException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public UnconfirmedSecurityChangeException(PermissionRule rule, String message) {
    super(rule, message);
  }
}
