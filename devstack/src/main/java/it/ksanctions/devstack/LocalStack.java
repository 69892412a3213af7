package it.ksanctions.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
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

  /** The citizen API, a deployment beside the EAR that depends on it (ADR 0012). */
  public static final String CITIZEN_API_NAME = "ksanctions-citizen-api.war";

  /** Development-only master keys (versions 1 and 2) of the integration credentials. */
  public static final String DEV_CREDENTIAL_KEYS =
      "1:a3NhbmN0aW9ucy1kZXYta2V5LTEtMDEyMzQ1Njc4OWE=,"
          + "2:a3NhbmN0aW9ucy1kZXYta2V5LTItMDEyMzQ1Njc4OWE=";

  private final Postgres postgres;
  private final KeycloakServer keycloak;
  private final Restart restart;
  private final com.icegreen.greenmail.util.GreenMail mail;
  private final it.ksanctions.devstack.sim.Simulators simulators;
  private WildFlyServer server;

  /** What it takes to start the same server again. */
  private record Restart(
      Layout layout,
      int portOffset,
      String clusterName,
      boolean deployEar,
      Map<String, String> env) {}

  private LocalStack(
      Postgres postgres,
      KeycloakServer keycloak,
      WildFlyServer server,
      Restart restart,
      com.icegreen.greenmail.util.GreenMail mail,
      it.ksanctions.devstack.sim.Simulators simulators) {
    this.mail = mail;
    this.simulators = simulators;
    this.postgres = postgres;
    this.keycloak = keycloak;
    this.server = server;
    this.restart = restart;
  }

  /**
   * Where the build left things, from system properties set by the Maven profiles.
   *
   * @param citizenApiFile the citizen API's WAR ({@code ksanctions.citizen-api.file}), deployed
   *     beside the EAR when given (the run command); null when the profile does not name it
   */
  public record Layout(
      Path serverHome, Path earFile, Path keycloakHome, Path workDir, Path citizenApiFile) {
    public static Layout fromSystemProperties() {
      String citizenApi = System.getProperty("ksanctions.citizen-api.file");
      return new Layout(
          Path.of(required("ksanctions.server.dir")),
          Path.of(required("ksanctions.ear.file")),
          Path.of(required("ksanctions.keycloak.dir")),
          Path.of(required("ksanctions.work.dir")),
          citizenApi == null || citizenApi.isBlank() ? null : Path.of(citizenApi));
    }

    /** What the server deploys at start with the EAR: the EAR, then the citizen API if built. */
    List<Path> productDeployments() {
      if (citizenApiFile == null) {
        return List.of(earFile);
      }
      if (!Files.isRegularFile(citizenApiFile)) {
        throw new IllegalStateException("No citizen API at " + citizenApiFile + ": build first");
      }
      return List.of(earFile, citizenApiFile);
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
   * Starts Keycloak and WildFly (concurrently) on {@code postgres}. Port offsets: WildFly HTTP 8080
   * + offset, management 9990 + offset; Keycloak 18080 + offset (its management port 1000 above);
   * the simulators of the outside services 17080 + offset.
   *
   * @param freshIdentities start Keycloak from an empty database (tests, benchmarks)
   * @param deployEar whether the EAR is deployed at start (tests deploy their own archives)
   */
  public static LocalStack start(
      Layout layout,
      Postgres postgres,
      int portOffset,
      String clusterName,
      boolean freshIdentities,
      boolean deployEar,
      Map<String, String> extraEnvironment,
      Consumer<String> log)
      throws IOException, InterruptedException {
    if (deployEar && !Files.isRegularFile(layout.earFile())) {
      throw new IllegalStateException("No EAR at " + layout.earFile() + ": build first");
    }
    if (deployEar) {
      layout.productDeployments(); // fails before starting anything when the WAR is missing
    }
    int keycloakPort = 18080 + portOffset;
    int smtpPort = 2525 + portOffset;
    int simulatorsPort = 17080 + portOffset;
    requireFreePorts(
        Map.of(
            "Simulators (PDND, SEND, INAD, pagoPA)", simulatorsPort,
            "SMTP (GreenMail)", smtpPort,
            "IMAP (GreenMail)", smtpPort + 1000,
            "WildFly HTTP", 8080 + portOffset,
            "WildFly management", 9990 + portOffset,
            "Keycloak", keycloakPort,
            "Keycloak management", keycloakPort + 1000));
    log.accept(
        "Keycloak: starting on 127.0.0.1:"
            + keycloakPort
            + " (log in "
            + layout.workDir().resolve("keycloak/keycloak.log")
            + ")");
    KeycloakServer keycloak =
        KeycloakServer.start(
            layout.keycloakHome(),
            layout.workDir().resolve("keycloak"),
            keycloakPort,
            freshIdentities,
            "admin-dev");
    com.icegreen.greenmail.util.GreenMail mail =
        new com.icegreen.greenmail.util.GreenMail(
            new com.icegreen.greenmail.util.ServerSetup[] {
              new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"),
              // IMAP, 1000 above SMTP: in-container tests read the alert mailboxes (login and
              // password are the e-mail address, GreenMail's automatic users).
              new com.icegreen.greenmail.util.ServerSetup(smtpPort + 1000, "127.0.0.1", "imap")
            });
    mail.start();
    log.accept("SMTP: GreenMail on 127.0.0.1:" + smtpPort + " receives the alert e-mails");
    // Senders "…@pec.…" get PEC receipts in their mailbox; it stops with GreenMail.
    it.ksanctions.devstack.sim.PecProvider.start(mail, log);
    log.accept("PEC: simulated provider on GreenMail (senders with \"@pec.\" get receipts)");
    it.ksanctions.devstack.sim.Simulators simulators;
    try {
      simulators = it.ksanctions.devstack.sim.Simulators.start(simulatorsPort, log);
    } catch (IOException | RuntimeException e) {
      keycloak.close();
      mail.stop();
      throw e;
    }
    log.accept(
        "Simulators: PDND, SEND, INAD, pagoPA on "
            + simulators.baseUrl()
            + " (journal: "
            + simulators.baseUrl()
            + "/__journal)");
    Map<String, String> env = new HashMap<>(extraEnvironment);
    env.put("KSANCTIONS_MAIL_HOST", "127.0.0.1");
    env.put("KSANCTIONS_MAIL_PORT", String.valueOf(smtpPort));
    // Development master keys of the integration credentials (never used in production): two
    // versions, so a rotation can be tried; new secrets use version 1 unless the caller's
    // environment says otherwise.
    env.putIfAbsent("KSANCTIONS_CREDENTIALS_MASTER_KEYS", DEV_CREDENTIAL_KEYS);
    env.putIfAbsent("KSANCTIONS_CREDENTIALS_CURRENT_KEY_VERSION", "1");
    env.put("POSTGRESQL_URL", postgres.jdbcUrl());
    env.put("POSTGRESQL_USER", postgres.user());
    env.put("POSTGRESQL_PASSWORD", postgres.password());
    env.put("KSANCTIONS_OIDC_PROVIDER_URL", keycloak.issuer());
    env.put("KSANCTIONS_KEYCLOAK_URL", keycloak.baseUrl());
    env.put("KSANCTIONS_KEYCLOAK_CLIENT_SECRET", "ksanctions-platform-dev-secret");
    env.put("KSANCTIONS_CITIZENS_ISSUER", CitizenRealms.issuer(keycloak.baseUrl()));
    env.put("KSANCTIONS_CITIZENS_CLIENT_ID", CitizenRealms.CLIENT_ID);
    env.put("KSANCTIONS_CITIZENS_CLIENT_SECRET", CitizenRealms.CLIENT_SECRET);
    env.put("KSANCTIONS_SIMULATORS_URL", simulators.baseUrl());
    env.put("KSANCTIONS_PDND_TOKEN_URL", simulators.baseUrl() + "/pdnd/token.oauth2");
    env.put("KSANCTIONS_PDND_AUDIENCE", it.ksanctions.devstack.sim.Simulators.PDND_AUDIENCE);
    env.put("KSANCTIONS_INAD_URL", simulators.baseUrl() + "/inad");
    env.put("KSANCTIONS_INIPEC_URL", simulators.baseUrl() + "/inipec");
    env.put("KSANCTIONS_CHECKOUT_URL", simulators.baseUrl() + "/checkout/ec/v1");
    log.accept(
        "WildFly: starting (port offset "
            + portOffset
            + ", logs in "
            + layout.workDir().resolve("wildfly/log")
            + ")");
    Restart restart = new Restart(layout, portOffset, clusterName, deployEar, Map.copyOf(env));
    WildFlyServer server;
    try {
      server = startServer(restart);
    } catch (IOException | RuntimeException e) {
      keycloak.close();
      mail.stop();
      simulators.close();
      throw e;
    }
    LocalStack stack = new LocalStack(postgres, keycloak, server, restart, mail, simulators);
    try {
      keycloak.awaitReady(Duration.ofMinutes(5));
      stack.server.awaitDeployment(deployEar ? EAR_NAME : null, Duration.ofMinutes(5));
      if (deployEar && layout.citizenApiFile() != null) {
        stack.server.awaitDeployment(CITIZEN_API_NAME, Duration.ofMinutes(2));
      }
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
        restart.deployEar() ? restart.layout().productDeployments() : List.of());
  }

  /**
   * Starts another WildFly node of the same cluster on the same database, Keycloak, mail server and
   * simulators (port offset {@code portOffset}, its own base directory {@code name} beside the
   * first node's) with {@code deployments}; returns when {@code awaited} is deployed. The caller
   * closes it.
   */
  public WildFlyServer startNode(
      int portOffset, String name, List<Path> deployments, String awaited)
      throws IOException, InterruptedException {
    return startNode(portOffset, name, restart.clusterName(), deployments, awaited);
  }

  /**
   * Starts a node on this stack's database, PostgreSQL, Keycloak and simulators in the cluster
   * named {@code clusterName}: another name than this stack's makes a cluster of its own, apart
   * from this stack's server.
   */
  public WildFlyServer startNode(
      int portOffset, String name, String clusterName, List<Path> deployments, String awaited)
      throws IOException, InterruptedException {
    WildFlyServer node =
        WildFlyServer.start(
            restart.layout().serverHome(),
            restart.layout().workDir().resolve(name),
            portOffset,
            clusterName,
            restart.env(),
            deployments);
    try {
      node.awaitDeployment(awaited, Duration.ofMinutes(5));
    } catch (RuntimeException | InterruptedException e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** Stops WildFly and starts it again on the same database; returns when it is ready. */
  public void restartServer() throws IOException, InterruptedException {
    server.close();
    server = startServer(restart);
    server.awaitDeployment(restart.deployEar() ? EAR_NAME : null, Duration.ofMinutes(10));
    if (restart.deployEar() && restart.layout().citizenApiFile() != null) {
      server.awaitDeployment(CITIZEN_API_NAME, Duration.ofMinutes(2));
    }
  }

  /**
   * Fails before starting anything when a port is taken (another run of the product, or of the
   * tests, with the same port offset), instead of servers that cannot bind.
   */
  static void requireFreePorts(Map<String, Integer> ports) {
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
        socket.bind(new java.net.InetSocketAddress("127.0.0.1", port.getValue()));
      } catch (IOException taken) {
        throw new IllegalStateException(
            port.getKey()
                + " port "
                + port.getValue()
                + " on 127.0.0.1 is already in use: is another K-Sanctions (run command or tests)"
                + " still running? Stop it and try again.");
      }
    }
  }

  /** Starts a fresh embedded database in {@code layout.workDir()/pgdata}. */
  public static Postgres freshEmbeddedPostgres(Layout layout, String database, Consumer<String> log)
      throws IOException, SQLException {
    return Postgres.embedded(layout.workDir().resolve("pgdata"), true, database, true, log);
  }

  public Postgres postgres() {
    return postgres;
  }

  /** The SMTP server the product sends its e-mails to (GreenMail, kept in memory). */
  public com.icegreen.greenmail.util.GreenMail mail() {
    return mail;
  }

  /** The simulators of the outside services (PDND, SEND, INAD, pagoPA GPD and Checkout). */
  public it.ksanctions.devstack.sim.Simulators simulators() {
    return simulators;
  }

  public WildFlyServer server() {
    return server;
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  /** A platform API client authenticated as the dev realm's vendor support user. */
  public PlatformClient platformClient() {
    return new PlatformClient(
        server.baseUrl(),
        tokens().passwordGrant(DevIdentities.SUPPORT_USER, DevIdentities.SUPPORT_PASSWORD));
  }

  public Tokens tokens() {
    return new Tokens(keycloak.issuer());
  }

  @Override
  public void close() {
    server.close();
    keycloak.close();
    mail.stop();
    simulators.close();
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("Could not stop PostgreSQL: " + e.getMessage());
    }
  }
}
