package it.ksanctions.identity.infrastructure;

import it.ksanctions.identity.application.IdentityProviderException;
import it.ksanctions.identity.application.StaffAccounts;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@link StaffAccounts} in Keycloak: a user with the realm role {@code staff}, member of the
 * tenant's organization (alias = slug), the codice fiscale as the attribute {@value #TAX_CODE}, a
 * temporary password; suspension disables the user, so Keycloak refuses their login.
 */
@ApplicationScoped
public class KeycloakStaffAccounts implements StaffAccounts {

  static final String TAX_CODE = "codiceFiscale";

  @Inject KeycloakAdminClient keycloak;
  @Inject TenantRegistry registry;

  @Override
  public String create(TenantId tenant, NewAccount account) {
    String token = keycloak.serviceToken();
    String organization =
        registry
            .find(tenant.slug())
            .map(Tenant::getIdentityOrganizationId)
            .filter(id -> id != null && !id.isBlank())
            .or(() -> keycloak.findOrganization(token, tenant.slug()))
            .orElseThrow(
                () ->
                    new IdentityProviderException(
                        "The organization of " + tenant + " is missing in the identity provider"));
    String password = keycloak.temporaryPassword();
    Optional<String> existing = keycloak.findUser(token, account.username());
    String userId;
    if (existing.isPresent()) {
      userId = existing.get();
      HttpResponse<String> member =
          keycloak.send(
              token, "GET", "/organizations/" + organization + "/members/" + userId, null);
      if (member.statusCode() != 200) {
        throw new UsernameTakenException(account.username());
      }
      HttpResponse<String> reset =
          keycloak.send(
              token,
              "PUT",
              "/users/" + userId + "/reset-password",
              credential(password).toString());
      if (reset.statusCode() != 204) {
        throw KeycloakAdminClient.failure("renew the password of " + account.username(), reset);
      }
    } else {
      JsonObjectBuilder user =
          Json.createObjectBuilder()
              .add("username", account.username())
              .add("enabled", true)
              .add("firstName", account.givenName())
              .add("lastName", account.surname())
              .add(
                  "attributes",
                  Json.createObjectBuilder()
                      .add(TAX_CODE, Json.createArrayBuilder().add(account.codiceFiscale())))
              .add("credentials", Json.createArrayBuilder().add(credential(password)));
      if (account.email() != null) {
        user.add("email", account.email());
      }
      HttpResponse<String> created =
          keycloak.send(token, "POST", "/users", user.build().toString());
      if (created.statusCode() == 409) {
        throw new UsernameTakenException(account.username());
      }
      if (created.statusCode() != 201) {
        throw KeycloakAdminClient.failure("create the account " + account.username(), created);
      }
      userId = KeycloakAdminClient.idFromLocation(created);
      keycloak.grantRealmRole(token, userId, "staff");
      HttpResponse<String> member =
          keycloak.send(
              token,
              "POST",
              "/organizations/" + organization + "/members",
              Json.createValue(userId).toString());
      if (member.statusCode() != 201 && member.statusCode() != 409) {
        throw KeycloakAdminClient.failure(
            "add " + account.username() + " to the organization of " + tenant, member);
      }
    }
    return password;
  }

  @Override
  public void setEnabled(TenantId tenant, String username, boolean enabled) {
    String token = keycloak.serviceToken();
    String userId =
        keycloak
            .findUser(token, username)
            .orElseThrow(
                () ->
                    new IdentityProviderException(
                        "The account " + username + " is missing in the identity provider"));
    HttpResponse<String> read = keycloak.send(token, "GET", "/users/" + userId, null);
    if (read.statusCode() != 200) {
      throw KeycloakAdminClient.failure("read the account " + username, read);
    }
    JsonObject user =
        Json.createObjectBuilder(KeycloakAdminClient.read(read.body()))
            .add("enabled", enabled)
            .build();
    HttpResponse<String> updated = keycloak.send(token, "PUT", "/users/" + userId, user.toString());
    if (updated.statusCode() != 204) {
      throw KeycloakAdminClient.failure("update the account " + username, updated);
    }
    if (!enabled) {
      // End the sessions the user already has, so the suspension takes effect at once.
      keycloak.send(token, "POST", "/users/" + userId + "/logout", null);
    }
  }

  private static JsonObject credential(String password) {
    return Json.createObjectBuilder()
        .add("type", "password")
        .add("value", password)
        .add("temporary", true)
        .build();
  }
}
