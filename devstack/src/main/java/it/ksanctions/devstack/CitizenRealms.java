package it.ksanctions.devstack;

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
 */
public final class CitizenRealms {

  public static final String CITIZENS_REALM = "ksanctions-citizens";
  public static final String SPID_REALM = "spid-sim";
  public static final String CLIENT_ID = "citizen-portal";
  public static final String CLIENT_SECRET = "citizen-portal-dev-secret";

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
  }

  /** The citizens' realm URL: the product's {@code ksanctions.citizens.issuer}. */
  public static String issuer(String baseUrl) {
    return baseUrl + "/realms/" + CITIZENS_REALM;
  }
}
