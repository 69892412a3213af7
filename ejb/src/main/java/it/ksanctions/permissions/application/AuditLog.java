package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AuditChainVerification;
import it.ksanctions.permissions.domain.AuditEvent;
import it.ksanctions.permissions.domain.AuditedAction;

/**
 * The current tenant's audit log (SPEC PRM-5): append-only, hash-chained. Every state-changing
 * action, export or read of personal data appends one event in the same transaction.
 */
public interface AuditLog {

  /** Appends the next event of the chain and returns it. */
  AuditEvent append(AuditedAction action);

  /** Verifies the whole chain; the result names the first broken link, if any. */
  AuditChainVerification verify();
}
