package it.ksanctions.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Access tokens from the realm's token endpoint with the resource-owner password grant of the
 * public client {@code ksanctions-cli} (integrations, device simulators and tests).
 */
public final class Tokens {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String issuer;

  public Tokens(String issuer) {
    this.issuer = issuer;
  }

  /** A token for {@code username}; throws if Keycloak refuses the credentials. */
  public String passwordGrant(String username, String password) {
    return passwordGrant("ksanctions-cli", username, password);
  }

  /** A token from a given public client of the dev realm (e.g. ksanctions-cli-short: 2 s). */
  public String passwordGrant(String client, String username, String password) {
    String form =
        "grant_type=password&client_id="
            + client
            + "&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response = post(form);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused a token for "
              + username
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return KeycloakServer.field(response.body(), "access_token");
  }

  /** The raw token endpoint answer, for tests of refused logins. */
  public HttpResponse<String> tryPasswordGrant(String username, String password) {
    return post(
        "grant_type=password&client_id=ksanctions-cli&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String form) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
