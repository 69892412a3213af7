package it.ksanctions.permissions.domain;

/**
 * A security change that would leave everything as it is: refused so that the security history only
 * records real changes.
 */
public class ChangeWithoutEffectException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public ChangeWithoutEffectException(String message) {
    super(PermissionRule.CHANGE_WITHOUT_EFFECT, message);
  }
}
