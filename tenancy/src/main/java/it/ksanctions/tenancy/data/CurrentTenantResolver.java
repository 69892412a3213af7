package it.ksanctions.tenancy.data;

import it.ksanctions.tenancy.context.TenantContext;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which tenant a new session belongs to: the one in {@link
 * it.ksanctions.tenancy.context.TenantScope}. Outside a scope it throws {@link
 * it.ksanctions.tenancy.context.NoTenantException}: there is no default tenant to fall back to.
 */
public class CurrentTenantResolver implements CurrentTenantIdentifierResolver<String> {

  @Override
  public String resolveCurrentTenantIdentifier() {
    return TenantContext.require().slug();
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return true;
  }
}
