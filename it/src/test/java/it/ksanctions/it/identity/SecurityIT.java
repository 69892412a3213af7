package it.ksanctions.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.DevIdentities;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
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
class SecurityIT {

  static final String ALFA = "sec-alfa";
  static final String BETA = "sec-beta";
  static final String PASSWORD = "Sicurezza-2026!";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.productionEar("security.ear");
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
