package it.ksanctions.tenancy.data;

import jakarta.persistence.EntityManager;

/**
 * Named locks of the current tenant, for work that must not interleave across the cluster's nodes
 * (appending to the audit chain, starting a run while the configuration changes, allocating numbers
 * while parameters change).
 *
 * <p>A PostgreSQL transaction-level advisory lock keyed by the tenant's schema and the lock's name:
 * held until the caller's transaction commits or rolls back, released by the database even if the
 * node dies, and different tenants never wait for each other. Shared holders exclude an exclusive
 * holder and vice versa. Call it inside a transaction of the tenant persistence unit.
 */
public final class TenantLocks {

  private TenantLocks() {}

  /**
   * Waits until nobody else holds {@code name} in this tenant; held until the end of the
   * transaction.
   */
  public static void exclusive(EntityManager em, String name) {
    em.createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock(hashtext(current_schema() || ':' || :name)))"
                + " held")
        .setParameter("name", name)
        .getSingleResult();
  }

  /**
   * Waits until nobody holds {@code name} exclusively in this tenant; held until the end of the
   * transaction.
   */
  public static void shared(EntityManager em, String name) {
    em.createNativeQuery(
            "select 1 from (select pg_advisory_xact_lock_shared(hashtext(current_schema() || ':' ||"
                + " :name))) held")
        .setParameter("name", name)
        .getSingleResult();
  }
}
