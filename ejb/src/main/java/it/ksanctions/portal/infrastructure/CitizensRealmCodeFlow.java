package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * The OIDC authorization code flow with PKCE S256 against the citizens' realm of Keycloak, shared
 * by the citizens' (SPID/CIE, {@link KeycloakCitizenIdentity}) and the rental firms' ({@link
 * KeycloakCompanyIdentity}) logins: the authorization URL with state and nonce, the code exchanged
 * for the ID token with java.net.http (client secret as Basic when configured), the realm's JWKS
 * for the verifiers, and the logout URL. What the ID token must hold is each caller's verifier.
 */
final class CitizensRealmCodeFlow {

  private static final Logger LOG = Logger.getLogger(CitizensRealmCodeFlow.class.getName());

  private final String issuer;
  private final String clientId;
  private final Optional<String> clientSecret;
  private final String unavailable;
  private final SecureRandom random = new SecureRandom();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param unavailable the Italian message when the realm cannot be reached
   */
  CitizensRealmCodeFlow(
      String issuer, String clientId, Optional<String> clientSecret, String unavailable) {
    this.issuer = strip(issuer);
    this.clientId = clientId;
    this.clientSecret = clientSecret.filter(s -> !s.isBlank());
    this.unavailable = unavailable;
  }

  String issuer() {
    return issuer;
  }

  String clientId() {
    return clientId;
  }

  /** The realm's signing keys, cached for 10 minutes (fetched again for an unknown key id). */
  HttpsJwksVerificationKeyResolver keys() {
    HttpsJwks jwks = new HttpsJwks(endpoint("certs"));
    jwks.setDefaultCacheDuration(600);
    return new HttpsJwksVerificationKeyResolver(jwks);
  }

  /**
   * A new login: the authorization URL with {@code extra} parameters, its state, nonce, verifier.
   */
  Login begin(URI redirectUri, Map<String, String> extra) {
    String state = randomToken();
    String nonce = randomToken();
    String codeVerifier = randomToken() + randomToken();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri.toString());
    query.put("scope", "openid");
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", challengeOf(codeVerifier));
    query.put("code_challenge_method", "S256");
    query.putAll(extra);
    query.put("ui_locales", "it");
    return new Login(URI.create(endpoint("auth") + "?" + form(query)), state, nonce, codeVerifier);
  }

  /**
   * Exchanges {@code code} for the ID token (not yet verified).
   *
   * @param retry the Italian message when the realm refuses the code (expired, reused)
   */
  String idToken(String code, URI redirectUri, String codeVerifier, String retry) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri.toString());
    body.put("client_id", clientId);
    body.put("code_verifier", codeVerifier);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint("token")))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(body)));
    clientSecret.ifPresent(
        s ->
            request.header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (encode(clientId) + ":" + encode(s))
                                .getBytes(StandardCharsets.UTF_8))));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IdentityRefused("Token endpoint unreachable: " + e.getMessage(), unavailable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityRefused("Interrupted", unavailable, e);
    }
    if (response.statusCode() != 200) {
      // an expired or reused code, a wrong verifier: the user starts again
      LOG.log(
          Level.WARNING,
          "Citizens'' token endpoint answered {0}: {1}",
          new Object[] {response.statusCode(), clip(response.body())});
      throw new IdentityRefused("Token endpoint answered " + response.statusCode(), retry);
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonObject json = reader.readObject();
      return json.get("id_token") instanceof JsonString s ? s.getString() : null;
    } catch (RuntimeException e) {
      throw new IdentityRefused("Token answer is not JSON", unavailable, e);
    }
  }

  /** The realm's logout URL, back to {@code after}. */
  URI logout(String idToken, URI after) {
    Map<String, String> query = new LinkedHashMap<>();
    if (idToken != null) {
      query.put("id_token_hint", idToken);
    } else {
      query.put("client_id", clientId);
    }
    query.put("post_logout_redirect_uri", after.toString());
    return URI.create(endpoint("logout") + "?" + form(query));
  }

  private String endpoint(String name) {
    return issuer + "/protocol/openid-connect/" + name;
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The PKCE S256 challenge of {@code verifier} (RFC 7636). */
  static String challengeOf(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300);
  }
}
