package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The amounts endpoint with the command's fees (CMD-2): every window carries the assessment and
 * administrative fees and the notification fees of the channel asked, never discounted, and the
 * total due; fees out of their validity are not charged; another command's fees never appear.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FeesInAmountsApiIT {

  static final String TENANT = "fee-api";
  static final String OTHER = "fee-api-other";
  static final String PASSWORD = "Spese-2026!";
  static String token;
  static String otherToken;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void tenantsWithFees() throws Exception {
    for (String slug : List.of(TENANT, OTHER)) {
      assertThat(
              TestStack.platform()
                  .onboard(
                      slug, "Comune delle Spese " + slug, "COMUNE", "00097020598", null, List.of())
                  .statusCode())
          .isIn(200, 201);
      TestStack.keycloak().setPassword("admin." + slug, PASSWORD);
    }
    token = TestStack.tokens().passwordGrant("admin." + TENANT, PASSWORD);
    otherToken = TestStack.tokens().passwordGrant("admin." + OTHER, PASSWORD);
    // The fixture is written as the back office would store it (the fee rules themselves are
    // tested in CommandModuleIT and the domain tests).
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      // Each tenant's schema is its own role's (ADR 0001): write as that role.
      sql.execute("set role t_fee_api");
      sql.execute("delete from t_fee_api.command_fee");
      String columns =
          "(code, description, category, channel, amount_kind, amount, valid_from, valid_to,"
              + " legal_reference, created_at, created_by)";
      sql.execute(
          "insert into t_fee_api.command_fee "
              + columns
              + " values"
              + " ('ACC', 'Spese di accertamento', 'ASSESSMENT', null, 'FIXED', 12.50,"
              + "  date '2026-01-01', null, 'Delibera G.C. n. 1/2026', now(), 'test'),"
              + " ('ARCH', 'Stampa e archiviazione', 'ADMINISTRATIVE', null, 'FIXED', 2.00,"
              + "  date '2026-01-01', null, 'Delibera G.C. n. 1/2026', now(), 'test'),"
              + " ('NOT-PEC', 'Notifica via PEC', 'NOTIFICATION', 'PEC', 'FIXED', 3.50,"
              + "  date '2026-01-01', null, 'Delibera G.C. n. 1/2026', now(), 'test'),"
              + " ('NOT-AR', 'Raccomandata A/R', 'NOTIFICATION', 'POST', 'VARIABLE', 13.10,"
              + "  date '2026-01-01', null, 'Delibera G.C. n. 1/2026', now(), 'test'),"
              + " ('ACC', 'Spese di accertamento (2025)', 'ASSESSMENT', null, 'FIXED', 10.00,"
              + "  date '2025-01-01', date '2025-12-31', 'Delibera G.C. n. 9/2025', now(), 'test')");
      sql.execute("reset role");
      sql.execute("set role t_fee_api_other");
      sql.execute("delete from t_fee_api_other.command_fee");
      sql.execute(
          "insert into t_fee_api_other.command_fee "
              + columns
              + " values ('ALTRO', 'Spesa di un altro comando', 'ASSESSMENT', null, 'FIXED',"
              + " 99.00, date '2020-01-01', null, 'Delibera n. 99', now(), 'test')");
      sql.execute("reset role");
    }
  }

  private static HttpResponse<String> amounts(String query) throws Exception {
    return TestStack.withToken(token)
        .get("/t/" + TENANT + "/api/v1/articles/142c8/amounts?" + query);
  }

  @Test
  void everyWindowCarriesTheFeesOfTheChannelAndTheTotal() throws Exception {
    HttpResponse<String> pec =
        amounts("violationAt=2026-06-19T10:00&notifiedOn=2026-06-20&channel=PEC");
    assertThat(pec.statusCode()).as(pec.body()).isEqualTo(200);
    String fees =
        "\"fees\":[{\"amount\":\"12.50\",\"category\":\"ASSESSMENT\",\"code\":\"ACC\","
            + "\"description\":\"Spese di accertamento\"},"
            + "{\"amount\":\"3.50\",\"category\":\"NOTIFICATION\",\"code\":\"NOT-PEC\","
            + "\"description\":\"Notifica via PEC\"},"
            + "{\"amount\":\"2.00\",\"category\":\"ADMINISTRATIVE\",\"code\":\"ARCH\","
            + "\"description\":\"Stampa e archiviazione\"}]";
    // 121.10 + 12.50 + 3.50 + 2.00 = 139.10: the fees are not reduced by 30 %.
    assertThat(pec.body())
        .contains("\"channel\":\"PEC\"")
        .contains(
            "{\"amount\":\"121.10\","
                + fees
                + ",\"lastDay\":\"2026-06-25\",\"total\":\"139.10\",\"type\":\"REDUCED_30\"}")
        .contains(
            "{\"amount\":\"173.00\","
                + fees
                + ",\"lastDay\":\"2026-08-19\",\"total\":\"191.00\",\"type\":\"MINIMUM\"}")
        .contains(
            "{\"amount\":\"347.00\"," + fees + ",\"total\":\"365.00\",\"type\":\"HALF_MAXIMUM\"}")
        .doesNotContain("NOT-AR", "ALTRO");

    HttpResponse<String> post =
        amounts("violationAt=2026-06-19T10:00&notifiedOn=2026-06-20&channel=POST");
    assertThat(post.body())
        .contains("\"code\":\"NOT-AR\"", "\"total\":\"148.70\"")
        .doesNotContain("NOT-PEC");
  }

  @Test
  void withoutAChannelOnlyAssessmentAndAdministrativeFeesAndTheValidityCounts() throws Exception {
    HttpResponse<String> none = amounts("violationAt=2026-06-19T10:00&notifiedOn=2026-06-20");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.body())
        .doesNotContain("\"channel\"", "NOT-PEC", "NOT-AR")
        .contains("\"total\":\"135.60\"");
    // A violation of 2025 is charged the 2025 version of ACC (10.00), not the 2026 one.
    HttpResponse<String> old = amounts("violationAt=2025-06-19T10:00&notifiedOn=2025-06-20");
    assertThat(old.body())
        .contains("\"amount\":\"10.00\"", "Spese di accertamento (2025)")
        .doesNotContain("ARCH", "\"amount\":\"12.50\"");
  }

  @Test
  void anUnknownChannelIsABadRequestAndFeesStayInTheirTenant() throws Exception {
    HttpResponse<String> wrong =
        amounts("violationAt=2026-06-19T10:00&notifiedOn=2026-06-20&channel=FAX");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("\"field\":\"channel\"");
    HttpResponse<String> other =
        TestStack.withToken(otherToken)
            .get(
                "/t/"
                    + OTHER
                    + "/api/v1/articles/142c8/amounts?violationAt=2026-06-19T10:00"
                    + "&notifiedOn=2026-06-20&channel=PEC");
    assertThat(other.body()).contains("ALTRO").doesNotContain("NOT-PEC", "\"code\":\"ACC\"");
    assertThat(
            TestStack.withToken(otherToken)
                .get(
                    "/t/"
                        + TENANT
                        + "/api/v1/articles/142c8/amounts?violationAt=2026-06-19T10:00"
                        + "&notifiedOn=2026-06-20")
                .statusCode())
        .isEqualTo(403);
  }
}
