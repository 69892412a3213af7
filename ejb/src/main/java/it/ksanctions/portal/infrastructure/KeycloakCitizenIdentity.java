package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * The citizens' realm of Keycloak ({@code ksanctions.citizens.issuer}), which brokers SPID and CIE
 * (ADR 0011): authorization code flow with PKCE S256, {@code kc_idp_hint} naming the identity
 * provider ({@code ksanctions.citizens.idp-hint}, default {@code spid}), state and nonce; the code
 * is exchanged with java.net.http and the ID token checked by {@link IdTokenVerifier} against the
 * realm's JWKS (jose4j caches the keys and fetches them again for an unknown key id). The endpoints
 * are Keycloak's under the issuer.
 */
@ApplicationScoped
public class KeycloakCitizenIdentity implements CitizenIdentityProvider {

  private static final Logger LOG = Logger.getLogger(KeycloakCitizenIdentity.class.getName());
  private static final String UNAVAILABLE =
      "Il servizio di accesso con SPID o CIE non è raggiungibile in questo momento: riprovare tra"
          + " qualche minuto, oppure accedere con codice fiscale e PIN.";

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-id", defaultValue = "citizen-portal")
  String clientId;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.idp-hint", defaultValue = "spid")
  String idpHint;

  private final SecureRandom random = new SecureRandom();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private IdTokenVerifier verifier;

  @PostConstruct
  void init() {
    issuer
        .filter(i -> !i.isBlank())
        .ifPresent(
            i -> {
              HttpsJwks jwks = new HttpsJwks(endpoint("certs"));
              jwks.setDefaultCacheDuration(600);
              verifier =
                  new IdTokenVerifier(
                      strip(i), clientId, new HttpsJwksVerificationKeyResolver(jwks));
            });
  }

  @Override
  public boolean configured() {
    return verifier != null;
  }

  @Override
  public Login begin(URI redirectUri) {
    requireConfigured();
    String state = randomToken();
    String nonce = randomToken();
    String verifierValue = randomToken() + randomToken();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri.toString());
    query.put("scope", "openid");
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", challengeOf(verifierValue));
    query.put("code_challenge_method", "S256");
    query.put("kc_idp_hint", idpHint);
    query.put("ui_locales", "it");
    return new Login(URI.create(endpoint("auth") + "?" + form(query)), state, nonce, verifierValue);
  }

  @Override
  public VerifiedCitizen finish(String code, URI redirectUri, String codeVerifier, String nonce) {
    requireConfigured();
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
    clientSecret
        .filter(s -> !s.isBlank())
        .ifPresent(
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
      throw new IdentityRefused("Token endpoint unreachable: " + e.getMessage(), UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityRefused("Interrupted", UNAVAILABLE, e);
    }
    if (response.statusCode() != 200) {
      // an expired or reused code, a wrong verifier: the citizen starts again
      LOG.log(
          Level.WARNING,
          "Citizens'' token endpoint answered {0}: {1}",
          new Object[] {response.statusCode(), clip(response.body())});
      throw new IdentityRefused(
          "Token endpoint answered " + response.statusCode(),
          "L'accesso non è stato completato: la sessione di accesso è scaduta o non è valida."
              + " Riprovare ad accedere con SPID o CIE.");
    }
    String idToken;
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonObject json = reader.readObject();
      idToken = json.get("id_token") instanceof JsonString s ? s.getString() : null;
    } catch (RuntimeException e) {
      throw new IdentityRefused("Token answer is not JSON", UNAVAILABLE, e);
    }
    return new VerifiedCitizen(verifier.taxCode(idToken, nonce), idToken);
  }

  @Override
  public Optional<URI> logout(String idToken, URI after) {
    if (!configured()) {
      return Optional.empty();
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (idToken != null) {
      query.put("id_token_hint", idToken);
    } else {
      query.put("client_id", clientId);
    }
    query.put("post_logout_redirect_uri", after.toString());
    return Optional.of(URI.create(endpoint("logout") + "?" + form(query)));
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new IdentityRefused(
          "ksanctions.citizens.issuer is not configured",
          "L'accesso con SPID o CIE non è ancora attivo per questo comando: accedere con codice"
              + " fiscale e PIN.");
    }
  }

  private String endpoint(String name) {
    return strip(issuer.orElseThrow()) + "/protocol/openid-connect/" + name;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
