package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ksanctions.devstack.CitizenRealms;
import it.ksanctions.devstack.DevIdentities;
import it.ksanctions.it.lifecycle.CollectFixture;
import it.ksanctions.it.support.CitizenTokens;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen API for apps (issue 16 item 11, ADR 0012): a deployment of its own beside the EAR,
 * MicroProfile JWT with real tokens of the citizens' realm, MicroProfile OpenAPI.
 *
 * <p>Two commands issue acts to two citizens (in the container); then, over HTTP as an app: a
 * citizen lists his acts of the command the path names and only those, reads one (amounts per
 * window with notice codes and days left, accessory sanctions, timeline), downloads its PDF and
 * reads his debt position; another citizen's act and another command's act are 404 with an Italian
 * message (never 403, never 500); no token, a malformed or forged token, a token of the staff realm
 * or of another realm, and a citizens' token for another audience are all 401; a token without a
 * codice fiscale is 403; a suspended command is 403; the OpenAPI document is served at {@code
 * /citizen-api/openapi} and lists the paths.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenApiIT {

  static final String ALFA = "ca-alfa";
  static final String BETA = "ca-beta";
  static final String MARIO = cf("RSSMRA70C10H501");
  static final String GIULIA = cf("BNCGLI72D50H501");
  static final String PASSWORD = "Cittadino-Api-2026!";
  static final String CLIENT = "citizen-api-it";
  static final String CLIENT_WITHOUT_AUDIENCE = "citizen-api-it-other-audience";

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The product's EAR under its production name: the citizen API depends on it by name. */
  @Deployment(name = "ear", order = 1)
  static EnterpriseArchive ear() {
    return Deployments.shared();
  }

  @Deployment(name = "api", order = 2, testable = false)
  static WebArchive citizenApi() {
    return Deployments.citizenApi();
  }

  @Inject CollectFixture fixture;
  @Inject CurrentStaff currentStaff;

  static String cf(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  @Test
  @Order(1)
  @OperateOnDeployment("ear")
  void twoCommandsIssueActsToTwoCitizens() throws Exception {
    fixture.command(ALFA, TestCreditors.CITIZEN_API_ALFA, "receipt-key-ca-alfa-0123456789");
    fixture.command(BETA, TestCreditors.CITIZEN_API_BETA, "receipt-key-ca-beta-0123456789");
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      fixture.issue(ALFA, "CA100AB", "Mario Rossi", MARIO);
      fixture.issue(ALFA, "CA101AB", "Mario Rossi", MARIO);
      fixture.issue(ALFA, "CA200CD", "Giulia Bianchi", GIULIA);
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      fixture.issue(BETA, "CA300EF", "Mario Rossi", MARIO);
      fixture.issue(BETA, "CA400GH", "Giulia Bianchi", GIULIA);
    }
  }

  @Test
  @Order(2)
  @RunAsClient
  void aCitizenReadsHisActsOfTheCommandThePathNamesAndOnlyThose() throws Exception {
    String mario = mario();

    HttpResponse<String> list = get(ALFA, "/verbali", mario);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode acts = JSON.readTree(list.body());
    assertThat(acts).hasSize(2);
    Set<String> plates = new HashSet<>();
    for (JsonNode act : acts) {
      plates.add(act.path("plate").asText());
      assertThat(act.path("number").asText()).isNotBlank();
      assertThat(act.path("violationDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(act.path("article").asText()).startsWith("142c8");
      assertThat(act.path("state").asText()).isIn("ISSUED", "SENT", "NOTIFIED");
      assertThat(act.path("stateLabel").asText()).isNotBlank();
      assertThat(act.path("dueToday").decimalValue()).isPositive();
      JsonNode windows = act.path("windows");
      assertThat(windows.size()).isGreaterThanOrEqualTo(2);
      assertThat(windows.get(0).path("total").decimalValue()).isPositive();
      assertThat(windows.get(0).path("label").asText()).isNotBlank();
      assertThat(windows.get(0).has("daysLeft")).isTrue();
      assertThat(windows.get(0).path("noticeCode").asText()).matches("\\d{18}");
    }
    assertThat(plates).containsExactlyInAnyOrder("CA100AB", "CA101AB");
    assertThat(list.body()).doesNotContain("CA200CD", "CA300EF", GIULIA);

    // the same token in another command: that command's acts of the same codice fiscale only
    HttpResponse<String> beta = get(BETA, "/verbali", mario);
    assertThat(beta.statusCode()).isEqualTo(200);
    JsonNode betaActs = JSON.readTree(beta.body());
    assertThat(betaActs).hasSize(1);
    assertThat(betaActs.get(0).path("plate").asText()).isEqualTo("CA300EF");

    // one act's file
    long id = acts.get(0).path("id").asLong();
    HttpResponse<String> one = get(ALFA, "/verbali/" + id, mario);
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode act = JSON.readTree(one.body());
    assertThat(act.path("id").asLong()).isEqualTo(id);
    assertThat(act.path("articleCode").asText()).isEqualTo("142c8");
    assertThat(act.path("accessorySanctions").has("licencePoints")).isTrue();
    assertThat(act.path("timeline")).isNotEmpty();
    assertThat(act.path("timeline").get(0).path("stateLabel").asText()).isNotBlank();
    assertThat(act.path("windows").get(0).path("noticeCodePrinted").asText())
        .matches("\\d{4} \\d{4} \\d{4} \\d{4} \\d{2}");
    assertThat(act.path("document").asText())
        .isEqualTo("/t/" + ALFA + "/v1/verbali/" + id + "/pdf");

    // its PDF
    HttpResponse<byte[]> pdf =
        HTTP.send(
            request(ALFA, "/verbali/" + id + "/pdf", mario).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    // the debt position
    HttpResponse<String> position = get(ALFA, "/debt-position", mario);
    assertThat(position.statusCode()).isEqualTo(200);
    JsonNode debt = JSON.readTree(position.body());
    assertThat(debt.path("taxCode").asText()).isEqualTo(MARIO);
    assertThat(debt.path("acts").asInt()).isEqualTo(2);
    java.math.BigDecimal sum =
        acts.get(0)
            .path("dueToday")
            .decimalValue()
            .add(acts.get(1).path("dueToday").decimalValue());
    assertThat(debt.path("totalDue").decimalValue()).isEqualByComparingTo(sum);
    JsonNode toPay = null;
    for (JsonNode stage : debt.path("stages")) {
      if (stage.path("stage").asText().equals("TO_PAY")) {
        toPay = stage;
      }
    }
    assertThat(toPay).isNotNull();
    assertThat(toPay.path("count").asInt()).isEqualTo(2);
    assertThat(toPay.path("label").asText()).isEqualTo("Emessi o notificati, da pagare");
  }

  @Test
  @Order(3)
  @RunAsClient
  void anotherCitizensActAndAnotherCommandsActAreNotFound() throws Exception {
    String mario = mario();
    String giulia = giulia();
    List<Long> marioAlfa = ids(get(ALFA, "/verbali", mario));
    List<Long> marioBeta = ids(get(BETA, "/verbali", mario));
    List<Long> giuliaAlfa = ids(get(ALFA, "/verbali", giulia));
    assertThat(giuliaAlfa).hasSize(1).doesNotContainAnyElementsOf(marioAlfa);
    long giuliasAct = giuliaAlfa.get(0);

    // Giulia's act, by its id, to Mario: not found, in Italian (not 403: nothing leaks)
    for (String path : List.of("/verbali/" + giuliasAct, "/verbali/" + giuliasAct + "/pdf")) {
      HttpResponse<String> refused = get(ALFA, path, mario);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertProblem(refused, "Verbale non disponibile");
    }
    // and Giulia reads it
    assertThat(get(ALFA, "/verbali/" + giuliasAct, giulia).statusCode()).isEqualTo(200);

    // Mario's act of ALFA asked under BETA's path (ids are per command): not found
    long alfaOnly =
        marioAlfa.stream().filter(id -> !marioBeta.contains(id)).findFirst().orElseThrow();
    HttpResponse<String> otherCommand = get(BETA, "/verbali/" + alfaOnly, mario);
    assertThat(otherCommand.statusCode()).isEqualTo(404);
    assertProblem(otherCommand, "Verbale non disponibile");
    assertThat(get(BETA, "/verbali/" + alfaOnly + "/pdf", mario).statusCode()).isEqualTo(404);
    // Giulia's BETA act is hers only under BETA
    long giuliaBeta = ids(get(BETA, "/verbali", giulia)).get(0);
    assertThat(get(BETA, "/verbali/" + giuliaBeta, giulia).statusCode()).isEqualTo(200);
    if (!giuliaAlfa.contains(giuliaBeta)) {
      assertThat(get(ALFA, "/verbali/" + giuliaBeta, giulia).statusCode()).isEqualTo(404);
    }

    // ids that are no act at all, unknown and malformed commands
    assertThat(get(ALFA, "/verbali/999999999", mario).statusCode()).isEqualTo(404);
    HttpResponse<String> notANumber = get(ALFA, "/verbali/abc", mario);
    assertThat(notANumber.statusCode()).isEqualTo(404);
    assertProblem(notANumber, "Risorsa non trovata");
    HttpResponse<String> unknown = get("nessun-comando", "/verbali", mario);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertProblem(unknown, "Comando non trovato");
    assertThat(get("Not_A_Slug", "/verbali", mario).statusCode()).isEqualTo(404);
    HttpResponse<String> noSuchPath = get(ALFA, "/nothing", mario);
    assertThat(noSuchPath.statusCode()).isEqualTo(404);
    assertProblem(noSuchPath, "Risorsa non trovata");

    // read only: a write is not allowed, in Italian
    HttpResponse<String> delete =
        HTTP.send(
            request(ALFA, "/verbali/" + marioAlfa.get(0), mario).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isEqualTo(405);
    assertProblem(delete, "non consentita");
  }

  @Test
  @Order(4)
  @RunAsClient
  void onlyAVerifiedTokenOfTheCitizensRealmForThisApiIsAccepted() throws Exception {
    // no token
    HttpResponse<String> none =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api(ALFA, "/verbali"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    assertProblem(none, "Autenticazione richiesta");
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();

    // a malformed token
    assertUnauthorized(get(ALFA, "/verbali", "not.a.token"));
    assertUnauthorized(get(ALFA, "/verbali", "garbage"));

    // a forged token: the right issuer, audience and claims, signed by another key
    RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
    key.setKeyId("forged");
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(CitizenRealms.issuer(TestStack.keycloak().baseUrl()));
    claims.setAudience("ksanctions-citizen-api");
    claims.setSubject("forged");
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setIssuedAtToNow();
    claims.setStringClaim("preferred_username", "forged");
    claims.setStringClaim("fiscal_number", "TINIT-" + MARIO);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setHeader("typ", "JWT");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    assertUnauthorized(get(ALFA, "/verbali", jws.getCompactSerialization()));
    // ... and the same naming the realm's own signing key
    String realKid = kid(mario());
    jws.setKeyIdHeaderValue(realKid);
    assertThat(realKid).isNotEqualTo("forged");
    assertUnauthorized(get(ALFA, "/verbali", jws.getCompactSerialization()));

    // a token of the staff realm (vendor support staff)
    String staff =
        TestStack.tokens()
            .passwordGrant(DevIdentities.SUPPORT_USER, DevIdentities.SUPPORT_PASSWORD);
    assertUnauthorized(get(ALFA, "/verbali", staff));

    // a token of another realm (Keycloak's master realm)
    assertUnauthorized(get(ALFA, "/verbali", CitizenTokens.masterRealmToken()));

    // a token of the citizens' realm for another audience
    CitizenTokens.ensureTestClient(CLIENT_WITHOUT_AUDIENCE, false);
    CitizenTokens.ensureUser("it-api-mario", PASSWORD, "TINIT-" + MARIO);
    assertUnauthorized(
        get(
            ALFA,
            "/verbali",
            CitizenTokens.token(CLIENT_WITHOUT_AUDIENCE, "it-api-mario", PASSWORD)));

    // a valid token that names no codice fiscale: refused, in Italian
    CitizenTokens.ensureTestClient(CLIENT, true);
    CitizenTokens.ensureUser("it-api-nobody", PASSWORD, null);
    HttpResponse<String> noTaxCode =
        get(ALFA, "/verbali", CitizenTokens.token(CLIENT, "it-api-nobody", PASSWORD));
    assertThat(noTaxCode.statusCode()).isEqualTo(403);
    assertProblem(noTaxCode, "codice fiscale");

    // the same citizen with a token for this API: accepted
    assertThat(get(ALFA, "/verbali", mario()).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(5)
  @RunAsClient
  void theOpenApiDocumentIsServedAndListsThePaths() throws Exception {
    HttpResponse<String> yaml =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/citizen-api/openapi"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.body()).contains("openapi: 3");

    HttpResponse<String> document =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(TestStack.baseUrl() + "/citizen-api/openapi?format=JSON"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(document.statusCode()).isEqualTo(200);
    JsonNode openapi = JSON.readTree(document.body());
    assertThat(openapi.path("info").path("title").asText())
        .isEqualTo("K-Sanctions - API per i cittadini");
    // the paths as a client calls them, the context root included
    List<String> paths = new ArrayList<>();
    openapi.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "/citizen-api/t/{slug}/v1/verbali",
            "/citizen-api/t/{slug}/v1/verbali/{id}",
            "/citizen-api/t/{slug}/v1/verbali/{id}/pdf",
            "/citizen-api/t/{slug}/v1/debt-position");
    JsonNode scheme = openapi.path("components").path("securitySchemes").path("spid-cie");
    assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(openapi.path("components").path("schemas").has("ActSummary")).isTrue();

    // the product's own document stays the product's
    HttpResponse<String> product = TestStack.get("/openapi");
    assertThat(product.statusCode()).isEqualTo(200);
    assertThat(product.body()).contains("/api/platform/tenants").doesNotContain("debt-position");
  }

  @Test
  @Order(6)
  @RunAsClient
  void aSuspendedCommandAnswers403() throws Exception {
    String mario = mario();
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/" + BETA + "/suspend", "{\"reason\":\"Prova API\"}")
                .statusCode())
        .isEqualTo(200);
    try {
      // the suspension drops this node's snapshot of the command at once
      HttpResponse<String> suspended = get(BETA, "/verbali", mario);
      assertThat(suspended.statusCode()).isEqualTo(403);
      assertProblem(suspended, "Servizio sospeso");
      assertThat(get(ALFA, "/verbali", mario).statusCode()).isEqualTo(200);
    } finally {
      assertThat(
              TestStack.platform()
                  .post("/api/platform/tenants/" + BETA + "/reactivate", "")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String mario() throws Exception {
    CitizenTokens.ensureTestClient(CLIENT, true);
    CitizenTokens.ensureUser("it-api-mario", PASSWORD, "TINIT-" + MARIO);
    return CitizenTokens.token(CLIENT, "it-api-mario", PASSWORD);
  }

  private static String giulia() throws Exception {
    CitizenTokens.ensureTestClient(CLIENT, true);
    CitizenTokens.ensureUser("it-api-giulia", PASSWORD, GIULIA);
    return CitizenTokens.token(CLIENT, "it-api-giulia", PASSWORD);
  }

  /** The {@code kid} header of a compact JWS. */
  private static String kid(String token) throws Exception {
    String header =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            java.nio.charset.StandardCharsets.UTF_8);
    return JSON.readTree(header).path("kid").asText();
  }

  private static String api(String slug, String path) {
    return TestStack.baseUrl() + "/citizen-api/t/" + slug + "/v1" + path;
  }

  private static HttpRequest.Builder request(String slug, String path, String token) {
    return HttpRequest.newBuilder(URI.create(api(slug, path)))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> get(String slug, String path, String token) throws Exception {
    return HTTP.send(
        request(slug, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<Long> ids(HttpResponse<String> list) throws Exception {
    assertThat(list.statusCode()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    for (JsonNode act : JSON.readTree(list.body())) {
      ids.add(act.path("id").asLong());
    }
    return ids;
  }

  private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.headers() + " " + response.body()).isEqualTo(401);
    assertProblem(response, "Autenticazione richiesta");
  }

  /** An Italian problem document whose detail contains {@code text}. */
  private static void assertProblem(HttpResponse<String> response, String text) throws Exception {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    assertThat(problem.path("title").asText() + " " + problem.path("detail").asText())
        .contains(text);
  }
}
