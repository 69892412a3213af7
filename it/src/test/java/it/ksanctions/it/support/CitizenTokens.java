package it.ksanctions.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ksanctions.devstack.CitizenRealms;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Real access tokens of the citizens' realm ({@value CitizenRealms#CITIZENS_REALM}) for the citizen
 * API's tests, without a browser: through the master realm's admin API a test adds test-only users
 * (with a {@code fiscalNumber}, as SPID's brokering leaves it) and a test-only client that allows
 * the password grant. The realm's own clients stay as they are: the app client {@value #APP_CLIENT}
 * allows only the code flow with PKCE, so the test client copies its protocol mappers (the {@code
 * fiscal_number} claim and the citizen API's audience) and the tokens carry what an app's would.
 */
public final class CitizenTokens {

  /** The realm's client for the citizens' apps (realm file ksanctions-citizens-realm.json). */
  public static final String APP_CLIENT = "citizen-app";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Set<String> CREATED = new HashSet<>();

  private CitizenTokens() {}

  /**
   * A public test client of the citizens' realm with the password grant and the protocol mappers of
   * {@value #APP_CLIENT}; {@code withAudience} false leaves out the citizen API's audience.
   */
  public static synchronized void ensureTestClient(String clientId, boolean withAudience)
      throws IOException, InterruptedException {
    if (!CREATED.add("client:" + clientId)) {
      return;
    }
    String admin = adminToken();
    JsonNode apps =
        JSON.readTree(send(admin, "GET", "/clients?clientId=" + APP_CLIENT, null, 200).body());
    if (apps.size() != 1) {
      throw new IllegalStateException("The realm has no client " + APP_CLIENT + ": " + apps);
    }
    ArrayNode mappers = JSON.createArrayNode();
    for (JsonNode mapper : apps.get(0).path("protocolMappers")) {
      ObjectNode copy = ((ObjectNode) mapper).deepCopy();
      copy.remove("id");
      if (withAudience || !"oidc-audience-mapper".equals(copy.path("protocolMapper").asText())) {
        mappers.add(copy);
      }
    }
    ObjectNode client = JSON.createObjectNode();
    client.put("clientId", clientId);
    client.put("enabled", true);
    client.put("publicClient", true);
    client.put("standardFlowEnabled", false);
    client.put("directAccessGrantsEnabled", true);
    client.set("protocolMappers", mappers);
    send(admin, "POST", "/clients", client.toString(), 201);
  }

  /**
   * A test user of the citizens' realm with password {@code password} and, unless null, the user
   * attribute {@code fiscalNumber} (as SPID releases it: {@code TINIT-<codice fiscale>}).
   */
  public static synchronized void ensureUser(String username, String password, String fiscalNumber)
      throws IOException, InterruptedException {
    if (!CREATED.add("user:" + username)) {
      return;
    }
    ObjectNode user = JSON.createObjectNode();
    user.put("username", username);
    user.put("enabled", true);
    user.put("firstName", "Prova");
    user.put("lastName", "Cittadino");
    user.put("email", username + "@example.it");
    user.put("emailVerified", true);
    if (fiscalNumber != null) {
      user.putObject("attributes").putArray("fiscalNumber").add(fiscalNumber);
    }
    ObjectNode credential = user.putArray("credentials").addObject();
    credential.put("type", "password");
    credential.put("value", password);
    credential.put("temporary", false);
    send(adminToken(), "POST", "/users", user.toString(), 201);
  }

  /** An access token of the citizens' realm from {@code clientId}'s password grant. */
  public static String token(String clientId, String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        CitizenRealms.issuer(TestStack.keycloak().baseUrl())
                            + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id="
                            + clientId
                            + "&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "No token for " + username + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  /** An access token of the master realm (another realm than the citizens' and the staff's). */
  public static String masterRealmToken() throws IOException, InterruptedException {
    return adminToken();
  }

  private static String adminToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloak().baseUrl()
                            + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password="
                            + URLEncoder.encode(
                                TestStack.keycloak().adminPassword(), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("No admin token: " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private static HttpResponse<String> send(
      String admin, String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    TestStack.keycloak().baseUrl()
                        + "/admin/realms/"
                        + CitizenRealms.CITIZENS_REALM
                        + path))
            .header("Authorization", "Bearer " + admin);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }
}
