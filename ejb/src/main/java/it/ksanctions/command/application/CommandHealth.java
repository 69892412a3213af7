package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandAnomalies;
import it.ksanctions.command.domain.CommandAnomaly;
import it.ksanctions.permissions.application.Authorized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The anomalies of the current command's configuration (CMD-8), computed when asked from the
 * registry, chapters, splits, fees and the integrations' last connection tests, and the gate that
 * blocks new verbali while a serious one is open (CMD-7).
 */
@ApplicationScoped
@Transactional
public class CommandHealth {

  @Inject CommandRegistryAdministration registry;
  @Inject BudgetChapters chapters;
  @Inject CommandFees fees;
  @Inject IntegrationStatus integrations;

  Clock clock = Clock.systemUTC();

  @Authorized(module = COMMAND, action = ACCESS)
  public List<CommandAnomaly> anomalies() {
    return compute();
  }

  /**
   * The messages of the serious anomalies that block new verbali now (CMD-7), for the worklist of
   * whoever issues them; not authorised, it tells no configuration detail beyond the message.
   */
  public List<String> blockingMessages() {
    return compute().stream()
        .filter(CommandAnomaly::blocking)
        .map(CommandAnomaly::italianMessage)
        .toList();
  }

  /**
   * Refuses to issue a new verbale while a serious anomaly is open, naming them all; called before
   * a verbale number is allocated.
   */
  public void ensureVerbaliMayBeIssued() {
    CommandAnomalies.ensureNoBlocking(compute());
  }

  private List<CommandAnomaly> compute() {
    return CommandAnomalies.of(
        new CommandAnomalies.Snapshot(
            registry.current(),
            chapters.allCodes(),
            chapters.currentAllocations(),
            fees.effective(),
            integrations.pagoPaFailure().orElse(null),
            integrations.pecFailure().orElse(null),
            LocalDate.now(clock.withZone(ZoneId.of("Europe/Rome")))));
  }
}
