package it.ksanctions.platform.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Figures of the current tenant (inside {@code TenantScope}) for the vendor console: its staff
 * users (Permissions module), devices (Devices module), latest audit event and latest sign-in.
 */
@ApplicationScoped
@Transactional
public class TenantUsageQueries {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  public long staffUsers() {
    return count("select count(*) from staff_user where deleted = false");
  }

  public long devices() {
    return count("select count(*) from device");
  }

  public Optional<Instant> lastAuditEvent() {
    return instant("select max(occurred_at) from audit_event");
  }

  public Optional<Instant> lastSignIn() {
    return instant("select max(last_access_at) from staff_user");
  }

  private long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }

  private Optional<Instant> instant(String sql) {
    Object value = em.createNativeQuery(sql).getSingleResult();
    if (value instanceof Instant i) {
      return Optional.of(i);
    }
    if (value instanceof Timestamp t) {
      return Optional.of(t.toInstant());
    }
    if (value instanceof OffsetDateTime o) {
      return Optional.of(o.toInstant());
    }
    return Optional.empty();
  }
}
