package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.CommandRun;
import it.ksanctions.command.domain.CommandRunKind;
import it.ksanctions.command.infrastructure.CommandRunRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.tenancy.data.TenantLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Accounting batches and protocol runs of the command, and the guard every configuration change
 * passes (CMD-7): while one is active, fees, chapters, parameters and the registry do not change,
 * so a batch never sees half of a change. At most one run of each kind is active (a partial unique
 * index enforces it across cluster nodes).
 */
@ApplicationScoped
@Transactional
public class CommandRuns {

  /** The tenant lock that configuration changes share and the start of a run takes alone. */
  private static final String RUN_LOCK = "command-run";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** The runs still active, oldest first. */
  public List<CommandRun> active() {
    return em
        .createQuery(
            "select r from CommandRunRow r where r.finishedAt is null order by r.startedAt",
            CommandRunRow.class)
        .getResultList()
        .stream()
        .map(r -> new CommandRun(r.id(), r.kind(), r.description(), r.startedAt(), r.startedBy()))
        .toList();
  }

  /**
   * Refuses a configuration change while a batch or run is active. The check takes the command's
   * run lock shared (a PostgreSQL transaction-level advisory lock, keyed by the tenant's schema),
   * which {@link #start} takes exclusively: a run cannot start between this check and the commit of
   * the change, and it waits for changes in flight to commit.
   */
  public void ensureConfigurationMayChange() {
    TenantLocks.shared(em, RUN_LOCK);
    List<CommandRunRow> running =
        em.createQuery(
                "select r from CommandRunRow r where r.finishedAt is null", CommandRunRow.class)
            .getResultList();
    if (!running.isEmpty()) {
      CommandRunRow run = running.get(0);
      throw new CommandRuleException(
          "command.configuration.run-active",
          "Modifica bloccata: è in corso una "
              + run.kind().italianLabel()
              + " ("
              + run.description()
              + ", avviata da "
              + run.startedBy()
              + " alle "
              + DateTimeFormatter.ofPattern("HH:mm 'del' dd/MM/yyyy")
                  .withZone(ZoneId.of("Europe/Rome"))
                  .format(run.startedAt())
              + "). Riprovare al termine.");
    }
  }

  /** Starts a run; refused when one of the same kind is already active. */
  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public long start(CommandRunKind kind, String description) {
    String by = currentStaff.requireActive().username();
    TenantLocks.exclusive(em, RUN_LOCK);
    boolean busy =
        !em.createQuery(
                "select r from CommandRunRow r where r.finishedAt is null and r.kind = :kind",
                CommandRunRow.class)
            .setParameter("kind", kind)
            .getResultList()
            .isEmpty();
    if (busy) {
      throw new CommandRuleException(
          "command.run.already-active",
          "È già in corso una " + kind.italianLabel() + ": attenderne la fine.");
    }
    CommandRunRow row = new CommandRunRow(kind, description, Instant.now(clock), by);
    em.persist(row);
    em.flush();
    return row.id();
  }

  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public void finish(long id) {
    CommandRunRow row = em.find(CommandRunRow.class, id);
    if (row != null && row.finishedAt() == null) {
      row.finish(Instant.now(clock));
    }
  }
}
