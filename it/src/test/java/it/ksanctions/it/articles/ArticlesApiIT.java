package it.ksanctions.it.articles;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Articles API of a tenant (SPEC ART-2, ART-4, ART-6): the initial catalogue every new tenant
 * gets, versions looked up as of the violation day, and payment windows with amounts and last days
 * on the tenant's own calendar (here Torino's patron saint, 24 June).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArticlesApiIT {

  static final String TENANT = "art-torino";
  static final String OTHER = "art-latina";
  static final String PASSWORD = "Articoli-2026!";
  static String token;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void tenantWithItsAdministrator() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(
                    TENANT, "Città di Torino (prova)", "COMUNE", "00514490010", "06-24", List.of())
                .statusCode())
        .isIn(200, 201);
    assertThat(
            TestStack.platform()
                .onboard(
                    OTHER, "Comune di Latina (prova)", "COMUNE", "00097020598", null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.keycloak().setPassword("admin." + TENANT, PASSWORD);
    token = TestStack.tokens().passwordGrant("admin." + TENANT, PASSWORD);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return TestStack.withToken(token).get("/t/" + TENANT + "/api/v1/articles" + path);
  }

  @Test
  void aNewTenantStartsWithTheSourcedCatalogue() throws Exception {
    HttpResponse<String> all = get("");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains(
            "\"code\":\"142c7\"",
            "\"code\":\"142c8\"",
            "\"code\":\"142c9\"",
            "\"code\":\"146c2\"",
            "\"code\":\"173c3bis\"",
            "\"code\":\"193c2\"")
        .contains("DM 31/12/2020", "L. 177/2024");
    HttpResponse<String> speed = get("?q=" + URLEncoder.encode("velocità", StandardCharsets.UTF_8));
    assertThat(speed.body()).contains("142c7", "142c8", "142c9").doesNotContain("193c2");
  }

  @Test
  void theNationalCatalogueCarriesShortDescriptionsPointsAndNotes() throws Exception {
    HttpResponse<String> all = get("");
    assertThat(all.statusCode()).isEqualTo(200);
    // At least 40 rows in a new tenant (V14), each with the fields of ART-1.
    assertThat(Pattern.compile("\"code\":").matcher(all.body()).results().count())
        .isGreaterThanOrEqualTo(40);
    assertThat(Pattern.compile("\"shortDescription\":").matcher(all.body()).results().count())
        .isGreaterThanOrEqualTo(40);
    assertThat(all.body())
        .contains(
            "\"code\":\"142c9bis\"",
            "\"code\":\"158c4bis\"",
            "\"code\":\"158c4bis-moto\"",
            "\"code\":\"146c3\"",
            "\"code\":\"172c10\"",
            "\"code\":\"214c8\"");
    String speed = objectOf(all.body(), "142c9bis");
    assertThat(speed)
        .contains("\"points\":10", "\"LICENCE_SUSPENSION\"", "\"nightIncrease\":true")
        .contains("\"shortDescription\":", "\"operatingNotes\":");
    assertThat(objectOf(all.body(), "142c7")).contains("\"points\":0");
    HttpResponse<String> amounts =
        get("/142c8/amounts?violationAt=2026-06-19T10:00&notifiedOn=2026-06-20");
    assertThat(amounts.body()).contains("\"points\":3", "\"shortDescription\":");
  }

  /** The JSON object of one article version in a list (the views hold no nested objects). */
  private static String objectOf(String body, String code) {
    Matcher m =
        Pattern.compile("\\{[^{}]*\"code\":\"" + Pattern.quote(code) + "\"[^{}]*}").matcher(body);
    assertThat(m.find()).as("version of %s in %s", code, body).isTrue();
    return m.group();
  }

  @Test
  void nightViolationWithTheReducedTermEndingOnThePatronSaintDay() throws Exception {
    // 142 c.8 (173-694) at 23:30: +1/3 -> minimum 230.67, reduced 161.47, half maximum 462.67.
    // Notified on Friday 19 June 2026: +5 days = Wednesday 24 June, Torino's patron saint -> 25
    // June;
    // +60 days = Tuesday 18 August 2026.
    HttpResponse<String> night =
        get("/142c8/amounts?violationAt=2026-06-19T23:30:00&notifiedOn=2026-06-19");
    assertThat(night.statusCode()).as(night.body()).isEqualTo(200);
    assertThat(night.body())
        .contains("\"nightIncrease\":true")
        .contains(
            "{\"amount\":\"161.47\",\"fees\":[],\"lastDay\":\"2026-06-25\",\"total\":\"161.47\",\"type\":\"REDUCED_30\"}")
        .contains(
            "{\"amount\":\"230.67\",\"fees\":[],\"lastDay\":\"2026-08-18\",\"total\":\"230.67\",\"type\":\"MINIMUM\"}")
        .contains(
            "{\"amount\":\"462.67\",\"fees\":[],\"total\":\"462.67\",\"type\":\"HALF_MAXIMUM\"}")
        .contains("\"validFrom\":\"2021-01-01\"");
  }

  @Test
  void dayViolationAndAnArticleWithLicenceSuspensionHasNoReduction() throws Exception {
    HttpResponse<String> day =
        get("/142c8/amounts?violationAt=2026-06-19T10:00&notifiedOn=2026-06-20");
    assertThat(day.body())
        .contains("\"nightIncrease\":false")
        .contains(
            "{\"amount\":\"121.10\",\"fees\":[],\"lastDay\":\"2026-06-25\",\"total\":\"121.10\",\"type\":\"REDUCED_30\"}")
        .contains(
            "{\"amount\":\"173.00\",\"fees\":[],\"lastDay\":\"2026-08-19\",\"total\":\"173.00\",\"type\":\"MINIMUM\"}")
        .contains(
            "{\"amount\":\"347.00\",\"fees\":[],\"total\":\"347.00\",\"type\":\"HALF_MAXIMUM\"}");
    HttpResponse<String> suspension =
        get("/142c9/amounts?violationAt=2026-06-19T10:00&notifiedOn=2026-06-20");
    assertThat(suspension.body())
        .doesNotContain("REDUCED_30")
        .contains(
            "{\"amount\":\"543.00\",\"fees\":[],\"lastDay\":\"2026-08-19\",\"total\":\"543.00\",\"type\":\"MINIMUM\"}",
            "{\"amount\":\"1085.00\",\"fees\":[],\"total\":\"1085.00\",\"type\":\"HALF_MAXIMUM\"}");
  }

  @Test
  void versionsAreLookedUpAsOfTheViolationDay() throws Exception {
    // 173 c.3-bis is in the catalogue from 14 December 2024 (L. 177/2024) only.
    assertThat(
            get("/173c3bis/amounts?violationAt=2024-12-14T08:00&notifiedOn=2024-12-14")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> before =
        get("/173c3bis/amounts?violationAt=2024-12-13T08:00&notifiedOn=2024-12-13");
    assertThat(before.statusCode()).isEqualTo(404);
    assertThat(before.body()).contains("No version of article 173c3bis is in force on 2024-12-13");
    assertThat(
            get("/999c1/amounts?violationAt=2026-01-10T08:00&notifiedOn=2026-01-10").statusCode())
        .isEqualTo(404);
  }

  @Test
  void wrongParametersAreABadRequestNamingTheField() throws Exception {
    HttpResponse<String> missing = get("/142c8/amounts?violationAt=19/06/2026");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"violationAt\"", "\"field\":\"notifiedOn\"");
    HttpResponse<String> backwards =
        get("/142c8/amounts?violationAt=2026-06-19T10:00&notifiedOn=2026-06-18");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("\"field\":\"notifiedOn\"");
  }

  @Test
  void theCatalogueIsTheTenantsOwn() throws Exception {
    assertThat(TestStack.withToken(null).get("/t/" + TENANT + "/api/v1/articles").statusCode())
        .isEqualTo(401);
    assertThat(TestStack.withToken(token).get("/t/" + OTHER + "/api/v1/articles").statusCode())
        .isEqualTo(403);
  }
}
