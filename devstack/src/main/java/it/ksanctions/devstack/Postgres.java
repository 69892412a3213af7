package it.ksanctions.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A PostgreSQL database for the platform, found or started in this order:
 *
 * <ol>
 *   <li>{@code POSTGRESQL_URL} (with {@code POSTGRESQL_USER}/{@code POSTGRESQL_PASSWORD}) if set:
 *       used as given; the database and its login role must exist (see README, "Operations").
 *   <li>a server running on 127.0.0.1:5432 that accepts the administrator credentials {@code
 *       PGUSER}/{@code PGPASSWORD} (default postgres/postgres);
 *   <li>an embedded PostgreSQL whose binaries come from Maven Central (zonky).
 * </ol>
 *
 * In the last two cases the login role {@value #APP_USER} (LOGIN NOINHERIT CREATEROLE) and the
 * database are created when missing: the platform creates one role and schema per tenant.
 */
public final class Postgres implements AutoCloseable {

  public static final String APP_USER = "ksanctions_app";
  public static final String APP_PASSWORD = "ksanctions";

  public enum Origin {
    CONFIGURED,
    LOCAL_SERVER,
    EMBEDDED
  }

  private final Origin origin;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;

  private Postgres(
      Origin origin, String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
    this.origin = origin;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /** Finds a database as described in the class comment, for the run command. */
  public static Postgres locate(Path embeddedDataDir, String database, Consumer<String> log)
      throws IOException, SQLException {
    String configured = System.getenv("POSTGRESQL_URL");
    if (configured != null && !configured.isBlank()) {
      String user = envOr("POSTGRESQL_USER", APP_USER);
      String password = envOr("POSTGRESQL_PASSWORD", APP_PASSWORD);
      log.accept("PostgreSQL: using POSTGRESQL_URL " + configured);
      return new Postgres(Origin.CONFIGURED, configured, user, password, null);
    }
    String adminUser = envOr("PGUSER", "postgres");
    String adminPassword = envOr("PGPASSWORD", "postgres");
    if (isListening(5432)) {
      String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
      try (Connection admin = connect(adminUrl, adminUser, adminPassword)) {
        bootstrap(admin, database, false);
        log.accept(
            "PostgreSQL: using the local server on 127.0.0.1:5432 (database " + database + ")");
        return new Postgres(
            Origin.LOCAL_SERVER,
            "jdbc:postgresql://127.0.0.1:5432/" + database,
            APP_USER,
            APP_PASSWORD,
            null);
      } catch (SQLException e) {
        log.accept(
            "PostgreSQL: a server listens on 127.0.0.1:5432 but refused "
                + adminUser
                + " ("
                + e.getMessage()
                + "); set PGUSER/PGPASSWORD or POSTGRESQL_URL to use it. Starting an embedded one.");
      }
    }
    return embedded(embeddedDataDir, false, database, false, log);
  }

  /** System property: the embedded server's {@code shared_buffers} (e.g. {@code 2GB}). */
  public static final String SHARED_BUFFERS = "ksanctions.pg.shared-buffers";

  /**
   * Starts an embedded PostgreSQL on a free loopback port.
   *
   * @param cleanData start from an empty cluster
   * @param freshDatabase drop and recreate the database
   */
  public static Postgres embedded(
      Path dataDir, boolean cleanData, String database, boolean freshDatabase, Consumer<String> log)
      throws IOException, SQLException {
    Files.createDirectories(dataDir);
    int port = freePort(55432);
    log.accept(
        "PostgreSQL: starting an embedded server on 127.0.0.1:"
            + port
            + " (data in "
            + dataDir
            + ")");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(cleanData)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            // the library waits 10 s by default: too little on a busy 2-core machine
            .setPGStartupWait(java.time.Duration.ofSeconds(60));
    // PostgreSQL's default (128 MB) unless asked: the benchmarks with many tenants size it as a
    // production server would (every relation of every schema takes at least a page)
    String sharedBuffers = System.getProperty(SHARED_BUFFERS, "");
    if (!sharedBuffers.isBlank()) {
      builder.setServerConfig("shared_buffers", sharedBuffers.strip());
      log.accept("PostgreSQL: shared_buffers = " + sharedBuffers.strip());
    }
    EmbeddedPostgres pg = builder.start();
    try (Connection admin =
        connect(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
      bootstrap(admin, database, freshDatabase);
    } catch (SQLException | RuntimeException e) {
      pg.close();
      throw e;
    }
    return new Postgres(
        Origin.EMBEDDED,
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
        APP_USER,
        APP_PASSWORD,
        pg);
  }

  /** Creates the platform's login role and the database if missing. */
  static void bootstrap(Connection admin, String database, boolean fresh) throws SQLException {
    try (Statement sql = admin.createStatement()) {
      if (!exists(admin, "select 1 from pg_roles where rolname = ?", APP_USER)) {
        sql.execute(
            "create role "
                + APP_USER
                + " login noinherit createrole password '"
                + APP_PASSWORD
                + "'");
      }
      if (fresh) {
        sql.execute("drop database if exists " + database + " with (force)");
      }
      if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
        sql.execute("create database " + database + " owner " + APP_USER);
      }
    }
  }

  private static boolean exists(Connection c, String query, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public static Connection connect(String url, String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(url, props);
  }

  /** A connection as the platform's login role, for checks from outside the server. */
  public Connection connectAsApplication() throws SQLException {
    return connect(jdbcUrl, user, password);
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort(int preferred) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", preferred));
      return preferred;
    } catch (IOException taken) {
      try (ServerSocket socket =
          new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
        return socket.getLocalPort();
      }
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public Origin origin() {
    return origin;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
