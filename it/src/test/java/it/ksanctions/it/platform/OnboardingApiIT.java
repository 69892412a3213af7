package it.ksanctions.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The onboarding API as vendor support staff use it (SPEC PLT-3), black-box over HTTP against the
 * production EAR: validation with the offending fields, idempotent repeats, conflicts, concurrent
 * onboarding of one slug, suspension and reactivation, the platform key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingApiIT {

  static final String LATINA_TAX_CODE = "00097020598";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  private static HttpResponse<String> onboard(String slug, String name, String taxCode)
      throws Exception {
    return TestStack.platform().onboard(slug, name, "COMUNE", taxCode, "07-06", List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "A",
        "Latina",
        "1latina",
        "-latina",
        "lat_ina",
        "lat ina",
        "latina!",
        "abcdefghijklmnopqrstuvwxyz0123456"
      })
  void invalidSlugIsRejectedNamingTheField(String slug) throws Exception {
    HttpResponse<String> response = onboard(slug, "Comune di prova", LATINA_TAX_CODE);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"field\":\"slug\"")
        .doesNotContain("\"field\":\"taxCode\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123", "00097020597", "0009702059A", "000970205980", "12345678901"})
  void invalidTaxCodeIsRejectedNamingTheField(String taxCode) throws Exception {
    HttpResponse<String> response = onboard("cf-check", "Comune di prova", taxCode);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"field\":\"taxCode\"")
        .doesNotContain("\"field\":\"slug\"");
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() throws Exception {
    HttpResponse<String> response =
        TestStack.platform().onboard("X", " ", "CITTA", "1", "13-40", List.of("not a host"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"field\":\"slug\"", "\"field\":\"displayName\"", "\"field\":\"kind\"")
        .contains(
            "\"field\":\"taxCode\"", "\"field\":\"patronSaintDay\"", "\"field\":\"hostnames[0]\"");
    assertThat(TestStack.platform().get("/api/platform/tenants/x").statusCode()).isEqualTo(404);
  }

  @Test
  void platformApiNeedsAToken() throws Exception {
    assertThat(TestStack.withToken(null).get("/api/platform/tenants").statusCode()).isEqualTo(401);
    assertThat(TestStack.withToken("not-a-token").get("/api/platform/tenants").statusCode())
        .isEqualTo(401);
    assertThat(
            TestStack.withToken(null)
                .onboard("no-token", "Comune", "COMUNE", LATINA_TAX_CODE, null, List.of())
                .statusCode())
        .isEqualTo(401);
    assertThat(TestStack.platform().get("/api/platform/tenants/no-token").statusCode())
        .isEqualTo(404);
  }

  @Test
  void malformedJsonIsABadRequestNotAServerError() throws Exception {
    HttpResponse<String> response =
        TestStack.platform().post("/api/platform/tenants", "{\"slug\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"status\":400");
  }

  @Test
  void theFirstAdministratorIsCreatedOnceAndShownOnlyToTheRequestThatCreatedIt() throws Exception {
    HttpResponse<String> first = onboard("admin-priverno", "Comune di Priverno", LATINA_TAX_CODE);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body())
        .contains(
            "\"initialAdministrator\":",
            "\"username\":\"admin.admin-priverno\"",
            "\"temporaryPassword\":\"");
    assertThat(first.body()).containsPattern("\"identityOrganizationId\":\"[0-9a-f-]{36}\"");
    HttpResponse<String> again = onboard("admin-priverno", "Comune di Priverno", LATINA_TAX_CODE);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).doesNotContain("temporaryPassword");
    // The one-time password is real: Keycloak asks for it to be changed before issuing tokens.
    String password = first.body().replaceAll(".*\"temporaryPassword\":\"([^\"]+)\".*", "$1");
    assertThat(TestStack.tokens().tryPasswordGrant("admin.admin-priverno", password).body())
        .contains("Account is not fully set up");
    HttpResponse<String> wrong =
        TestStack.tokens().tryPasswordGrant("admin.admin-priverno", "wrong-password");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("invalid_grant");
  }

  @Test
  void repeatingTheSameRequestIsIdempotentAndDifferentDataConflicts() throws Exception {
    HttpResponse<String> first = onboard("idem-sabaudia", "Comune di Sabaudia", LATINA_TAX_CODE);
    assertThat(first.statusCode()).isEqualTo(201);
    String location = first.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/api/platform/tenants/idem-sabaudia");
    assertThat(first.body())
        .contains(
            "\"status\":\"ACTIVE\"",
            "\"schema\":\"t_idem_sabaudia\"",
            "\"onboardingDurationMillis\":");

    HttpResponse<String> again = onboard("idem-sabaudia", "Comune di Sabaudia", LATINA_TAX_CODE);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("Location")).contains(location);

    HttpResponse<String> different =
        onboard("idem-sabaudia", "Comune di Terracina", LATINA_TAX_CODE);
    assertThat(different.statusCode()).isEqualTo(409);
    assertThat(different.body()).contains("already exists with different data");

    // Every log line names its tenant (wildfly-config/cli/logging.cli, TenantScope).
    assertThat(java.nio.file.Files.readAllLines(TestStack.serverLog()))
        .anyMatch(
            line ->
                line.contains("[tenant=idem-sabaudia]")
                    && line.contains("Tenant idem-sabaudia onboarded"));

    HttpResponse<String> one = TestStack.platform().get("/api/platform/tenants/idem-sabaudia");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body())
        .contains(
            "\"displayName\":\"Comune di Sabaudia\"",
            "\"migrationStatus\":\"CURRENT\"",
            "\"created\":");
    assertThat(TestStack.platform().get("/api/platform/tenants").body())
        .contains("\"slug\":\"idem-sabaudia\"");
  }

  @Test
  void concurrentOnboardingsOfOneSlugCreateExactlyOneSchema() throws Exception {
    String slug = "conc-fondi";
    int parallel = 4;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        Callable<HttpResponse<String>> call =
            () -> {
              start.await();
              return onboard(slug, "Comune di Fondi", LATINA_TAX_CODE);
            };
        calls.add(pool.submit(call));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> call : calls) {
        statuses.add(call.get().statusCode());
      }
      assertThat(statuses).containsOnly(200, 201);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    try (Connection db = TestStack.database();
        PreparedStatement ps =
            db.prepareStatement(
                "select (select count(*) from pg_namespace where nspname = ?),"
                    + " (select count(*) from platform.tenant where slug = ?)")) {
      ps.setString(1, "t_conc_fondi");
      ps.setString(2, slug);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).as("schemas").isEqualTo(1);
        assertThat(rs.getInt(2)).as("registry rows").isEqualTo(1);
      }
    }
    assertThat(TestStack.platform().get("/api/platform/tenants/" + slug).body())
        .contains("\"status\":\"ACTIVE\"");
  }

  @Test
  void hostnameOfAnotherTenantConflictsAndResolvesToItsOwner() throws Exception {
    HttpResponse<String> owner =
        TestStack.platform()
            .onboard(
                "host-gaeta",
                "Comune di Gaeta",
                "COMUNE",
                LATINA_TAX_CODE,
                null,
                List.of("multe.gaeta.example.it"));
    assertThat(owner.statusCode()).isEqualTo(201);
    HttpResponse<String> thief =
        TestStack.platform()
            .onboard(
                "host-formia",
                "Comune di Formia",
                "COMUNE",
                LATINA_TAX_CODE,
                null,
                List.of("MULTE.gaeta.example.it"));
    assertThat(thief.statusCode()).isEqualTo(409);
    assertThat(thief.body()).contains("multe.gaeta.example.it");
    assertThat(TestStack.platform().get("/api/platform/tenants/host-formia").statusCode())
        .isEqualTo(404);

    HttpResponse<String> byHost = TestStack.getWithHost("/", "multe.gaeta.example.it");
    assertThat(byHost.statusCode()).isEqualTo(200);
    assertThat(byHost.body()).contains("Comune di Gaeta");
  }

  @Test
  void suspendedTenantAnswers403AndUnknownTenant404WithItalianPages() throws Exception {
    assertThat(onboard("susp-itri", "Comune di Itri", LATINA_TAX_CODE).statusCode()).isEqualTo(201);
    assertThat(TestStack.get("/t/susp-itri/").statusCode()).isEqualTo(200);

    HttpResponse<String> suspended =
        TestStack.platform()
            .post("/api/platform/tenants/susp-itri/suspend", "{\"reason\":\"Contratto scaduto\"}");
    assertThat(suspended.statusCode()).isEqualTo(200);
    assertThat(suspended.body()).contains("\"status\":\"SUSPENDED\"", "Contratto scaduto");

    HttpResponse<String> page = TestStack.get("/t/susp-itri/");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains("Servizio sospeso", "Comune di Itri", "temporaneamente sospeso");
    HttpResponse<String> api = TestStack.get("/t/susp-itri/api/v1/anything");
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

    HttpResponse<String> reactivated =
        TestStack.platform().post("/api/platform/tenants/susp-itri/reactivate", "");
    assertThat(reactivated.statusCode()).isEqualTo(200);
    assertThat(reactivated.body()).contains("\"status\":\"ACTIVE\"");
    assertThat(TestStack.get("/t/susp-itri/").statusCode()).isEqualTo(200);

    HttpResponse<String> unknown = TestStack.get("/t/nessun-comando/");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Comando non trovato");
    assertThat(TestStack.get("/t/Not_A_Slug/").statusCode()).isEqualTo(404);
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/nessun-comando/suspend", "{}")
                .statusCode())
        .isEqualTo(404);
  }

  /**
   * A path that would leave its tenant's prefix once normalised ({@code curl --path-as-is
   * /t/a/../b/}) is a 404 page, never the other tenant and never a 500.
   */
  @Test
  void pathsThatWouldLeaveTheirTenantAnswer404() throws Exception {
    assertThat(onboard("path-fondi", "Comune di Fondi (percorsi)", LATINA_TAX_CODE).statusCode())
        .isEqualTo(201);
    assertThat(
            onboard("path-sperlonga", "Comune di Sperlonga (percorsi)", LATINA_TAX_CODE)
                .statusCode())
        .isEqualTo(201);
    assertThat(TestStack.get("/t/path-fondi/").statusCode()).isEqualTo(200);

    for (String path :
        List.of(
            "/t/path-fondi/../path-sperlonga/",
            "/t/path-fondi/../../path-sperlonga/admin/",
            "/t/path-fondi/%2e%2e/path-sperlonga/",
            "/t/path-fondi/..;/path-sperlonga/",
            "/t/path-fondi/./portale/",
            "/t/path-fondi/api/../../path-sperlonga/api/v1/me")) {
      HttpResponse<String> response = TestStack.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("Comune di Sperlonga");
    }
  }

  @Test
  void onlyAnActiveTenantCanBeSuspended() throws Exception {
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/idem-never/reactivate", "")
                .statusCode())
        .isEqualTo(404);
    assertThat(onboard("state-minturno", "Comune di Minturno", LATINA_TAX_CODE).statusCode())
        .isEqualTo(201);
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/state-minturno/reactivate", "")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/state-minturno/suspend", "")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/state-minturno/suspend", "")
                .statusCode())
        .isEqualTo(200);
  }
}
