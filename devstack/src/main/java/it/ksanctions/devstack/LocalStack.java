package it.ksanctions.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PostgreSQL plus a WildFly node wired to it: what the run command, the test harness and the
 * benchmark share. Closing it stops what it started, server first.
 */
public final class LocalStack implements AutoCloseable {

  public static final String EAR_NAME = "ksanctions.ear";

  private final Postgres postgres;
  private final String platformKey;
  private final Restart restart;
  private WildFlyServer server;

  /** What it takes to start the same server again. */
  private record Restart(Layout layout, int portOffset, String clusterName, boolean deployEar, Map<String, String> env) {}

  private LocalStack(Postgres postgres, WildFlyServer server, String platformKey, Restart restart) {
    this.postgres = postgres;
    this.server = server;
    this.platformKey = platformKey;
    this.restart = restart;
  }

  /** Where the build left things, from system properties set by the Maven profiles. */
  public record Layout(Path serverHome, Path earFile, Path workDir) {
    public static Layout fromSystemProperties() {
      return new Layout(
          Path.of(required("ksanctions.server.dir")),
          Path.of(required("ksanctions.ear.file")),
          Path.of(required("ksanctions.work.dir")));
    }

    private static String required(String name) {
      String value = System.getProperty(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException("System property " + name + " is not set");
      }
      return value;
    }
  }

  /**
   * Starts WildFly on {@code postgres}.
   *
   * @param deployEar whether the EAR is deployed at start (tests deploy their own archives)
   */
  public static LocalStack start(
      Layout layout,
      Postgres postgres,
      int portOffset,
      String clusterName,
      boolean deployEar,
      Map<String, String> extraEnvironment,
      Consumer<String> log)
      throws IOException, InterruptedException {
    if (deployEar && !Files.isRegularFile(layout.earFile())) {
      throw new IllegalStateException("No EAR at " + layout.earFile() + ": build first");
    }
    String key = newPlatformKey();
    Map<String, String> env = new HashMap<>(extraEnvironment);
    env.put("POSTGRESQL_URL", postgres.jdbcUrl());
    env.put("POSTGRESQL_USER", postgres.user());
    env.put("POSTGRESQL_PASSWORD", postgres.password());
    env.put("KSANCTIONS_PLATFORM_API_KEY", key);
    log.accept("WildFly: starting (port offset " + portOffset + ", logs in " + layout.workDir().resolve("wildfly/log") + ")");
    Restart restart = new Restart(layout, portOffset, clusterName, deployEar, Map.copyOf(env));
    LocalStack stack = new LocalStack(postgres, startServer(restart), key, restart);
    try {
      stack.server.awaitDeployment(deployEar ? EAR_NAME : null, Duration.ofMinutes(5));
    } catch (RuntimeException | InterruptedException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  private static WildFlyServer startServer(Restart restart) throws IOException {
    return WildFlyServer.start(
        restart.layout().serverHome(),
        restart.layout().workDir().resolve("wildfly"),
        restart.portOffset(),
        restart.clusterName(),
        restart.env(),
        restart.deployEar() ? List.of(restart.layout().earFile()) : List.of());
  }

  /** Stops WildFly and starts it again on the same database; returns when it is ready. */
  public void restartServer() throws IOException, InterruptedException {
    server.close();
    server = startServer(restart);
    server.awaitDeployment(restart.deployEar() ? EAR_NAME : null, Duration.ofMinutes(10));
  }

  /** Starts a fresh embedded database in {@code layout.workDir()/pgdata}. */
  public static Postgres freshEmbeddedPostgres(Layout layout, String database, Consumer<String> log)
      throws IOException, SQLException {
    return Postgres.embedded(layout.workDir().resolve("pgdata"), true, database, true, log);
  }

  private static String newPlatformKey() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public Postgres postgres() {
    return postgres;
  }

  public WildFlyServer server() {
    return server;
  }

  public String platformKey() {
    return platformKey;
  }

  public PlatformClient platformClient() {
    return new PlatformClient(server.baseUrl(), platformKey);
  }

  @Override
  public void close() {
    server.close();
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("Could not stop PostgreSQL: " + e.getMessage());
    }
  }
}
