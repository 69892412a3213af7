package it.ksanctions.permissions.application;

import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.migration.TenantSchemas;
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
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Applies each tenant's audit retention (PRM-5) every night: events older than the tenant's
 * retention period ({@code AuditTrail}, default ten years) are removed by the tenant's audit role,
 * and the chain keeps verifying from the recorded anchor. Each tenant in its own scope; a failure
 * in one tenant does not stop the others. Safe to run on every node: purges of one tenant are
 * serialised by the audit log's advisory lock and a second run finds nothing to remove.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditRetention {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class);

  @Inject TenantRegistry registry;
  @Inject TenantSchemas schemas;
  @Inject SettingsStore settings;

  Clock clock = Clock.systemUTC();

  @Schedule(hour = "3", minute = "17", persistent = false, info = "audit retention")
  public void nightly() {
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      try {
        apply(tenant.id());
      } catch (RuntimeException e) {
        LOG.errorf(e, "Audit retention of tenant %s failed", tenant.id());
      }
    }
  }

  /** Applies the tenant's retention now; returns how many events were removed. */
  public int apply(TenantId tenant) {
    try (TenantScope scope = TenantScope.enter(tenant)) {
      int years =
          settings
              .get(AuditTrail.RETENTION_KEY)
              .map(Integer::parseInt)
              .orElse(AuditTrail.DEFAULT_RETENTION_YEARS);
      Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minusYears(years).toInstant();
      int removed = schemas.purgeAuditEvents(tenant, cutoff);
      if (removed > 0) {
        LOG.infof("Audit retention of %s: %d events before %s removed", tenant, removed, cutoff);
      }
      return removed;
    }
  }
}
