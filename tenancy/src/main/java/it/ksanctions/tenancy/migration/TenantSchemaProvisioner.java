package it.ksanctions.tenancy.migration;

import it.ksanctions.tenancy.context.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates a tenant's database role and schema; every step is idempotent so a failed onboarding can
 * be resumed.
 *
 * <p>The platform's login role (NOINHERIT, CREATEROLE) becomes a member of each tenant role so that
 * it can {@code SET ROLE} to it, but without inheriting its privileges: a pooled connection reaches
 * a tenant schema only after binding to that tenant. Each schema is owned by its own role (a new
 * schema grants nothing to {@code PUBLIC}).
 */
public final class TenantSchemaProvisioner {

  private final DataSource dataSource;

  public TenantSchemaProvisioner(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void provision(TenantId tenant) throws SQLException {
    String role = quote(tenant.roleName());
    String schema = quote(tenant.schemaName());
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      boolean pg16OrLater = connection.getMetaData().getDatabaseMajorVersion() >= 16;
      if (!roleExists(sql, tenant.roleName())) {
        if (pg16OrLater) {
          // PostgreSQL 16 grants a role to its non-superuser creator with ADMIN only; ask for SET.
          sql.execute("SET createrole_self_grant TO 'set'");
        }
        try {
          sql.execute("CREATE ROLE " + role + " NOLOGIN NOINHERIT");
        } finally {
          if (pg16OrLater) {
            sql.execute("RESET createrole_self_grant");
          }
        }
      }
      if (!pg16OrLater) {
        sql.execute("GRANT " + role + " TO CURRENT_USER");
      }
      // A new schema grants nothing to PUBLIC; only its owner role can use it.
      sql.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
    }
  }

  private static boolean roleExists(Statement sql, String role) throws SQLException {
    try (var rs =
        sql.executeQuery(
            "SELECT 1 FROM pg_roles WHERE rolname = '" + role.replace("'", "''") + "'")) {
      return rs.next();
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
