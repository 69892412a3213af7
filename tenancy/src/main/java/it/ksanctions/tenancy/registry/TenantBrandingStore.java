package it.ksanctions.tenancy.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tenants' branding rows in schema {@code platform} (the tenancy module owns every access to it).
 * Like {@link TenantRegistry}, each call runs and commits in its own transaction, whatever tenant
 * scope or transaction the caller is in.
 */
@ApplicationScoped
public class TenantBrandingStore {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  @Inject TenantRegistry registry;

  /** The tenant's branding row, detached; empty when it never had one (all inherited). */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<TenantBranding> find(String slug) {
    TenantBranding row = em.find(TenantBranding.class, slug);
    if (row != null && row.hasLogo()) {
      row.logo(); // loads the lazy logo before the row is detached
    }
    return Optional.ofNullable(row);
  }

  /**
   * Applies {@code change} to the tenant's row under a row lock (creating it first when absent),
   * raises the tenant's public version in the same transaction, and commits.
   *
   * @throws IllegalArgumentException when the tenant does not exist
   */
  @Transactional(TxType.REQUIRES_NEW)
  public TenantBranding update(String slug, Consumer<TenantBranding> change) {
    if (em.find(Tenant.class, slug) == null) {
      throw new IllegalArgumentException("Unknown tenant " + slug);
    }
    TenantBranding row = em.find(TenantBranding.class, slug, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      row = new TenantBranding(slug);
      change.accept(row);
      em.persist(row);
    } else {
      change.accept(row);
    }
    em.flush();
    registry.publicFaceChanged(slug);
    return row;
  }
}
