package it.ksanctions.permissions.domain;

/** A codice fiscale that is malformed or whose check character does not match (PRM-1). */
public class InvalidCodiceFiscaleException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public InvalidCodiceFiscaleException(PermissionRule rule, String message) {
    super(rule, message);
  }
}
