package it.ksanctions.identity.application;

import it.ksanctions.identity.domain.FirstAdministrator;
import it.ksanctions.tenancy.context.TenantId;
import java.util.Optional;

/**
 * Port to the identity provider for what onboarding needs: the tenant's organization and its first
 * System administrator. Every operation is idempotent, so a failed onboarding resumes.
 */
public interface TenantIdentities {

  /** Creates the tenant's organization (alias = slug) if missing; returns its id. */
  String ensureOrganization(TenantId tenant, String displayName);

  /**
   * Creates the tenant's first administrator in its organization if missing.
   *
   * @return the initial credentials when the account was created by this call
   */
  default Optional<InitialCredentials> ensureFirstAdministrator(
      TenantId tenant, String organizationId, String displayName) {
    return ensureFirstAdministrator(tenant, organizationId, FirstAdministrator.defaultFor(tenant));
  }

  /**
   * Creates the tenant's first administrator {@code administrator} (username, name, e-mail) in its
   * organization if missing.
   *
   * @return the initial credentials when the account was created by this call
   */
  Optional<InitialCredentials> ensureFirstAdministrator(
      TenantId tenant, String organizationId, FirstAdministrator administrator);

  /** Username of a tenant's first administrator. */
  static String firstAdministratorUsername(TenantId tenant) {
    return FirstAdministrator.defaultUsername(tenant);
  }

  /** A new account's username and one-time password (to be changed at first login). */
  record InitialCredentials(String username, String temporaryPassword) {}
}
