package it.ksanctions.platform.infrastructure;

import it.ksanctions.platform.application.TenantIdentities;
import it.ksanctions.tenancy.context.TenantId;
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
 * {@link TenantIdentities} on Keycloak's admin REST API, as the realm's service account {@code
 * ksanctions-platform} (client credentials; realm-management roles manage-users and manage-realm).
 *
 * <p>One organization per tenant, alias = slug (DESIGN "Identity"). The first administrator gets
 * the realm role {@code staff}, membership of the organization, and a random temporary password
 * that Keycloak makes them change at first login. Plain HTTP and JSON-P keep the EAR free of a
 * second REST client stack.
 */
@ApplicationScoped
public class KeycloakTenantIdentities implements TenantIdentities {

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

  @Override
  public String ensureOrganization(TenantId tenant, String displayName) {
    String token = serviceToken();
    Optional<String> existing = findOrganization(token, tenant.slug());
    if (existing.isPresent()) {
      return existing.get();
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", displayName)
            .add("alias", tenant.slug())
            .add("enabled", true)
            .build();
    HttpResponse<String> created = send(token, "POST", "/organizations", body.toString());
    if (created.statusCode() == 201) {
      return idFromLocation(created);
    }
    if (created.statusCode() == 409) {
      // Same alias, or the same name used by another organization.
      return findOrganization(token, tenant.slug())
          .orElseThrow(
              () ->
                  new IdentityProviderException(
                      "Keycloak refused the organization name '"
                          + displayName
                          + "': "
                          + created.body()));
    }
    throw failure("create the organization of " + tenant, created);
  }

  @Override
  public Optional<InitialCredentials> ensureFirstAdministrator(
      TenantId tenant, String organizationId, String displayName) {
    String token = serviceToken();
    String username = TenantIdentities.firstAdministratorUsername(tenant);
    Optional<String> existing = findUser(token, username);
    Optional<InitialCredentials> credentials = Optional.empty();
    String userId;
    if (existing.isPresent()) {
      userId = existing.get();
    } else {
      String password = temporaryPassword();
      JsonObject body =
          Json.createObjectBuilder()
              .add("username", username)
              .add("enabled", true)
              // A person's name, not the command's: Keycloak validates names as names of people
              // ("Città di Torino (prova)" is not one). The onboarding wizard will ask for real
              // ones.
              .add("firstName", "Amministratore")
              .add("lastName", "di sistema")
              .add(
                  "credentials",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("type", "password")
                              .add("value", password)
                              .add("temporary", true)))
              .build();
      HttpResponse<String> created = send(token, "POST", "/users", body.toString());
      if (created.statusCode() != 201) {
        throw failure("create the first administrator of " + tenant, created);
      }
      userId = idFromLocation(created);
      credentials = Optional.of(new InitialCredentials(username, password));
    }
    grantStaffRole(token, userId);
    HttpResponse<String> member =
        send(
            token,
            "POST",
            "/organizations/" + organizationId + "/members",
            Json.createValue(userId).toString());
    if (member.statusCode() != 201 && member.statusCode() != 409) {
      throw failure("add the first administrator to the organization of " + tenant, member);
    }
    return credentials;
  }

  private void grantStaffRole(String token, String userId) {
    HttpResponse<String> role = send(token, "GET", "/roles/staff", null);
    if (role.statusCode() != 200) {
      throw failure("read the realm role staff", role);
    }
    JsonArray roles = Json.createArrayBuilder().add(read(role.body())).build();
    HttpResponse<String> granted =
        send(token, "POST", "/users/" + userId + "/role-mappings/realm", roles.toString());
    if (granted.statusCode() != 204) {
      throw failure("grant the realm role staff", granted);
    }
  }

  private Optional<String> findOrganization(String token, String alias) {
    HttpResponse<String> found =
        send(
            token,
            "GET",
            "/organizations?search=" + encode(alias) + "&briefRepresentation=true",
            null);
    if (found.statusCode() != 200) {
      throw failure("search organizations", found);
    }
    return readArray(found.body()).stream()
        .map(JsonValue::asJsonObject)
        .filter(org -> alias.equals(org.getString("alias", null)))
        .map(org -> org.getString("id"))
        .findFirst();
  }

  private Optional<String> findUser(String token, String username) {
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

  private String serviceToken() {
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

  private HttpResponse<String> send(String token, String method, String path, String json) {
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
  private HttpResponse<String> exchange(HttpRequest request) {
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

  private String temporaryPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  private static String idFromLocation(HttpResponse<String> created) {
    String location =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new IdentityProviderException("Keycloak returned no Location"));
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static IdentityProviderException failure(String what, HttpResponse<String> response) {
    return new IdentityProviderException(
        "Could not "
            + what
            + ": Keycloak answered "
            + response.statusCode()
            + " "
            + response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonObject read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static JsonArray readArray(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
