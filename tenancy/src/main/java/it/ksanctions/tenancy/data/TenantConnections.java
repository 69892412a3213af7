package it.ksanctions.tenancy.data;

import it.ksanctions.tenancy.context.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Binds a pooled connection to a tenant and releases it again: the single place where the session's
 * role and {@code search_path} are changed.
 *
 * <p>Binding switches both the schema and the role: a statement that names another tenant's schema
 * explicitly then fails with "permission denied" instead of reading foreign rows (defence in depth,
 * DESIGN "Tenancy"). Releasing resets both, so the next borrower, tenant or platform code, starts
 * from the login role. A connection whose reset fails must not go back to the pool bound to a
 * tenant: the failure is rethrown so the caller can discard it.
 */
public final class TenantConnections {

  private TenantConnections() {}

  public static void bind(Connection connection, TenantId tenant) throws SQLException {
    String name = quote(tenant.schemaName());
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET ROLE " + quote(tenant.roleName()) + "; SET search_path TO " + name);
    }
  }

  public static void release(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("RESET ROLE; RESET search_path");
    }
  }

  /** Quotes a derived identifier; tenant names come from validated slugs only. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
