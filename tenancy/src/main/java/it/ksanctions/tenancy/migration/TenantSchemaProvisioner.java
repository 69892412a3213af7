package it.ksanctions.tenancy.migration;

import static it.ksanctions.tenancy.data.TenantConnections.quote;

import it.ksanctions.tenancy.context.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates a tenant's database role and schema; every step is idempotent so a failed onboarding can
 * be resumed.
 *
 * <p>Two roles per tenant: {@code t_<slug>} owns the schema and is what pooled connections use;
 * {@code t_<slug>_audit} owns the append-only audit log inside it, so the tenant role can read and
 * insert audit rows but never change or delete them.
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

  /** Creates the tenant's role and schema if missing. */
  public void provision(TenantId tenant) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      boolean pg16OrLater = connection.getMetaData().getDatabaseMajorVersion() >= 16;
      ensureRole(sql, tenant.roleName(), pg16OrLater);
      // A new schema grants nothing to PUBLIC; only its owner role can use it.
      sql.execute(
          "CREATE SCHEMA IF NOT EXISTS "
              + quote(tenant.schemaName())
              + " AUTHORIZATION "
              + quote(tenant.roleName()));
    }
  }

  /**
   * Creates the tenant's append-only audit log if missing, owned by the audit role. Runs after the
   * tenant's migrations: Flyway refuses a non-empty schema that has no history table yet.
   */
  public void provisionAuditLog(TenantId tenant) throws SQLException {
    String role = quote(tenant.roleName());
    String schema = quote(tenant.schemaName());
    String auditRole = quote(tenant.auditRoleName());
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      ensureRole(
          sql, tenant.auditRoleName(), connection.getMetaData().getDatabaseMajorVersion() >= 16);
      try {
        sql.execute("SET ROLE " + role);
        sql.execute("GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + auditRole);
        sql.execute("SET ROLE " + auditRole);
        sql.execute(AUDIT_TABLE.formatted(schema));
        sql.execute(AUDIT_ANCHOR_TABLE.formatted(schema));
        sql.execute("GRANT SELECT, INSERT ON " + schema + ".audit_event TO " + role);
        sql.execute("GRANT SELECT ON " + schema + ".audit_anchor TO " + role);
      } finally {
        sql.execute("RESET ROLE");
      }
    }
  }

  /**
   * The audit log (SPEC PRM-5), owned by the tenant's audit role: the tenant role, which every
   * pooled connection of the tenant uses, can only read and append. Hash-chained rows (see the
   * permissions module's {@code AuditEvent}); the sequence number is the primary key.
   */
  private static final String AUDIT_TABLE =
      """
      CREATE TABLE IF NOT EXISTS %s.audit_event (
          sequence_number  bigint       PRIMARY KEY CHECK (sequence_number > 0),
          occurred_at      timestamptz  NOT NULL,
          username         varchar(255) NOT NULL,
          role_code        varchar(100) NOT NULL,
          module           varchar(40)  NOT NULL,
          function_name    varchar(200) NOT NULL,
          operation        varchar(20)  NOT NULL,
          record_reference varchar(500) NOT NULL DEFAULT '',
          previous_hash    char(64)     NOT NULL,
          hash             char(64)     NOT NULL UNIQUE
      )""";

  /**
   * Where the chain starts after a retention purge: the sequence number and hash of the last event
   * removed. Written only by the audit role, in the purge's transaction; readable by the tenant.
   */
  private static final String AUDIT_ANCHOR_TABLE =
      """
      CREATE TABLE IF NOT EXISTS %s.audit_anchor (
          sequence_number  bigint       PRIMARY KEY,
          hash             char(64)     NOT NULL,
          purged_at        timestamptz  NOT NULL,
          purged_before    timestamptz  NOT NULL
      )""";

  /**
   * Removes the tenant's audit events that occurred before {@code cutoff} (retention), as the audit
   * role, and records the last removed event as the chain's new anchor in the same transaction, so
   * that the remaining chain still verifies from a trusted link.
   *
   * @return how many events were removed
   */
  public int purgeAuditEvents(TenantId tenant, java.time.Instant cutoff) throws SQLException {
    String schema = quote(tenant.schemaName());
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement sql = connection.createStatement()) {
        sql.execute("SET LOCAL ROLE " + quote(tenant.auditRoleName()));
        sql.execute(
            "SELECT pg_advisory_xact_lock(hashtext('" + tenant.schemaName() + ".audit_event'))");
        long last;
        String hash;
        try (var select =
            connection.prepareStatement(
                "SELECT sequence_number, hash FROM "
                    + schema
                    + ".audit_event WHERE occurred_at < ? ORDER BY sequence_number DESC LIMIT 1")) {
          select.setObject(1, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
          try (var rs = select.executeQuery()) {
            if (!rs.next()) {
              connection.rollback();
              return 0;
            }
            last = rs.getLong(1);
            hash = rs.getString(2).strip();
          }
        }
        try (var anchor =
            connection.prepareStatement(
                "INSERT INTO "
                    + schema
                    + ".audit_anchor (sequence_number, hash, purged_at, purged_before)"
                    + " VALUES (?, ?, now(), ?)")) {
          anchor.setLong(1, last);
          anchor.setString(2, hash);
          anchor.setObject(3, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
          anchor.executeUpdate();
        }
        int removed =
            sql.executeUpdate(
                "DELETE FROM " + schema + ".audit_event WHERE sequence_number <= " + last);
        connection.commit();
        return removed;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void ensureRole(Statement sql, String name, boolean pg16OrLater)
      throws SQLException {
    String role = quote(name);
    if (!roleExists(sql, name)) {
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
  }

  private static boolean roleExists(Statement sql, String role) throws SQLException {
    try (var rs =
        sql.executeQuery(
            "SELECT 1 FROM pg_roles WHERE rolname = '" + role.replace("'", "''") + "'")) {
      return rs.next();
    }
  }
}
