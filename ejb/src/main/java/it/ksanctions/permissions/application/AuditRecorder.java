package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.AuditedAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the audit event of what the signed-in user does (PRM-5), in the caller's transaction: the
 * action and its event commit together or not at all.
 */
@ApplicationScoped
public class AuditRecorder {

  @Inject AuditLog log;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  public void record(
      AppModule module, String function, AuditOperation operation, String recordReference) {
    StaffProfile who = currentStaff.requireActive();
    log.append(
        new AuditedAction(
            Instant.now(clock),
            who.username(),
            who.roleCode(),
            module,
            function,
            operation,
            recordReference));
  }
}
