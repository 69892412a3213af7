package it.ksanctions.tenancy.migration;

import it.ksanctions.tenancy.context.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container-facing entry point to tenant schemas: creates them and migrates them, on the
 * platform's shared datasource. Callers never see schema names or the datasource.
 */
@ApplicationScoped
public class TenantSchemas {

  /** The one shared pool of the platform (wildfly-config/cli/datasource.cli). */
  public static final String DATASOURCE = "java:jboss/datasources/KSanctionsDS";

  @Resource(lookup = DATASOURCE)
  DataSource pool;

  @Inject
  @ConfigProperty(
      name = "ksanctions.migrations.tenant-locations",
      defaultValue = SchemaMigrations.TENANT_LOCATION)
  List<String> tenantLocations;

  private SchemaMigrations migrations;
  private TenantSchemaProvisioner provisioner;

  @PostConstruct
  void init() {
    migrations = new SchemaMigrations(pool, TenantSchemas.class.getClassLoader());
    provisioner = new TenantSchemaProvisioner(pool);
  }

  public String migratePlatform() {
    return migrations.migratePlatform();
  }

  /** Creates the tenant's role and schema if missing (idempotent). */
  public void provision(TenantId tenant) throws SQLException {
    provisioner.provision(tenant);
  }

  /** Migrates a tenant schema with the configured locations; returns the resulting version. */
  public String migrate(TenantId tenant) {
    return migrate(tenant, tenantLocations);
  }

  /**
   * The highest version among the configured (or given) locations, resolved through {@code probe}.
   */
  public String latestAvailableVersion(TenantId probe, List<String> locations) {
    return migrations.latestAvailableVersion(
        probe, locations == null ? tenantLocations : locations);
  }

  /**
   * Migrates a tenant schema with explicit locations (upgrades shipped as extra locations). The
   * tenancy-owned objects (roles, schema, then the audit log) are ensured around it, so an upgrade
   * that adds one reaches tenants onboarded before it.
   */
  public String migrate(TenantId tenant, List<String> locations) {
    try {
      provision(tenant);
      String version = migrations.migrateTenant(tenant, locations);
      provisioner.provisionAuditLog(tenant);
      return version;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not prepare the schema of tenant " + tenant + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes the tenant's audit events older than {@code cutoff} as the tenant's audit role (the
   * tenant role cannot delete them), keeping the chain verifiable from a recorded anchor. Call it
   * outside a transaction.
   *
   * @return how many events were removed
   */
  public int purgeAuditEvents(TenantId tenant, java.time.Instant cutoff) {
    try {
      return provisioner.purgeAuditEvents(tenant, cutoff);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not purge the audit log of tenant " + tenant + ": " + e.getMessage(), e);
    }
  }
}
