package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.DevIdentities;
import it.ksanctions.it.support.Accessibility;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.it.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The citizen who enters with SPID (issue 16 items 1 and 8, ADR 0011), in headless Chromium: on a
 * command with its demo content, "Entra con SPID o CIE" leads through the citizens' realm to the
 * simulated SPID's login page; the demo citizen logs in and lands in the personal area, which lists
 * the acts of his codice fiscale (plate AB123CD) and none of another's (EF456GH), with the total
 * due today; one act opens. An act of another codice fiscale is refused by URL, page and document
 * alike. axe-core finds no serious or critical violation on the personal area.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CitizenSpidBrowserIT {

  static final String SLUG = "sp-page";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Portale-Spid-2026!";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-spid-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void aCitizenEntersWithSpidAndSeesHisActsAndDebtPosition() throws Exception {
    String creditor = TestCreditors.SPID_BROWSER;
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune " + SLUG, "COMUNE", creditor, null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.wireDemoCommand(SLUG, creditor);
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/" + SLUG + "/demo-data?theme=verde", "")
                .statusCode())
        .isEqualTo(200);
    assertThat(TestStack.platform().post("/api/platform/jobs/outbox", "").statusCode())
        .isEqualTo(200);
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    String token = TestStack.tokens().passwordGrant(ADMIN, PASSWORD);

    // without SPID the personal area is refused
    Browser browser = SESSION.start();
    String portal = TestStack.baseUrl() + "/t/" + SLUG + "/portale";
    browser.open(portal + "/area-personale.xhtml");
    assertThat(browser.text("#denied")).contains("riservata a chi accede con SPID o CIE");

    // "Entra con SPID o CIE" on the access page, then the simulated SPID's login page
    browser.open(portal + "/accesso.xhtml");
    press(browser, "#spid-login");
    browser.waitFor("#username");
    assertThat(browser.currentUrl()).contains("/realms/spid-sim/");
    browser.screenshot("spid-login");
    browser.type("#username", DevIdentities.SPID_CITIZEN_USER);
    browser.type("#password", DevIdentities.SPID_CITIZEN_PASSWORD);
    press(browser, "#kc-login");

    // back through the citizens' realm to the personal area
    assertThat(browser.text("#tax-code")).isEqualTo(DevIdentities.SPID_CITIZEN_TAX_CODE);
    assertThat(browser.currentUrl()).startsWith(portal + "/area-personale.xhtml");
    String acts = browser.text("#acts");
    assertThat(acts).contains("AB123CD").doesNotContain("EF456GH").doesNotContain("GH789JK");
    assertThat(browser.text("#total-due")).contains("€");
    assertThat(browser.text("#stages")).contains("Emessi o notificati, da pagare");
    browser.screenshot("spid-personal-area");
    Accessibility.assertNoSeriousViolations(browser, "portal personal area");

    Set<String> mine = new LinkedHashSet<>();
    for (WebElement row : browser.driver().findElements(By.cssSelector("tr.ks-act"))) {
      mine.add(row.getAttribute("data-id"));
    }
    assertThat(mine).isNotEmpty();

    // one act opens from the list
    String first = mine.iterator().next();
    press(browser, "#act-" + first);
    assertThat(browser.text("#file-title")).startsWith("Verbale n. ");
    assertThat(browser.text("#violation")).contains("AB123CD");
    browser.screenshot("spid-file");

    // IDOR: an act of another codice fiscale is refused by URL, page and document
    String other = actOfAnother(token, mine);
    browser.open(portal + "/verbale.xhtml?id=" + other);
    assertThat(browser.driver().findElements(By.id("file-title"))).isEmpty();
    assertThat(browser.text("#denied")).contains("Verbale non disponibile");
    browser.open(portal + "/documento?verbale=" + other + "&tipo=verbale");
    assertThat(browser.pageSource()).contains("Documento non disponibile");

    // logout: the personal area is refused again
    browser.open(portal + "/area-personale.xhtml");
    press(browser, "#logout");
    browser.open(portal + "/area-personale.xhtml");
    assertThat(browser.text("#denied")).contains("riservata a chi accede con SPID o CIE");
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void aCallbackWithoutALoginInProgressIsExplainedInItalian() {
    Browser browser = SESSION.start();
    browser.open(
        TestStack.baseUrl() + "/t/" + SLUG + "/portale/spid/callback?state=forged&code=forged");
    assertThat(browser.text("#spid-error")).contains("non è valida o è scaduta");
  }

  /**
   * An act whose owner is not the SPID citizen: the demo data issue acts to one owner only, so a
   * copy of one of them is written for another owner and another plate (test setup by SQL).
   */
  private static String actOfAnother(String token, Set<String> mine) throws Exception {
    String schema = "t_" + SLUG.replace('-', '_');
    try (java.sql.Connection db = TestStack.database();
        java.sql.Statement sql = db.createStatement()) {
      sql.execute("set role " + schema);
      try (java.sql.ResultSet r =
          sql.executeQuery(
              "insert into "
                  + schema
                  + ".verbale (number, source_kind, source_id, violation_at, place_code, place_description, device_code, calibration_number, calibrated_on, article_code, article_valid_from, article_title, article_text, legal_source, points, accessory_sanctions, decided_rule, plate, country, vehicle_type, measured_speed, speed_limit, owner_kind, owner_name, owner_tax_code, owner_address, owner_pec, owner_abroad, officer, department, channel, notification_deadline, issued_on, issued_at, issued_by, status, status_reason, notified_on, pin_hash, version) select number || '-B', source_kind, gen_random_uuid()::text, violation_at, place_code, place_description, device_code, calibration_number, calibrated_on, article_code, article_valid_from, article_title, article_text, legal_source, points, accessory_sanctions, decided_rule, 'EF456GH', country, vehicle_type, measured_speed, speed_limit, owner_kind, 'Giulia Bianchi', 'BNCGLI90A41E472J', owner_address, owner_pec, owner_abroad, officer, department, channel, notification_deadline, issued_on, issued_at, issued_by, status, status_reason, notified_on, pin_hash, version from "
                  + schema
                  + ".verbale where id = "
                  + mine.iterator().next()
                  + " returning id")) {
        assertThat(r.next()).isTrue();
        String id = Long.toString(r.getLong(1));
        assertThat(mine).doesNotContain(id);
        HttpResponse<String> act = api(token, "/api/v1/verbali/" + id);
        assertThat(act.body()).contains("BNCGLI90A41E472J");
        return id;
      }
    }
  }

  /** Scrolls the element to the middle of the window, then clicks it and waits for the page. */
  private static void press(Browser browser, String css) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
            browser.driver().findElement(By.cssSelector(css)));
    browser.clickAndWaitForNewPage(css);
  }

  private static HttpResponse<String> api(String token, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/t/" + SLUG + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
