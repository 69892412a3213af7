package it.ksanctions.devices.application;

import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The EJB timer of the Devices alerts (PLT-4, DEV-7): every 15 minutes it enters each active
 * tenant's scope explicitly, checks calibrations and synchronisation, and e-mails the pending
 * alerts. The timer is persistent: with the distributable timer service of the cluster each firing
 * runs on one node only. Each tenant runs in its own transactions; a failure in one tenant does not
 * stop the others, and alerts are idempotent (dedupe keys), so a re-run raises nothing twice.
 */
@Singleton
// Runs may overlap (the timer and a "run now", or two "run now"): alerts are raised once (dedupe
// keys) and each is claimed in the database before its e-mail, as across nodes, so no container
// lock is needed (one made a second "run now" fail after 5 s while the first was still running).
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeviceAlertsTimer {

  private static final Logger LOG = Logger.getLogger(DeviceAlertsTimer.class);

  @Inject TenantRegistry registry;
  @Inject DeviceAlerts alerts;

  Clock clock = Clock.systemUTC();

  /** The outcome of one run over all tenants. */
  public record Run(int tenants, int raised, int emailed, int failedTenants) {}

  @Schedule(hour = "*", minute = "*/15", persistent = true, info = "device alerts")
  public void scheduled() {
    Run run = runNow();
    if (run.raised() > 0 || run.failedTenants() > 0) {
      LOG.infof("Device alerts: %s", run);
    }
  }

  /** Runs the check for every active tenant now; also the platform's "run now" hook. */
  public Run runNow() {
    Instant now = clock.instant();
    int tenants = 0;
    int raised = 0;
    int emailed = 0;
    int failed = 0;
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      tenants++;
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        raised += alerts.check(now);
        emailed += alerts.deliverPending(tenant.getDisplayName());
      } catch (RuntimeException e) {
        failed++;
        LOG.errorf(e, "Device alerts of tenant %s failed", tenant.id());
      }
    }
    return new Run(tenants, raised, emailed, failed);
  }
}
