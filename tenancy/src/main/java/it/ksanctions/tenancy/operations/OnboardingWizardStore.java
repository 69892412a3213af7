package it.ksanctions.tenancy.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's onboarding wizards in schema {@code platform}, and the platform-side figures of a
 * tenant (its schema's size). Every write commits in its own transaction, like {@code
 * TenantRegistry}, so the progress of each onboarding step is kept whatever happens next.
 */
@ApplicationScoped
public class OnboardingWizardStore {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  @Transactional(TxType.REQUIRES_NEW)
  public OnboardingWizardRecord insert(OnboardingWizardRecord wizard) {
    em.persist(wizard);
    em.flush();
    return wizard;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<OnboardingWizardRecord> find(String id) {
    return Optional.ofNullable(em.find(OnboardingWizardRecord.class, id));
  }

  /** The latest wizard of a tenant, if it was onboarded through the console. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<OnboardingWizardRecord> latestOf(String slug) {
    return em
        .createQuery(
            "select w from OnboardingWizardRecord w where w.slug = :slug order by w.createdAt desc",
            OnboardingWizardRecord.class)
        .setParameter("slug", slug)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** Applies {@code change} to the wizard under a row lock and commits. */
  @Transactional(TxType.REQUIRES_NEW)
  public OnboardingWizardRecord update(String id, Consumer<OnboardingWizardRecord> change) {
    OnboardingWizardRecord wizard =
        em.find(OnboardingWizardRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (wizard == null) {
      throw new IllegalArgumentException("Unknown onboarding wizard " + id);
    }
    change.accept(wizard);
    em.flush();
    return wizard;
  }

  /**
   * Size in bytes of a tenant schema: {@code pg_total_relation_size} (data, indexes, TOAST) summed
   * over its tables, read through the platform connection.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public long schemaSize(String schemaName) {
    Object size =
        em.createNativeQuery(
                "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = ?1 and c.relkind in ('r', 'p', 'm')")
            .setParameter(1, schemaName)
            .getSingleResult();
    if (size instanceof BigInteger big) {
      return big.longValue();
    }
    return size == null ? 0 : ((Number) size).longValue();
  }

  /** Every wizard that has not completed, newest first (the console's list of "Riprendi"). */
  @Transactional(TxType.REQUIRES_NEW)
  public List<OnboardingWizardRecord> unfinished() {
    return em.createQuery(
            "select w from OnboardingWizardRecord w where w.status <> :done order by w.createdAt desc",
            OnboardingWizardRecord.class)
        .setParameter("done", OnboardingWizardRecord.Status.DONE)
        .getResultList();
  }
}
