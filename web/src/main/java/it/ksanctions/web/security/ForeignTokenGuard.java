package it.ksanctions.web.security;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.ServletContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses, with 401, bearer tokens that are not even claimed to come from our issuer, before
 * WildFly's OIDC mechanism sees them.
 *
 * <p>Why: the mechanism answers 500 to a well-formed token signed by an unknown issuer's key (it
 * cannot find the key and fails; PLATFORM-FACTS), and it does so for every path, public pages
 * included. Reading the unverified {@code iss} claim is enough to tell such tokens apart; tokens
 * that claim our issuer are still verified in full by the mechanism (tampered or expired ones get
 * its 401). Registered as an Undertow servlet extension: the outer handler chain runs before
 * authentication.
 */
public class ForeignTokenGuard implements ServletExtension {

  private static final String BEARER = "Bearer ";

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
    Optional<String> issuer =
        ConfigProvider.getConfig(deployment.getClassLoader())
            .getOptionalValue("ksanctions.oidc.provider-url", String.class);
    if (issuer.isEmpty()) {
      return;
    }
    deployment.addOuterHandlerChainWrapper(new Wrapper(issuer.get()));
  }

  private record Wrapper(String issuer) implements HandlerWrapper {
    @Override
    public HttpHandler wrap(HttpHandler next) {
      return exchange -> {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null
            && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
            && !issuer.equals(claimedIssuer(authorization.substring(BEARER.length()).trim()))) {
          refuse(exchange);
          return;
        }
        next.handleRequest(exchange);
      };
    }
  }

  /** The {@code iss} claim of a compact JWS, unverified; null when it is not a readable JWT. */
  static String claimedIssuer(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try (JsonReader reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      JsonObject claims = reader.readObject();
      return claims.get("iss") instanceof JsonString iss ? iss.getString() : null;
    } catch (RuntimeException notAJwt) {
      return null;
    }
  }

  private static void refuse(HttpServerExchange exchange) {
    exchange.setStatusCode(401);
    exchange
        .getResponseHeaders()
        .put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"ksanctions\", error=\"invalid_token\"");
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
    exchange
        .getResponseSender()
        .send(
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"The bearer token was not issued by the K-Sanctions identity provider\"}");
  }
}
