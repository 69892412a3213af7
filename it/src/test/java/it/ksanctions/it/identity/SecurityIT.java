package it.ksanctions.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.DevIdentities;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.shared.CodiceFiscale;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 401/403 matrix of the REST APIs with real Keycloak tokens (SPEC PLT-7, PRM-4): missing,
 * malformed, tampered, expired and foreign-issuer tokens are 401 (never 500), a token of tenant A
 * on tenant B is 403, a role without the right is 403.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

  static final String ALFA = "sec-alfa";
  static final String BETA = "sec-beta";
  static final String PASSWORD = "Sicurezza-2026!";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void twoTenantsWithTheirAdministrators() throws Exception {
    for (String slug : List.of(ALFA, BETA)) {
      int status =
          TestStack.platform()
              .onboard(slug, "Comune " + slug, "COMUNE", "00097020598", null, List.of())
              .statusCode();
      assertThat(status).isIn(200, 201);
      TestStack.keycloak().setPassword("admin." + slug, PASSWORD);
    }
  }

  private static String tokenOf(String slug) {
    return TestStack.tokens().passwordGrant("admin." + slug, PASSWORD);
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return TestStack.withToken(token).get(path);
  }

  @Test
  void aTenantsOwnTokenWorksOnItsOwnApi() throws Exception {
    HttpResponse<String> me = get("/t/" + ALFA + "/api/v1/me", tokenOf(ALFA));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains(
            "\"tenant\":\"sec-alfa\"",
            "\"username\":\"admin.sec-alfa\"",
            "\"name\":\"Amministratore di sistema\"",
            "\"organizations\":[\"sec-alfa\"]",
            "\"staff\"");
  }

  @Test
  void aTokenOfTenantAOnTenantBIsForbidden() throws Exception {
    HttpResponse<String> foreign = get("/t/" + BETA + "/api/v1/me", tokenOf(ALFA));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("does not belong to the command 'sec-beta'");
  }

  @Test
  void aRoleWithoutTheRightIsForbidden() throws Exception {
    assertThat(get("/api/platform/tenants", tokenOf(ALFA)).statusCode()).isEqualTo(403);
    // Vendor support staff belong to no command: no tenant API for them either.
    String support =
        TestStack.tokens()
            .passwordGrant(DevIdentities.SUPPORT_USER, DevIdentities.SUPPORT_PASSWORD);
    assertThat(get("/api/platform/tenants", support).statusCode()).isEqualTo(200);
    assertThat(get("/t/" + ALFA + "/api/v1/me", support).statusCode()).isEqualTo(403);
  }

  @Test
  void theCommandsPermissionsDecideWhatAStaffTokenMayDo() throws Exception {
    String officerTaxCode = "VRDLGU90A01E472" + CodiceFiscale.checkCharacterOf("VRDLGU90A01E472");
    String body =
        "{\"username\":\"vigile.verdi\",\"givenName\":\"Luigi\",\"surname\":\"Verdi\","
            + "\"codiceFiscale\":\""
            + officerTaxCode
            + "\",\"role\":\"FIELD_OFFICER\"}";
    HttpResponse<String> created =
        postJson("/t/" + ALFA + "/api/v1/permissions/users", body, tokenOf(ALFA), "sec-officer-1");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"temporaryPassword\":\"");
    // The same request again (Idempotency-Key): the same user, no second account, no password.
    HttpResponse<String> again =
        postJson("/t/" + ALFA + "/api/v1/permissions/users", body, tokenOf(ALFA), "sec-officer-1");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("vigile.verdi").doesNotContain("\"temporaryPassword\":\"");
    // A wrong codice fiscale: 409 with the broken rule, nothing created.
    HttpResponse<String> wrong =
        postJson(
            "/t/" + ALFA + "/api/v1/permissions/users",
            body.replace("vigile.verdi", "vigile.bianchi")
                .replace(officerTaxCode, "VRDLGU90A01E472Z"),
            tokenOf(ALFA),
            null);
    assertThat(wrong.statusCode()).isEqualTo(409);
    assertThat(wrong.body()).contains("permissions.codice-fiscale");

    TestStack.keycloak().setPassword("vigile.verdi", PASSWORD);
    String officer = TestStack.tokens().passwordGrant("vigile.verdi", PASSWORD);
    assertThat(get("/t/" + ALFA + "/api/v1/me", officer).statusCode()).isEqualTo(200);
    HttpResponse<String> denied = get("/t/" + ALFA + "/api/v1/permissions/users", officer);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("is not granted ACCESS on PERMISSIONS");
    HttpResponse<String> listed = get("/t/" + ALFA + "/api/v1/permissions/users", tokenOf(ALFA));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("vigile.verdi", "admin.sec-alfa");
    // The officer's token on the other command: 403 before any permission is looked at.
    assertThat(get("/t/" + BETA + "/api/v1/permissions/users", officer).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aTokenIssuedForAnotherAudienceIs401() throws Exception {
    // The platform's service account token is issued for Keycloak's admin API, not for ours.
    HttpResponse<String> token =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            TestStack.keycloak().issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=ksanctions-platform"
                                + "&client_secret=ksanctions-platform-dev-secret"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).isEqualTo(200);
    java.util.regex.Matcher field =
        java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(token.body());
    assertThat(field.find()).isTrue();
    String accessToken = field.group(1);
    HttpResponse<String> refused = get("/api/platform/tenants", accessToken);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("audience");
  }

  private static HttpResponse<String> postJson(String path, String json, String token, String key)
      throws Exception {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestStack.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void missingMalformedOrTamperedTokensAre401WithABearerChallenge() throws Exception {
    HttpResponse<String> none = get("/t/" + ALFA + "/api/v1/me", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(get("/t/" + ALFA + "/api/v1/me", "abc.def.ghi").statusCode()).isEqualTo(401);
    assertThat(get("/api/platform/tenants", "garbage").statusCode()).isEqualTo(401);

    String token = tokenOf(ALFA);
    String[] parts = token.split("\\.");
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(
                        java.util.Base64.getUrlDecoder().decode(parts[1]),
                        java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"sec-alfa\"", "\"sec-beta\"")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + forgedPayload + "." + parts[2];
    assertThat(get("/t/" + BETA + "/api/v1/me", tampered).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenFromAnotherIssuerIs401EvenOnPublicPages() throws Exception {
    // A genuine token, but from Keycloak's master realm: other issuer, other signing key.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> master =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloak().baseUrl()
                            + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password="
                            + TestStack.keycloak().adminPassword()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String foreign = master.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    assertThat(foreign).contains(".");
    HttpResponse<String> api = get("/api/platform/tenants", foreign);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).contains("not issued by the K-Sanctions identity provider");
    assertThat(get("/t/" + ALFA + "/api/v1/me", foreign).statusCode()).isEqualTo(401);
    assertThat(get("/t/" + ALFA + "/", foreign).statusCode()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    // ksanctions-cli-short issues 2-second tokens; the test server allows 5 seconds of clock skew.
    String shortLived =
        TestStack.tokens().passwordGrant("ksanctions-cli-short", "admin." + ALFA, PASSWORD);
    assertThat(get("/t/" + ALFA + "/api/v1/me", shortLived).statusCode()).isEqualTo(200);
    Thread.sleep(9_000);
    assertThat(get("/t/" + ALFA + "/api/v1/me", shortLived).statusCode()).isEqualTo(401);
  }
}
