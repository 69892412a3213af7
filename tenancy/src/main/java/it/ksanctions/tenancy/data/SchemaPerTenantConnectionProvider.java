package it.ksanctions.tenancy.data;

import it.ksanctions.tenancy.context.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.HibernateException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;
import org.hibernate.service.spi.Configurable;
import org.jboss.logging.Logger;

/**
 * Hibernate SCHEMA multi-tenancy over the one shared WildFly pool.
 *
 * <p>Named by class in {@code persistence.xml} ({@code hibernate.multi_tenant_connection_provider})
 * because Hibernate 6.6 inside WildFly silently runs without multi-tenancy when it is only offered
 * as a CDI bean (PLATFORM-FACTS, "fail-open trap"). Hibernate instantiates it and hands it the
 * persistence unit's JTA datasource through {@link #configure(Map)}.
 */
public class SchemaPerTenantConnectionProvider
    implements MultiTenantConnectionProvider<String>, Configurable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SchemaPerTenantConnectionProvider.class);
  private static final String JTA_DATA_SOURCE = "jakarta.persistence.jtaDataSource";

  private transient DataSource dataSource;

  public SchemaPerTenantConnectionProvider() {}

  /** For tests that bind a specific pool. */
  public SchemaPerTenantConnectionProvider(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void configure(Map<String, Object> settings) {
    Object candidate = settings.get(JTA_DATA_SOURCE);
    if (!(candidate instanceof DataSource)) {
      throw new HibernateException(
          "SchemaPerTenantConnectionProvider needs the persistence unit's jta-data-source, got: "
              + candidate);
    }
    this.dataSource = (DataSource) candidate;
  }

  @Override
  public Connection getAnyConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void releaseAnyConnection(Connection connection) throws SQLException {
    connection.close();
  }

  @Override
  public Connection getConnection(String tenantIdentifier) throws SQLException {
    TenantId tenant = TenantId.of(tenantIdentifier);
    Connection connection = dataSource.getConnection();
    try {
      TenantConnections.bind(connection, tenant);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void releaseConnection(String tenantIdentifier, Connection connection)
      throws SQLException {
    try {
      TenantConnections.release(connection);
    } catch (SQLException e) {
      // Inside an aborted transaction the reset cannot run; the rollback that must follow undoes
      // the SET ROLE/search_path issued inside that transaction, so the connection returns clean.
      if (!"25P02".equals(e.getSQLState())) {
        LOG.errorf(e, "Could not reset a connection released by tenant %s", tenantIdentifier);
        throw e;
      }
    } finally {
      connection.close();
    }
  }

  @Override
  public boolean supportsAggressiveRelease() {
    return true;
  }

  @Override
  public boolean isUnwrappableAs(Class<?> unwrapType) {
    return unwrapType.isInstance(this) || DataSource.class.isAssignableFrom(unwrapType);
  }

  @Override
  public <T> T unwrap(Class<T> unwrapType) {
    if (unwrapType.isInstance(this)) {
      return unwrapType.cast(this);
    }
    if (DataSource.class.isAssignableFrom(unwrapType)) {
      return unwrapType.cast(dataSource);
    }
    throw new UnknownUnwrapTypeException(unwrapType);
  }
}
