package it.ksanctions.web.security;

import it.ksanctions.web.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * The REST API authenticates bearer tokens only, issued for the API's audience (ADR 0003).
 *
 * <p>The WAR's OIDC mechanism also restores browser sessions of the back office; without this
 * filter a page of another site could make the browser call the API with the officer's session
 * cookie (CSRF). And elytron-oidc-client does not check the audience of bearer tokens, so a token
 * issued for another client of the realm is refused here. Both answer 401 with a Bearer challenge.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class BearerOnlyApiFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal == null) {
      return; // anonymous: public resources answer, protected ones get 401 further on
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
      request.abortWith(
          unauthorized(
              "The API accepts bearer tokens only, not the back office's browser session"));
      return;
    }
    Optional<Caller> caller = Caller.of(principal);
    if (caller.isEmpty() || !caller.get().audiences().contains(Caller.API_AUDIENCE)) {
      request.abortWith(
          unauthorized("The bearer token was not issued for the K-Sanctions API (audience)"));
    }
  }

  static jakarta.ws.rs.core.Response unauthorized(String detail) {
    return Problem.builder(Status.UNAUTHORIZED, detail)
        .header(
            HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ksanctions\", error=\"invalid_token\"")
        .build();
  }
}
