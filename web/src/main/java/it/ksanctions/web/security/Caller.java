package it.ksanctions.web.security;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * What the application needs to know about an authenticated caller, read from the access token
 * behind WildFly's elytron-oidc-client principal: the same for a bearer token on the REST API and
 * for a browser session in the back office (ADR 0003).
 *
 * <p>The tenants a caller belongs to are the Keycloak organization aliases of the {@value
 * #ORGANIZATION_CLAIM} claim, which Keycloak writes as a list of aliases or, when configured to add
 * details, as an object keyed by alias; both forms are accepted.
 */
public record Caller(
    String username, String name, Set<String> tenants, Set<String> audiences, List<String> roles) {

  public static final String ORGANIZATION_CLAIM = "organization";

  /** The API's audience: tokens for other clients are refused on the REST API. */
  public static final String API_AUDIENCE = "ksanctions-api";

  public static Optional<Caller> of(Principal principal) {
    if (!(principal instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null) {
      return Optional.empty();
    }
    AccessToken token = oidc.getOidcSecurityContext().getToken();
    if (token == null) {
      return Optional.empty();
    }
    Object name = token.getClaimValue("name");
    Set<String> audiences = strings(token.getClaimValue("aud"));
    List<String> roles =
        token.getRealmAccessClaim() == null
            ? List.of()
            : token.getRealmAccessClaim().getRoles().stream().sorted().toList();
    return Optional.of(
        new Caller(
            principal.getName(),
            name == null ? principal.getName() : name.toString(),
            tenantsOf(token.getClaimValue(ORGANIZATION_CLAIM)),
            audiences,
            roles));
  }

  public boolean belongsTo(String tenantSlug) {
    return tenants.contains(tenantSlug);
  }

  static Set<String> tenantsOf(Object claim) {
    if (claim instanceof Map<?, ?> map) {
      return strings(map.keySet());
    }
    return strings(claim);
  }

  private static Set<String> strings(Object claim) {
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v)));
    } else if (claim != null) {
      values.add(String.valueOf(claim));
    }
    return values;
  }
}
