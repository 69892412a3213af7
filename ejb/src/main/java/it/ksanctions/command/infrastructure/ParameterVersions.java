package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.CommandParameter;
import it.ksanctions.tenancy.data.TenantLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stored versions of the general parameters, in the caller's transaction, and the lock that
 * orders parameter changes against number allocations.
 *
 * <p>The lock is a PostgreSQL transaction-level advisory lock per tenant schema, so it holds across
 * cluster nodes and ends with the transaction. Allocations take it shared before they read the
 * numbering parameters (they never wait for each other); a change takes it exclusive before it
 * reads the current values. So an allocation never draws from a sequence chosen by a setting that a
 * committed change has replaced (switching the annual reset moves to another sequence), and two
 * changes never compute the same next version.
 */
@ApplicationScoped
public class ParameterVersions {

  /** The tenant lock that parameter changes and number allocations share. */
  private static final String LOCK_NAME = "command-parameters";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** Waits until no parameter change is in progress in this tenant; held until commit. */
  public void lockShared() {
    TenantLocks.shared(em, LOCK_NAME);
  }

  /** Waits until no allocation or other change is in progress in this tenant; held until commit. */
  public void lockExclusive() {
    TenantLocks.exclusive(em, LOCK_NAME);
  }

  /** The current (highest-version) text of each of {@code parameters} that has ever been set. */
  public Map<CommandParameter, String> latest(Collection<CommandParameter> parameters) {
    List<String> names = parameters.stream().map(CommandParameter::key).toList();
    Map<CommandParameter, String> values = new EnumMap<>(CommandParameter.class);
    em.createQuery(
            "select v from CommandParameterVersionRow v where v.name in :names and v.version ="
                + " (select max(w.version) from CommandParameterVersionRow w where w.name = v.name)",
            CommandParameterVersionRow.class)
        .setParameter("names", names)
        .getResultList()
        .forEach(
            row -> CommandParameter.byKey(row.name()).ifPresent(p -> values.put(p, row.value())));
    return values;
  }

  /** Stores the next version of {@code parameter}; call under {@link #lockExclusive()}. */
  public CommandParameterVersionRow append(
      CommandParameter parameter, String value, Instant at, String by, String reference) {
    Integer last =
        em.createQuery(
                "select max(v.version) from CommandParameterVersionRow v where v.name = :name",
                Integer.class)
            .setParameter("name", parameter.key())
            .getSingleResult();
    CommandParameterVersionRow row =
        new CommandParameterVersionRow(
            parameter.key(), last == null ? 1 : last + 1, value, at, by, reference);
    em.persist(row);
    return row;
  }

  /** Every version, newest first, at most {@code max}. */
  public List<CommandParameterVersionRow> history(int max) {
    return em.createQuery(
            "select v from CommandParameterVersionRow v order by v.changedAt desc, v.name,"
                + " v.version desc",
            CommandParameterVersionRow.class)
        .setMaxResults(max)
        .getResultList();
  }
}
