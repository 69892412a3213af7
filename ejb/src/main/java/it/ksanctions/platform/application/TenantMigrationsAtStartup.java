package it.ksanctions.platform.application;

import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.migration.TenantSchemas;
import it.ksanctions.tenancy.registry.MigrationStatus;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Brings the platform schema and every onboarded tenant schema to the version shipped with this
 * deployment, before the application serves requests.
 *
 * <p>Tenants are migrated with bounded parallelism ({@code ksanctions.migrations.parallelism},
 * default 2: one per core of the reference machine) on the managed executor, each in its own tenant
 * scope. A tenant whose migration fails is recorded as FAILED with the error and does not stop the
 * others; the report says who failed.
 *
 * <p>Only the registry is read for tenants already recorded as CURRENT at the latest version this
 * release ships: checking each schema with Flyway costs ~26 ms a tenant (docs/benchmarks.md), too
 * much at start-up for thousands of tenants. The registry is authoritative because only this code
 * and onboarding migrate tenant schemas.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantMigrationsAtStartup {

  private static final Logger LOG = Logger.getLogger(TenantMigrationsAtStartup.class);

  @Inject TenantSchemas schemas;
  @Inject TenantRegistry registry;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "ksanctions.migrations.parallelism", defaultValue = "2")
  int parallelism;

  private final Clock clock = Clock.systemUTC();

  /** One tenant's result: the schema version reached, or the error. */
  public record TenantMigration(String slug, String version, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  @PostConstruct
  void atStartup() {
    String platformVersion = schemas.migratePlatform();
    LOG.infof("Platform schema at version %s", platformVersion);
    List<TenantMigration> report = migrateAllTenants(null);
    long failed = report.stream().filter(TenantMigration::failed).count();
    LOG.infof("Tenant schemas migrated: %d tenants, %d failed", report.size(), failed);
  }

  /**
   * Migrates every onboarded tenant (active or suspended).
   *
   * @param locations migration locations, or null for the configured ones
   */
  public List<TenantMigration> migrateAllTenants(List<String> locations) {
    List<Tenant> tenants =
        registry.list().stream()
            .filter(
                t ->
                    t.getStatus() == TenantStatus.ACTIVE || t.getStatus() == TenantStatus.SUSPENDED)
            .toList();
    List<TenantMigration> report = new ArrayList<>();
    if (tenants.isEmpty()) {
      return report;
    }
    String latest = null;
    try (TenantScope scope = TenantScope.enter(tenants.get(0).id())) {
      latest = schemas.latestAvailableVersion(tenants.get(0).id(), locations);
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not read the latest schema version; every tenant is checked with Flyway");
    }
    Semaphore permits = new Semaphore(Math.max(1, parallelism));
    List<Future<TenantMigration>> running = new ArrayList<>();
    for (Tenant tenant : tenants) {
      if (latest != null
          && tenant.getMigrationStatus() == MigrationStatus.CURRENT
          && latest.equals(tenant.getSchemaVersion())) {
        report.add(new TenantMigration(tenant.getSlug(), latest, null));
        continue;
      }
      permits.acquireUninterruptibly();
      try {
        running.add(
            executor.submit(
                () -> {
                  try {
                    return migrate(tenant.id(), locations);
                  } finally {
                    permits.release();
                  }
                }));
      } catch (RuntimeException e) {
        permits.release();
        throw e;
      }
    }
    for (Future<TenantMigration> future : running) {
      try {
        report.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while migrating tenants", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Tenant migration task failed", e.getCause());
      }
    }
    return report;
  }

  private TenantMigration migrate(TenantId id, List<String> locations) {
    try (TenantScope scope = TenantScope.enter(id)) {
      try {
        String version = locations == null ? schemas.migrate(id) : schemas.migrate(id, locations);
        registry.update(id.slug(), t -> t.migrated(version, clock.instant()));
        return new TenantMigration(id.slug(), version, null);
      } catch (RuntimeException e) {
        String error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        LOG.errorf(e, "Migration of tenant %s failed; the other tenants go on", id);
        registry.update(id.slug(), t -> t.migrationFailed(error, clock.instant()));
        return new TenantMigration(id.slug(), null, error);
      }
    }
  }
}
