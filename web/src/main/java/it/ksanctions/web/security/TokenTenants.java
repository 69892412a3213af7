package it.ksanctions.web.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenants (Keycloak organization aliases) a token belongs to, read from its {@value #CLAIM}
 * claim. Keycloak writes it either as a list of aliases or, when configured to add details, as an
 * object keyed by alias; both forms are accepted.
 */
public final class TokenTenants {

  public static final String CLAIM = "organization";

  private TokenTenants() {}

  public static Set<String> of(JsonWebToken token) {
    Object claim = token.getClaim(CLAIM);
    Set<String> tenants = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString text) {
          tenants.add(text.getString());
        }
      }
    } else if (claim instanceof JsonObject object) {
      tenants.addAll(object.keySet());
    } else if (claim instanceof Collection<?> values) {
      values.forEach(v -> tenants.add(String.valueOf(v)));
    } else if (claim instanceof JsonString text) {
      tenants.add(text.getString());
    } else if (claim instanceof String text) {
      tenants.add(text);
    }
    return tenants;
  }
}
