package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import it.ksanctions.portal.application.CompanyIdentityProvider;
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
 * Companies' login at the citizens' realm of Keycloak (issue 16 item 6, ADR 0011 addendum): the
 * same client and code flow as the citizens' SPID login ({@link KeycloakCitizenIdentity}: PKCE
 * S256, state, nonce, code exchanged with java.net.http), but without {@code kc_idp_hint}, so the
 * realm shows its own username and password form, and with {@code prompt=login}, so a citizen's
 * open session in the realm is not taken for the company's. The ID token is checked by {@link
 * CompanyTokenVerifier}.
 */
@ApplicationScoped
public class KeycloakCompanyIdentity implements CompanyIdentityProvider {

  private static final Logger LOG = Logger.getLogger(KeycloakCompanyIdentity.class.getName());
  private static final String UNAVAILABLE =
      "Il servizio di accesso delle aziende non è raggiungibile in questo momento: riprovare tra"
          + " qualche minuto.";

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-id", defaultValue = "citizen-portal")
  String clientId;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-secret")
  Optional<String> clientSecret;

  private final SecureRandom random = new SecureRandom();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private CompanyTokenVerifier verifier;

  @PostConstruct
  void init() {
    issuer
        .filter(i -> !i.isBlank())
        .ifPresent(
            i -> {
              HttpsJwks jwks = new HttpsJwks(endpoint("certs"));
              jwks.setDefaultCacheDuration(600);
              verifier =
                  new CompanyTokenVerifier(
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
    String codeVerifier = randomToken() + randomToken();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri.toString());
    query.put("scope", "openid");
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", KeycloakCitizenIdentity.challengeOf(codeVerifier));
    query.put("code_challenge_method", "S256");
    query.put("prompt", "login");
    query.put("ui_locales", "it");
    return new Login(URI.create(endpoint("auth") + "?" + form(query)), state, nonce, codeVerifier);
  }

  @Override
  public VerifiedCompany finish(String code, URI redirectUri, String codeVerifier, String nonce) {
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
      LOG.log(
          Level.WARNING,
          "Citizens'' token endpoint answered {0} to a company login",
          response.statusCode());
      throw new IdentityRefused(
          "Token endpoint answered " + response.statusCode(),
          "L'accesso non è stato completato: la sessione di accesso è scaduta o non è valida."
              + " Riprovare ad accedere.");
    }
    String idToken;
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonObject json = reader.readObject();
      idToken = json.get("id_token") instanceof JsonString s ? s.getString() : null;
    } catch (RuntimeException e) {
      throw new IdentityRefused("Token answer is not JSON", UNAVAILABLE, e);
    }
    return new VerifiedCompany(verifier.company(idToken, nonce), idToken);
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
          "L'accesso delle aziende non è ancora attivo per questo comando.");
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

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
