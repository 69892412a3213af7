package it.ksanctions.identity.application;

import it.ksanctions.tenancy.context.TenantId;

/**
 * Port to the identity provider for the accounts of a command's staff: created in the tenant's
 * organization, enabled or disabled with the user's status (a suspended or deactivated user cannot
 * log in).
 */
public interface StaffAccounts {

  /** A staff member's account as the administrator typed it. */
  record NewAccount(
      String username, String givenName, String surname, String email, String codiceFiscale) {}

  /**
   * Creates the account in the tenant's organization with a one-time password (Keycloak asks for a
   * new one at first login). When an earlier attempt of the same request left the account in the
   * organization, its one-time password is renewed instead.
   *
   * @return the one-time password to hand over
   * @throws UsernameTakenException when the username belongs to someone outside this command
   */
  String create(TenantId tenant, NewAccount account);

  void setEnabled(TenantId tenant, String username, boolean enabled);

  /** The username is used in the identity provider by another command or person. */
  class UsernameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
      super("The username '" + username + "' is already taken");
    }
  }
}
