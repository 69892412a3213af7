package it.ksanctions.tenancy.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tenant registry in schema {@code platform}. Every write runs in its own transaction so that
 * onboarding steps (which include DDL outside any transaction) record their progress as they go,
 * and a failure in a later step never rolls back what was already recorded.
 */
@ApplicationScoped
public class TenantRegistry {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Tenant> find(String slug) {
    return Optional.ofNullable(em.find(Tenant.class, slug));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Tenant> findByHostname(String hostname) {
    return em
        .createQuery("select t from Tenant t join t.hostnames h where h = :host", Tenant.class)
        .setParameter("host", hostname)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * Every tenant with its hostnames, in one query: the hostnames are fetched with the rows, not
   * with one more query per tenant (the timers list the registry every few seconds).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Tenant> list() {
    return em.createQuery(
            "select distinct t from Tenant t left join fetch t.hostnames order by t.slug",
            Tenant.class)
        .getResultList();
  }

  /** Every tenant with its hostnames, in one query (the directory's copy of the registry). */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Tenant> listWithHostnames() {
    return em.createQuery(
            "select distinct t from Tenant t left join fetch t.hostnames", Tenant.class)
        .getResultList();
  }

  /**
   * Raises the tenant's public version in the caller's transaction (or a new one), so it commits or
   * rolls back with the change it announces. The column is written only here: the entity maps it
   * read-only, so an update of the tenant loaded earlier never writes an older value back.
   */
  @Transactional(TxType.REQUIRED)
  public void publicFaceChanged(String slug) {
    em.createNativeQuery(
            "update platform.tenant set public_version = public_version + 1 where slug = ?1")
        .setParameter(1, slug)
        .executeUpdate();
  }

  /** Hostnames among {@code hostnames} already registered to a tenant other than {@code slug}. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<String> hostnamesOwnedByOthers(String slug, Collection<String> hostnames) {
    if (hostnames.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select h from Tenant t join t.hostnames h where t.slug <> :slug and h in :hosts",
            String.class)
        .setParameter("slug", slug)
        .setParameter("hosts", hostnames)
        .getResultList();
  }

  /**
   * Inserts a new tenant and commits. A concurrent insert of the same slug makes this throw a
   * persistence exception caused by a unique violation (SQL state 23505).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Tenant insert(Tenant tenant) {
    em.persist(tenant);
    em.flush();
    return tenant;
  }

  /** Applies {@code change} to the tenant under a row lock and commits. */
  @Transactional(TxType.REQUIRES_NEW)
  public Tenant update(String slug, Consumer<Tenant> change) {
    Tenant tenant = em.find(Tenant.class, slug, LockModeType.PESSIMISTIC_WRITE);
    if (tenant == null) {
      throw new IllegalArgumentException("Unknown tenant " + slug);
    }
    change.accept(tenant);
    em.flush();
    return tenant;
  }

  /**
   * Changes a tenant's patron-saint day ({@code MM-DD}, or null for none) and commits. Callers go
   * through {@link TenantDirectory#changePatronSaintDay}, which also drops this node's snapshot.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Tenant changePatronSaintDay(String slug, String day) {
    return update(slug, tenant -> tenant.changePatronSaintDay(day));
  }
}
