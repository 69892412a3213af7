package it.ksanctions.tenancy.data;

import it.ksanctions.tenancy.context.TenantId;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A view of the shared pool whose connections are bound to one tenant while borrowed and reset when
 * closed. Used by code that needs plain JDBC on a tenant schema (Flyway migrations), so that
 * objects it creates belong to the tenant's role and the pool never receives a bound connection.
 */
public final class TenantBoundDataSource implements DataSource {

  private final DataSource pool;
  private final TenantId tenant;

  public TenantBoundDataSource(DataSource pool, TenantId tenant) {
    this.pool = pool;
    this.tenant = tenant;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = pool.getConnection();
    try {
      TenantConnections.bind(connection, tenant);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return (Connection)
        Proxy.newProxyInstance(
            TenantBoundDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ReleasingHandler(connection));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("Tenant connections use the pool's credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("Not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }

  private static final class ReleasingHandler implements InvocationHandler {
    private final Connection target;
    private boolean closed;

    ReleasingHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args)
        throws Throwable {
      if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
        if (!closed) {
          closed = true;
          try {
            if (!target.getAutoCommit()) {
              target.rollback();
            }
            TenantConnections.release(target);
          } finally {
            target.close();
          }
        }
        return null;
      }
      if ("isClosed".equals(method.getName()) && method.getParameterCount() == 0 && closed) {
        return true;
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
