package it.ksanctions.identity.infrastructure;

import it.ksanctions.identity.application.IdentityProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's admin REST API for the realm, as the realm's service account {@code
 * ksanctions-platform} (client credentials; realm-management roles manage-users and manage-realm).
 * Plain HTTP and JSON-P keep the EAR free of a second REST client stack (ADR 0002). Used by the
 * onboarding ({@link KeycloakTenantIdentities}) and by the Permissions module's staff accounts.
 */
@ApplicationScoped
public class KeycloakAdminClient {

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @Inject
  @ConfigProperty(name = "ksanctions.keycloak.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "ksanctions.keycloak.realm", defaultValue = "ksanctions")
  String realm;

  @Inject
  @ConfigProperty(name = "ksanctions.keycloak.client-id", defaultValue = "ksanctions-platform")
  String clientId;

  @Inject
  @ConfigProperty(name = "ksanctions.keycloak.client-secret")
  Optional<String> clientSecret;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final SecureRandom random = new SecureRandom();

  public void grantRealmRole(String token, String userId, String roleName) {
    HttpResponse<String> role = send(token, "GET", "/roles/" + roleName, null);
    if (role.statusCode() != 200) {
      throw failure("read the realm role " + roleName, role);
    }
    JsonArray roles = Json.createArrayBuilder().add(read(role.body())).build();
    HttpResponse<String> granted =
        send(token, "POST", "/users/" + userId + "/role-mappings/realm", roles.toString());
    if (granted.statusCode() != 204) {
      throw failure("grant the realm role " + roleName, granted);
    }
  }

  /**
   * The id of the organization with this alias. Keycloak's search matches names and domains, not
   * aliases: a search by the alias finds it when the name contains the slug, otherwise the
   * organizations are read page by page (callers that know the id from the registry skip this).
   */
  public Optional<String> findOrganization(String token, String alias) {
    Optional<String> byName = organizationWithAlias(token, "search=" + encode(alias), alias);
    if (byName.isPresent()) {
      return byName;
    }
    for (int first = 0; ; first += ORGANIZATION_PAGE) {
      HttpResponse<String> page =
          send(
              token,
              "GET",
              "/organizations?briefRepresentation=true&first="
                  + first
                  + "&max="
                  + ORGANIZATION_PAGE,
              null);
      if (page.statusCode() != 200) {
        throw failure("list organizations", page);
      }
      JsonArray organizations = readArray(page.body());
      Optional<String> found = withAlias(organizations, alias);
      if (found.isPresent() || organizations.size() < ORGANIZATION_PAGE) {
        return found;
      }
    }
  }

  private static final int ORGANIZATION_PAGE = 200;

  private Optional<String> organizationWithAlias(String token, String query, String alias) {
    HttpResponse<String> found =
        send(token, "GET", "/organizations?briefRepresentation=true&" + query, null);
    if (found.statusCode() != 200) {
      throw failure("search organizations", found);
    }
    return withAlias(readArray(found.body()), alias);
  }

  private static Optional<String> withAlias(JsonArray organizations, String alias) {
    return organizations.stream()
        .map(JsonValue::asJsonObject)
        .filter(org -> alias.equals(org.getString("alias", null)))
        .map(org -> org.getString("id"))
        .findFirst();
  }

  public Optional<String> findUser(String token, String username) {
    HttpResponse<String> found =
        send(
            token,
            "GET",
            "/users?exact=true&briefRepresentation=true&username=" + encode(username),
            null);
    if (found.statusCode() != 200) {
      throw failure("search users", found);
    }
    return readArray(found.body()).stream()
        .map(JsonValue::asJsonObject)
        .map(u -> u.getString("id"))
        .findFirst();
  }

  public String serviceToken() {
    String base =
        url.filter(u -> !u.isBlank())
            .orElseThrow(
                () ->
                    new IdentityProviderException(
                        "The identity provider is not configured (ksanctions.keycloak.url)"));
    String secret =
        clientSecret
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new IdentityProviderException(
                        "The identity provider's client secret is not configured (ksanctions.keycloak.client-secret)"));
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret);
    HttpResponse<String> response =
        exchange(
            HttpRequest.newBuilder(
                    URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      throw failure("obtain a service token", response);
    }
    return read(response.body()).getString("access_token");
  }

  public HttpResponse<String> send(String token, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.orElseThrow() + "/admin/realms/" + realm + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token);
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return exchange(request.build());
  }

  /** Sends a request; an unreachable identity provider is an {@link IdentityProviderException}. */
  public HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IdentityProviderException(
          "The identity provider cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderException("Interrupted while calling the identity provider", e);
    }
  }

  public String temporaryPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  public static String idFromLocation(HttpResponse<String> created) {
    String location =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new IdentityProviderException("Keycloak returned no Location"));
    return location.substring(location.lastIndexOf('/') + 1);
  }

  public static IdentityProviderException failure(String what, HttpResponse<String> response) {
    return new IdentityProviderException(
        "Could not "
            + what
            + ": Keycloak answered "
            + response.statusCode()
            + " "
            + response.body());
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static JsonObject read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  public static JsonArray readArray(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
