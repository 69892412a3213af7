package it.ksanctions.identity.infrastructure;

import it.ksanctions.identity.application.IdentityProviderException;
import it.ksanctions.identity.application.TenantIdentities;
import it.ksanctions.identity.domain.FirstAdministrator;
import it.ksanctions.tenancy.context.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Optional;

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

  @Inject KeycloakAdminClient keycloak;

  @Override
  public String ensureOrganization(TenantId tenant, String displayName) {
    String token = keycloak.serviceToken();
    Optional<String> existing = keycloak.findOrganization(token, tenant.slug());
    if (existing.isPresent()) {
      return existing.get();
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", displayName)
            .add("alias", tenant.slug())
            .add("enabled", true)
            .build();
    HttpResponse<String> created = keycloak.send(token, "POST", "/organizations", body.toString());
    if (created.statusCode() == 201) {
      return KeycloakAdminClient.idFromLocation(created);
    }
    if (created.statusCode() == 409) {
      // Same alias, or the same name used by another organization.
      return keycloak
          .findOrganization(token, tenant.slug())
          .orElseThrow(
              () ->
                  new IdentityProviderException(
                      "Keycloak refused the organization name '"
                          + displayName
                          + "': "
                          + created.body()));
    }
    throw KeycloakAdminClient.failure("create the organization of " + tenant, created);
  }

  @Override
  public Optional<InitialCredentials> ensureFirstAdministrator(
      TenantId tenant, String organizationId, FirstAdministrator administrator) {
    String token = keycloak.serviceToken();
    String username = administrator.username();
    Optional<String> existing = keycloak.findUser(token, username);
    Optional<InitialCredentials> credentials = Optional.empty();
    String userId;
    if (existing.isPresent()) {
      userId = existing.get();
    } else {
      String password = keycloak.temporaryPassword();
      // A person's name, not the command's: Keycloak validates names as names of people
      // ("Città di Torino (prova)" is not one); the console's wizard asks for real ones.
      var user =
          Json.createObjectBuilder()
              .add("username", username)
              .add("enabled", true)
              .add("firstName", administrator.firstName())
              .add("lastName", administrator.lastName());
      if (administrator.email() != null) {
        user.add("email", administrator.email()).add("emailVerified", false);
      }
      JsonObject body =
          user.add(
                  "credentials",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("type", "password")
                              .add("value", password)
                              .add("temporary", true)))
              .build();
      HttpResponse<String> created = keycloak.send(token, "POST", "/users", body.toString());
      if (created.statusCode() != 201) {
        throw KeycloakAdminClient.failure("create the first administrator of " + tenant, created);
      }
      userId = KeycloakAdminClient.idFromLocation(created);
      credentials = Optional.of(new InitialCredentials(username, password));
    }
    keycloak.grantRealmRole(token, userId, "staff");
    HttpResponse<String> member =
        keycloak.send(
            token,
            "POST",
            "/organizations/" + organizationId + "/members",
            Json.createValue(userId).toString());
    if (member.statusCode() != 201 && member.statusCode() != 409) {
      throw KeycloakAdminClient.failure(
          "add the first administrator to the organization of " + tenant, member);
    }
    return credentials;
  }
}
