package it.ksanctions.permissions.infrastructure;

import it.ksanctions.permissions.application.AuditLog;
import it.ksanctions.permissions.domain.AuditChainVerification;
import it.ksanctions.permissions.domain.AuditChainVerifier;
import it.ksanctions.permissions.domain.AuditEvent;
import it.ksanctions.permissions.domain.AuditedAction;
import it.ksanctions.tenancy.data.TenantLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.stream.Stream;

/**
 * {@link AuditLog} on the tenant's {@code audit_event} table. Appends of one tenant are serialised
 * by a transaction-scoped advisory lock keyed on the tenant's schema, so sequence numbers stay
 * gapless and each event chains to the one before it even under concurrency; the append joins the
 * caller's transaction, so an action and its audit event commit together.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Override
  @Transactional(TxType.REQUIRED)
  public AuditEvent append(AuditedAction action) {
    TenantLocks.exclusive(em, "audit_event");
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> last =
        em.createNativeQuery(
                "select sequence_number, hash from audit_event order by sequence_number desc limit 1")
            .getResultList();
    AuditEvent event =
        last.isEmpty()
            ? AuditEvent.first(action)
            : AuditEvent.link(
                ((Number) last.get(0)[0]).longValue() + 1,
                action,
                ((String) last.get(0)[1]).strip());
    em.persist(AuditEventRow.of(event));
    em.flush();
    return event;
  }

  @Override
  @Transactional(TxType.REQUIRED)
  public AuditChainVerification verify() {
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> anchor =
        em.createNativeQuery(
                "select sequence_number, hash from audit_anchor order by sequence_number desc limit 1")
            .getResultList();
    // After a retention purge the chain starts from the last removed event, recorded by the purge.
    AuditChainVerifier verifier =
        anchor.isEmpty()
            ? AuditChainVerifier.fromGenesis()
            : AuditChainVerifier.after(
                ((Number) anchor.get(0)[0]).longValue(), ((String) anchor.get(0)[1]).strip());
    try (Stream<AuditEventRow> rows =
        em.createQuery(
                "select e from AuditEventRow e order by e.sequenceNumber", AuditEventRow.class)
            .setHint("org.hibernate.fetchSize", 500)
            .getResultStream()) {
      rows.map(AuditEventRow::toDomain).takeWhile(verifier::accept).forEach(event -> {});
    }
    return verifier.result();
  }
}
