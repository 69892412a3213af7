package it.ksanctions.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The citizens' side of the dev Keycloak (issue 16 item 1, ADR 0011): the realm {@value
 * #CITIZENS_REALM} with the portal's client {@value #CLIENT_ID}, brokering the realm {@value
 * #SPID_REALM}, which poses as a SAML 2.0 SPID identity provider whose demo citizens ({@link
 * DevIdentities}) release {@code fiscalNumber} as {@code TINIT-<codice fiscale>}.
 *
 * <p>Both realms are imported at Keycloak's first start like the staff realm; their files name
 * Keycloak's own URL, which depends on the port offset, so it is written in when they are copied.
 * Their user profile (devstack resource keycloak/citizens-user-profile.json: {@code fiscalNumber}
 * declared and editable only by administrators, nothing a brokered citizen must fill in) is set
 * through the admin API once Keycloak is ready, as for the staff realm.
 *
 * <p>Rental and leasing companies (issue 16 item 6, ADR 0011 addendum) are plain users of the
 * citizens' realm who sign in with username and password: realm role {@value #RENTAL_FIRM_ROLE},
 * user attributes {@code companyTaxCode} and {@code companyName}, released by the portal's client
 * as the claims {@code company_tax_code}, {@code company_name}, {@code roles} and {@code
 * preferred_username}. The role, the client's mappers and the demo company's user ({@link
 * DevIdentities#RENTAL_FIRM_USER}) are made through the admin API when missing, at every start, so
 * a Keycloak whose data predate them gets them too.
 */
public final class CitizenRealms {

  public static final String CITIZENS_REALM = "ksanctions-citizens";
  public static final String SPID_REALM = "spid-sim";
  public static final String CLIENT_ID = "citizen-portal";
  public static final String CLIENT_SECRET = "citizen-portal-dev-secret";
  public static final String RENTAL_FIRM_ROLE = "rental-firm";

  private static final String[] FILES = {"ksanctions-citizens-realm.json", "spid-sim-realm.json"};

  private CitizenRealms() {}

  /** Copies both realms into Keycloak's import directory with its URL {@code baseUrl}. */
  static void copyImports(Path imports, String baseUrl) throws IOException {
    for (String file : FILES) {
      try (InputStream in = CitizenRealms.class.getResourceAsStream("/keycloak/" + file)) {
        String realm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(imports.resolve(file), realm.replace("@@KEYCLOAK_URL@@", baseUrl));
      }
    }
  }

  /** Declares the user profile of both realms, as the master realm's administrator. */
  static void configureProfiles(String baseUrl, String adminPassword)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String profile;
    try (InputStream in =
        CitizenRealms.class.getResourceAsStream("/keycloak/citizens-user-profile.json")) {
      profile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username="
                            + KeycloakServer.ADMIN_USER
                            + "&password="
                            + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String access = KeycloakServer.field(token.body(), "access_token");
    for (String realm : new String[] {CITIZENS_REALM, SPID_REALM}) {
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(baseUrl + "/admin/realms/" + realm + "/users/profile"))
                  .header("Authorization", "Bearer " + access)
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(profile))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() != 200) {
        throw new IllegalStateException(
            "Could not set the user profile of realm "
                + realm
                + ": "
                + put.statusCode()
                + " "
                + put.body());
      }
    }
    new Admin(http, baseUrl + "/admin/realms/" + CITIZENS_REALM, access).rentalFirms();
  }

  /** The admin API of the citizens' realm, as the master realm's administrator. */
  private record Admin(HttpClient http, String realm, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The role, the client's claims and the demo company's user, each made when missing. */
    void rentalFirms() throws IOException, InterruptedException {
      if (call("GET", "/roles/" + RENTAL_FIRM_ROLE, null).statusCode() == 404) {
        require(
            call(
                "POST",
                "/roles",
                Map.of(
                    "name",
                    RENTAL_FIRM_ROLE,
                    "description",
                    "Azienda di noleggio o leasing: area aziende del portale")),
            201);
      }
      JsonNode clients = read(call("GET", "/clients?clientId=" + CLIENT_ID, null));
      String client = clients.get(0).get("id").asText();
      JsonNode mappers = read(call("GET", "/clients/" + client + "/protocol-mappers/models", null));
      List<String> present = new ArrayList<>();
      mappers.forEach(m -> present.add(m.get("name").asText()));
      for (Map<String, Object> mapper :
          List.of(
              attributeMapper("company_tax_code", "companyTaxCode"),
              attributeMapper("company_name", "companyName"),
              Map.of(
                  "name",
                  "username",
                  "protocol",
                  "openid-connect",
                  "protocolMapper",
                  "oidc-usermodel-property-mapper",
                  "config",
                  Map.of(
                      "user.attribute", "username",
                      "claim.name", "preferred_username",
                      "jsonType.label", "String",
                      "id.token.claim", "true",
                      "access.token.claim", "true",
                      "userinfo.token.claim", "true")),
              Map.of(
                  "name",
                  "roles",
                  "protocol",
                  "openid-connect",
                  "protocolMapper",
                  "oidc-usermodel-realm-role-mapper",
                  "config",
                  Map.of(
                      "claim.name", "roles",
                      "multivalued", "true",
                      "jsonType.label", "String",
                      "id.token.claim", "true",
                      "access.token.claim", "true",
                      "userinfo.token.claim", "true")))) {
        if (!present.contains((String) mapper.get("name"))) {
          require(call("POST", "/clients/" + client + "/protocol-mappers/models", mapper), 201);
        }
      }
      JsonNode users =
          read(call("GET", "/users?exact=true&username=" + DevIdentities.RENTAL_FIRM_USER, null));
      if (users.isEmpty()) {
        require(
            call(
                "POST",
                "/users",
                Map.of(
                    "username",
                    DevIdentities.RENTAL_FIRM_USER,
                    "enabled",
                    true,
                    "firstName",
                    "Ufficio",
                    "lastName",
                    "Multe",
                    "attributes",
                    Map.of(
                        "companyTaxCode",
                        List.of(DevIdentities.RENTAL_FIRM_TAX_CODE),
                        "companyName",
                        List.of(DevIdentities.RENTAL_FIRM_NAME)),
                    "credentials",
                    List.of(
                        Map.of(
                            "type",
                            "password",
                            "value",
                            DevIdentities.RENTAL_FIRM_PASSWORD,
                            "temporary",
                            false)))),
            201);
        users =
            read(call("GET", "/users?exact=true&username=" + DevIdentities.RENTAL_FIRM_USER, null));
      }
      String user = users.get(0).get("id").asText();
      JsonNode role = read(call("GET", "/roles/" + RENTAL_FIRM_ROLE, null));
      require(
          call(
              "POST",
              "/users/" + user + "/role-mappings/realm",
              List.of(Map.of("id", role.get("id").asText(), "name", role.get("name").asText()))),
          204);
    }

    private static Map<String, Object> attributeMapper(String claim, String attribute) {
      return Map.of(
          "name",
          claim,
          "protocol",
          "openid-connect",
          "protocolMapper",
          "oidc-usermodel-attribute-mapper",
          "config",
          Map.of(
              "user.attribute", attribute,
              "claim.name", claim,
              "jsonType.label", "String",
              "id.token.claim", "true",
              "access.token.claim", "true",
              "userinfo.token.claim", "true",
              "multivalued", "false"));
    }

    private HttpResponse<String> call(String method, String path, Object body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(realm + path))
              .header("Authorization", "Bearer " + token);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
      require(response, 200);
      return JSON.readTree(response.body());
    }

    private static void require(HttpResponse<String> response, int status) {
      if (response.statusCode() != status) {
        throw new IllegalStateException(
            "Keycloak answered "
                + response.statusCode()
                + " to "
                + response.request().method()
                + " "
                + response.request().uri()
                + ": "
                + response.body());
      }
    }
  }

  /** The citizens' realm URL: the product's {@code ksanctions.citizens.issuer}. */
  public static String issuer(String baseUrl) {
    return baseUrl + "/realms/" + CITIZENS_REALM;
  }
}
