package it.ksanctions.tenancy.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit trail of platform actions in schema {@code platform}. Each entry commits in its own
 * transaction, so a failed action is recorded even when the action's own work is rolled back.
 */
@ApplicationScoped
public class PlatformAuditTrail {

  /** A search: every criterion is optional (null); {@code limit} caps the answer. */
  public record Filter(
      String tenantSlug, String platformUser, String action, Instant from, Instant to, int limit) {}

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  @Transactional(TxType.REQUIRES_NEW)
  public PlatformAuditEntry append(PlatformAuditEntry entry) {
    em.persist(entry);
    em.flush();
    return entry;
  }

  /** Entries matching {@code filter}, newest first; text criteria match a part, ignoring case. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<PlatformAuditEntry> search(Filter filter) {
    StringBuilder jpql = new StringBuilder("select e from PlatformAuditEntry e where 1 = 1");
    List<Object[]> params = new ArrayList<>();
    if (filter.tenantSlug() != null && !filter.tenantSlug().isBlank()) {
      jpql.append(" and lower(e.tenantSlug) like :tenant");
      params.add(new Object[] {"tenant", like(filter.tenantSlug())});
    }
    if (filter.platformUser() != null && !filter.platformUser().isBlank()) {
      jpql.append(" and lower(e.platformUser) like :user");
      params.add(new Object[] {"user", like(filter.platformUser())});
    }
    if (filter.action() != null && !filter.action().isBlank()) {
      jpql.append(" and lower(e.action) like :action");
      params.add(new Object[] {"action", like(filter.action())});
    }
    if (filter.from() != null) {
      jpql.append(" and e.occurredAt >= :from");
      params.add(new Object[] {"from", filter.from()});
    }
    if (filter.to() != null) {
      jpql.append(" and e.occurredAt < :to");
      params.add(new Object[] {"to", filter.to()});
    }
    jpql.append(" order by e.occurredAt desc, e.id desc");
    TypedQuery<PlatformAuditEntry> query =
        em.createQuery(jpql.toString(), PlatformAuditEntry.class);
    for (Object[] p : params) {
      query.setParameter((String) p[0], p[1]);
    }
    return query.setMaxResults(Math.max(1, filter.limit())).getResultList();
  }

  /** The distinct actions recorded so far, for the console's filter. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<String> actions() {
    return em.createQuery(
            "select distinct e.action from PlatformAuditEntry e order by e.action", String.class)
        .getResultList();
  }

  private static String like(String text) {
    return "%"
        + text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }
}
