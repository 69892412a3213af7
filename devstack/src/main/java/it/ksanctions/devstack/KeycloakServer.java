package it.ksanctions.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak (the distribution from Maven Central, unpacked by the devstack build) in development
 * mode on loopback, with the dev realm {@value #REALM} imported on first start. Its database is an
 * H2 file in {@code dataDir}, so the run command keeps users between runs and tests start clean.
 *
 * <p>Readiness is the realm's discovery document answering 200: the port opens seconds before
 * Keycloak serves requests (PLATFORM-FACTS).
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = "ksanctions";
  public static final String ADMIN_USER = "admin";

  private final Process process;
  private final int port;
  private final String adminPassword;

  private KeycloakServer(Process process, int port, String adminPassword) {
    this.process = process;
    this.port = port;
    this.adminPassword = adminPassword;
  }

  public static KeycloakServer start(
      Path home, Path dataDir, int port, boolean fresh, String adminPassword) throws IOException {
    Path launcher = home.resolve("bin/kc.sh");
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalStateException(
          "No Keycloak at " + home + ": build first (./mvnw install -DskipTests)");
    }
    if (fresh) {
      WildFlyServer.deleteTree(dataDir);
    }
    Files.createDirectories(dataDir);
    Path imports = home.resolve("data/import");
    Files.createDirectories(imports);
    try (InputStream realm =
        KeycloakServer.class.getResourceAsStream("/keycloak/ksanctions-realm.json")) {
      Files.copy(
          realm, imports.resolve("ksanctions-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    // the citizens' realm and the simulated SPID it brokers (CitizenRealms, ADR 0011)
    CitizenRealms.copyImports(imports, "http://127.0.0.1:" + port);
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.add("start-dev");
    command.add("--http-host=127.0.0.1");
    command.add("--http-port=" + port);
    command.add("--http-management-port=" + (port + 1000));
    command.add("--hostname=http://127.0.0.1:" + port);
    command.add("--import-realm");
    command.add(
        "--db-url=jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("keycloakdb")
            + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    builder.redirectErrorStream(true);
    builder.redirectOutput(dataDir.resolve("keycloak.log").toFile());
    return new KeycloakServer(builder.start(), port, adminPassword);
  }

  /** Waits until the realm's OpenID discovery document is served. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          try {
            configureUserProfile();
            CitizenRealms.configureProfiles(baseUrl(), adminPassword);
          } catch (IOException e) {
            throw new IllegalStateException("Could not configure the realm", e);
          }
          return;
        }
      } catch (IOException notYet) {
        // port not open yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Keycloak was not ready within " + timeout);
  }

  /**
   * Sets a permanent password for a user of the realm, as the master realm's administrator (dev and
   * tests only: demo accounts, and accounts whose one-time password a test has read).
   */
  public void setPassword(String username, String password)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String access = masterAdminToken(http);
    HttpResponse<String> users =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        baseUrl()
                            + "/admin/realms/"
                            + REALM
                            + "/users?exact=true&username="
                            + java.net.URLEncoder.encode(
                                username, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + access)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String id = field(users.body(), "id");
    HttpResponse<String> reset =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        baseUrl() + "/admin/realms/" + REALM + "/users/" + id + "/reset-password"))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"password\",\"temporary\":false,\"value\":"
                            + PlatformClient.quote(password)
                            + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (reset.statusCode() != 204) {
      throw new IllegalStateException(
          "Could not set the password of "
              + username
              + ": "
              + reset.statusCode()
              + " "
              + reset.body());
    }
  }

  /**
   * Declares the realm's user profile (devstack resource keycloak/user-profile.json): e-mail
   * optional, first and last name required, unmanaged attributes editable by administrators. A
   * realm import does not apply it, so it is set through the admin API once Keycloak is ready.
   */
  void configureUserProfile() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String profile;
    try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/user-profile.json")) {
      profile = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/admin/realms/" + REALM + "/users/profile"))
                .header("Authorization", "Bearer " + masterAdminToken(http))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profile))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 200) {
      throw new IllegalStateException(
          "Could not set the realm's user profile: " + put.statusCode() + " " + put.body());
    }
  }

  private String masterAdminToken(HttpClient http) throws IOException, InterruptedException {
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username="
                            + ADMIN_USER
                            + "&password="
                            + adminPassword))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return field(token.body(), "access_token");
  }

  /** A string field of a flat JSON answer from Keycloak (token endpoint, admin API). */
  static String field(String json, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("No " + name + " in Keycloak's answer: " + json);
    }
    return m.group(1);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  public String adminPassword() {
    return adminPassword;
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: Quarkus shuts down gracefully
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
