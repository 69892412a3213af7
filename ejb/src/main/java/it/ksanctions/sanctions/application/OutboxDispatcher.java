package it.ksanctions.sanctions.application;

import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The outbox's dispatcher (issue 15 item 7): a persistent EJB timer — with the cluster's
 * distributable timer service one node runs each firing — that enters each active tenant's scope
 * and sends its due messages, each in its own transaction ({@link OutboxWork}). Two runs at once
 * (the timer and a test's or an officer's "send now") never handle one message twice: the message
 * row is locked with {@code skip locked}.
 */
@Singleton
// Runs may overlap (the timer and a "run now"): each message, event or receipt is claimed in
// the database, so no container lock is needed (and none makes a caller wait).
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 200;

  @Inject TenantRegistry registry;
  @Inject OutboxWork work;

  /** The outcome of one run. */
  public record Run(int tenants, int sent, int failed, int postponed, int failedTenants) {}

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = "outbox")
  public void scheduled() {
    // Maintenance switch (and the tests that count what one run sends): with the system property
    // ksanctions.outbox.paused=true the timer sends nothing; "run now" still does.
    if (Boolean.getBoolean("ksanctions.outbox.paused")) {
      return;
    }
    // One line per firing (DEBUG): the two-node test counts them to show one run per period.
    String node = System.getProperty("jboss.node.name", "?");
    LOG.debugf("Outbox timer fired on %s", node);
    try {
      Run run = runAll();
      if (run.sent() > 0 || run.failed() > 0 || run.failedTenants() > 0) {
        LOG.infof("Outbox: %s", run);
      }
    } finally {
      // (DEBUG) the two-node test waits for a firing under way to end after pausing the timer
      LOG.debugf("Outbox timer run ended on %s", node);
    }
  }

  /** Sends what is due in every active tenant. */
  public Run runAll() {
    int tenants = 0;
    int sent = 0;
    int failed = 0;
    int postponed = 0;
    int failedTenants = 0;
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      tenants++;
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        Run run = runTenant();
        sent += run.sent();
        failed += run.failed();
        postponed += run.postponed();
      } catch (RuntimeException e) {
        failedTenants++;
        LOG.errorf(e, "Outbox of tenant %s failed", tenant.id());
      }
    }
    return new Run(tenants, sent, failed, postponed, failedTenants);
  }

  /** Sends what is due in the tenant in scope (until nothing is due or a batch is done). */
  public Run runTenant() {
    int sent = 0;
    int failed = 0;
    int postponed = 0;
    for (long id : work.due(BATCH)) {
      try {
        switch (work.dispatch(id)) {
          case DONE -> sent++;
          case POSTPONED -> postponed++;
          default -> {}
        }
      } catch (OutboxWork.HandlerFailed e) {
        failed++;
        work.recordFailure(id, e);
      }
    }
    return new Run(1, sent, failed, postponed, 0);
  }
}
