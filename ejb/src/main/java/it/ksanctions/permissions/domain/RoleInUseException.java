package it.ksanctions.permissions.domain;

/**
 * An attempt to delete a role that users still hold (seed "errore di aggiornamento del ruolo in
 * uso").
 */
public class RoleInUseException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public RoleInUseException(String message) {
    super(PermissionRule.ROLE_IN_USE, message);
  }
}
