package it.ksanctions.tenancy.migration;

import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.data.TenantBoundDataSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations for the platform schema and for each tenant schema.
 *
 * <p>Tenant migrations run on a {@link TenantBoundDataSource}: the tables they create, and the
 * schema history table, belong to the tenant's role. Scripts are plain SQL without schema names.
 */
public final class SchemaMigrations {

  public static final String PLATFORM_SCHEMA = "platform";
  public static final String PLATFORM_LOCATION = "classpath:db/platform";
  public static final String TENANT_LOCATION = "classpath:db/tenant";

  private final DataSource pool;
  private final ClassLoader classLoader;

  public SchemaMigrations(DataSource pool, ClassLoader classLoader) {
    this.pool = pool;
    this.classLoader = classLoader;
  }

  public String migratePlatform() {
    MigrateResult result =
        Flyway.configure(classLoader)
            .dataSource(pool)
            .schemas(PLATFORM_SCHEMA)
            .defaultSchema(PLATFORM_SCHEMA)
            .createSchemas(true)
            .locations(PLATFORM_LOCATION)
            .load()
            .migrate();
    return result.targetSchemaVersion;
  }

  /**
   * The highest tenant schema version available in {@code locations}, read through one tenant's
   * schema (Flyway resolves the scripts and compares them with that tenant's history).
   */
  public String latestAvailableVersion(TenantId probe, List<String> locations) {
    return Arrays.stream(tenantFlyway(probe, locations).info().all())
        .filter(info -> info.getState().isResolved() && info.getVersion() != null)
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion)
        .orElse(null);
  }

  private Flyway tenantFlyway(TenantId tenant, List<String> locations) {
    return Flyway.configure(classLoader)
        .dataSource(new TenantBoundDataSource(pool, tenant))
        .schemas(tenant.schemaName())
        .defaultSchema(tenant.schemaName())
        .createSchemas(false)
        .locations(locations.toArray(String[]::new))
        .load();
  }

  /**
   * Brings a tenant schema to the latest version found in {@code locations}.
   *
   * @return the schema version after the migration
   */
  public String migrateTenant(TenantId tenant, List<String> locations) {
    Flyway flyway = tenantFlyway(tenant, locations);
    MigrateResult result = flyway.migrate();
    if (result.targetSchemaVersion != null) {
      return result.targetSchemaVersion;
    }
    MigrationVersion current =
        flyway.info().current() == null ? null : flyway.info().current().getVersion();
    return current == null ? null : current.getVersion();
  }
}
