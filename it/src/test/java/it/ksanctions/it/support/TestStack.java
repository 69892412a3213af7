package it.ksanctions.it.support;

import it.ksanctions.devstack.LocalStack;
import it.ksanctions.devstack.PlatformClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** The running stack, for tests that run as clients (HTTP and direct SQL checks). */
public final class TestStack {

  private static LocalStack stack;
  private static LocalStack.Layout layout;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestStack() {}

  private static java.security.KeyPair demoKey;

  static synchronized void set(
      LocalStack started, LocalStack.Layout where, java.security.KeyPair demoPdndKey) {
    stack = started;
    layout = where;
    demoKey = demoPdndKey;
  }

  /** The stack's WildFly node. */
  public static it.ksanctions.devstack.WildFlyServer server() {
    return stack().server();
  }

  /** Starts a second node of the test cluster (see {@link LocalStack#startNode}). */
  public static it.ksanctions.devstack.WildFlyServer startNode(
      int portOffset, String name, java.util.List<java.nio.file.Path> deployments, String awaited)
      throws IOException, InterruptedException {
    return stack().startNode(portOffset, name, deployments, awaited);
  }

  /** Starts a node in a cluster of its own name (see {@link LocalStack#startNode}). */
  public static it.ksanctions.devstack.WildFlyServer startNode(
      int portOffset,
      String name,
      String clusterName,
      java.util.List<java.nio.file.Path> deployments,
      String awaited)
      throws IOException, InterruptedException {
    return stack().startNode(portOffset, name, clusterName, deployments, awaited);
  }

  /**
   * Onboards command {@code slug} (tax code 00097020598) and gives it the demo content, as the run
   * command does; {@code query} is the demo-data request's query ("" or e.g. "?theme=verde").
   */
  public static void demoCommand(String slug, String query) throws Exception {
    HttpResponse<String> onboarded =
        platform()
            .onboard(slug, "Comune " + slug, "COMUNE", "00097020598", null, java.util.List.of());
    if (onboarded.statusCode() != 200 && onboarded.statusCode() != 201) {
      throw new AssertionError("onboarding " + slug + ": " + onboarded.statusCode());
    }
    HttpResponse<String> seeded =
        platform().post("/api/platform/tenants/" + slug + "/demo-data" + query, "");
    if (seeded.statusCode() != 200) {
      throw new AssertionError("demo data of " + slug + ": " + seeded.statusCode());
    }
  }

  /** The simulators of SEND, PDND, INAD and pagoPA the stack runs. */
  public static it.ksanctions.devstack.sim.Simulators simulators() {
    return stack().simulators();
  }

  /**
   * Wires a command seeded with the demo content to the simulators, as the run command does: its
   * PDND key ("demo-" + slug) and where its receipts are pushed.
   */
  public static void wireDemoCommand(String slug, String creditorTaxCode) throws Exception {
    simulators().registerPdndKey("demo-" + slug, "demo-key", demoKey.getPublic());
    it.ksanctions.devstack.DemoKeys.registerReceiptEndpoint(
        simulators().baseUrl(),
        creditorTaxCode,
        baseUrl() + "/t/" + slug + "/api/v1/pagopa/receipts",
        "demo-receipts-" + slug);
  }

  static synchronized boolean isStarted() {
    return stack != null;
  }

  static synchronized void stop() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  private static LocalStack stack() {
    if (stack == null) {
      throw new IllegalStateException("The integration-test stack is not running");
    }
    return stack;
  }

  public static LocalStack.Layout layout() {
    stack();
    return layout;
  }

  public static java.nio.file.Path serverLog() {
    return stack().server().serverLog();
  }

  public static String baseUrl() {
    return stack().server().baseUrl();
  }

  private static String supportToken;
  private static long supportTokenExpiresAt;

  /**
   * A platform API client as vendor support staff. The token is reused for a minute (tokens live
   * five): tests must not turn Keycloak's token endpoint into the thing under test.
   */
  public static synchronized PlatformClient platform() {
    if (supportToken == null || System.nanoTime() - supportTokenExpiresAt > 0) {
      supportToken =
          stack()
              .tokens()
              .passwordGrant(
                  it.ksanctions.devstack.DevIdentities.SUPPORT_USER,
                  it.ksanctions.devstack.DevIdentities.SUPPORT_PASSWORD);
      supportTokenExpiresAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    }
    return new PlatformClient(baseUrl(), supportToken);
  }

  /** A client that sends {@code token} (null or empty: no Authorization header). */
  public static PlatformClient withToken(String token) {
    return new PlatformClient(baseUrl(), token);
  }

  public static it.ksanctions.devstack.Tokens tokens() {
    return stack().tokens();
  }

  /** The stack's SMTP/IMAP server (GreenMail), e.g. to give it a login with a password. */
  public static com.icegreen.greenmail.util.GreenMail mail() {
    return stack().mail();
  }

  public static it.ksanctions.devstack.KeycloakServer keycloak() {
    return stack().keycloak();
  }

  /** A connection as the platform's login role (the role the server's pool uses). */
  public static Connection database() throws SQLException {
    return stack().postgres().connectAsApplication();
  }

  public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> getWithHost(String path, String host)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Host", host).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
