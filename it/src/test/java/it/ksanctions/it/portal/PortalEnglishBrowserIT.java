package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The citizen portal in English (issue 16: "Italian and English"), in headless Chromium with an
 * Italian browser: the portal opens in Italian; "English" in the header switches the page, its
 * {@code <html lang>} and every page after it; the CF + PIN access page, a wrong PIN's refusal (the
 * server's Italian rule message, told in English), the act's file with its amounts as {@code
 * €1,234.56}, and the speed-camera map read in English, and axe-core finds no serious or critical
 * violation on them; the choice outlives the session (cookie); "Italiano" brings the same page back
 * in Italian. Screenshots in {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalEnglishBrowserIT {

  static final String SLUG = "po-english";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Portale-2026!";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-english-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void aCitizenReadsThePortalInEnglishAndGoesBackToItalian() throws Exception {
    String creditor = TestCreditors.PORTAL_ENGLISH_BROWSER;
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
    String acts = api(token, "/api/v1/verbali?status=ISSUED").body();
    String firstAct = acts.split("\\},\\{")[0];
    Matcher idOf = Pattern.compile("\"id\":(\\d+)").matcher(firstAct);
    Matcher numberOf = Pattern.compile("\"number\":\"([^\"]+)\"").matcher(firstAct);
    assertThat(idOf.find() && numberOf.find()).as(acts).isTrue();
    String id = idOf.group(1);
    String number = numberOf.group(1);
    String paper = pdfText(token, id);
    Matcher pin =
        Pattern.compile("Codice fiscale: (\\S+)\\s+\\S*\\s*PIN: ([A-Z0-9]{10})").matcher(paper);
    assertThat(pin.find()).as(paper).isTrue();
    String portal = TestStack.baseUrl() + "/t/" + SLUG + "/portale";

    // Italian first, whatever the browser asks for: Accept-Language is not consulted (ADR 0010)
    HttpResponse<String> askedInEnglish =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(portal + "/"))
                    .header("Accept-Language", "en-GB,en;q=0.9")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(askedInEnglish.statusCode()).isEqualTo(200);
    assertThat(askedInEnglish.body()).contains("lang=\"it\"", ">Servizi</h2>");
    Browser browser = SESSION.start();
    browser.open(portal + "/");
    assertThat(lang(browser)).isEqualTo("it");
    assertThat(browser.text("#services-title")).isEqualTo("Servizi");
    assertThat(browser.text("#language-switch").replaceAll("\\s+", " "))
        .isEqualTo("Italiano | English");
    assertThat(browser.waitFor("#lang-en").getAttribute("hreflang")).isEqualTo("en");
    assertThat(browser.waitFor("#lang-it").getAttribute("aria-current")).isEqualTo("true");

    // English: the home page
    press(browser, "#lang-en");
    assertThat(browser.currentUrl()).isEqualTo(portal + "/");
    assertThat(lang(browser)).isEqualTo("en");
    assertThat(browser.text("#services-title")).isEqualTo("Services");
    assertThat(browser.text("#service-multe")).contains("Your fine", "Open the service");
    assertThat(browser.text("#service-autovelox")).contains("Speed-camera map");
    assertThat(browser.text("#contacts-title")).isEqualTo("Contacts");
    assertThat(browser.text("#link-note-legali")).isEqualTo("Legal notes");
    assertThat(browser.driver().getTitle()).startsWith("Online services — ");
    assertThat(browser.waitFor("#lang-en").getAttribute("aria-current")).isEqualTo("true");
    Accessibility.assertNoSeriousViolations(browser, "English portal home");
    browser.screenshot("portal-en-home");

    // the CF + PIN access page and a wrong PIN, refused in English
    press(browser, "#open-multe");
    assertThat(lang(browser)).isEqualTo("en");
    assertThat(browser.text("#access-title")).isEqualTo("Open your fine");
    assertThat(browser.text("label[for=taxCode]")).isEqualTo("Tax code (codice fiscale)");
    assertThat(browser.waitFor("#enter").getAttribute("value")).isEqualTo("Open");
    Accessibility.assertNoSeriousViolations(browser, "English access page");
    browser.type("#taxCode", pin.group(1));
    browser.type("#pin", "WRONGPIN00");
    press(browser, "#enter");
    assertThat(browser.text("#messages"))
        .contains("Wrong tax code or PIN. Check the PIN printed on the fine: 4 more attempts")
        .doesNotContain("Codice fiscale o PIN non corretti");
    assertThat(lang(browser)).isEqualTo("en");
    browser.screenshot("portal-en-access-refused");
    Accessibility.assertNoSeriousViolations(browser, "English access page with an error");

    // the act's file: English labels, the server's states and windows in English, €1,234.56
    browser.type("#taxCode", pin.group(1));
    browser.type("#pin", pin.group(2));
    press(browser, "#enter");
    assertThat(browser.text("#file-title")).isEqualTo("Fine no. " + number);
    assertThat(browser.text("#file-status")).isEqualTo("Issued");
    assertThat(browser.text("#amounts")).contains("30% off within 5 days").containsPattern("€\\d");
    assertThat(browser.text("#amounts")).doesNotContain("Ridotto del 30%");
    assertThat(browser.text("#documents")).contains("The fine (PDF)");
    assertThat(browser.text("#violation")).contains("Date and time", "Licence points deducted");
    assertThat(browser.text("#no-requests")).isEqualTo("No requests about this fine.");
    browser.screenshot("portal-en-file");
    Accessibility.assertNoSeriousViolations(browser, "English act file");

    // the switch keeps the page and its parameters: the same act in Italian, then English again
    String fileUrl = browser.currentUrl();
    assertThat(fileUrl).endsWith("/verbale.xhtml?id=" + id);
    press(browser, "#lang-it");
    assertThat(browser.currentUrl()).isEqualTo(fileUrl);
    assertThat(lang(browser)).isEqualTo("it");
    assertThat(browser.text("#file-title")).isEqualTo("Verbale n. " + number);
    assertThat(browser.text("#amounts"))
        .contains("Ridotto del 30% entro 5 giorni")
        .containsPattern("\\d,\\d{2}[\\s\\u00a0]€");
    press(browser, "#lang-en");
    assertThat(browser.currentUrl()).isEqualTo(fileUrl);
    assertThat(browser.text("#file-title")).isEqualTo("Fine no. " + number);

    // the speed-camera map of the demo command
    browser.open(portal + "/autovelox.xhtml");
    assertThat(lang(browser)).isEqualTo("en");
    assertThat(browser.text("#speed-cameras-title")).isEqualTo("Speed-camera map");
    assertThat(browser.text("#list-title")).isEqualTo("List of positions");
    assertThat(browser.text("#speed-cameras-caption"))
        .startsWith("Speed-checking positions in service: ");
    assertThat(browser.text("#speed-cameras"))
        .contains("Speed camera", "Speed limit", "Calibration", "Download the calibration")
        .containsPattern("Calibrated on \\d{1,2} [A-Z][a-z]{2} \\d{4}")
        .doesNotContain("Tarato il");
    Accessibility.assertNoSeriousViolations(browser, "English speed-camera map");
    browser.screenshot("portal-en-speed-cameras");

    // the choice outlives the session: the cookie remembers it
    Cookie chosen = browser.driver().manage().getCookieNamed("ks_portal_lang");
    assertThat(chosen).isNotNull();
    assertThat(chosen.getValue()).isEqualTo("en");
    assertThat(chosen.isHttpOnly()).isTrue();
    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.open(portal + "/accesso.xhtml");
    assertThat(browser.text("#access-title")).isEqualTo("Open your fine");

    // back to Italian from the map: the same page, in Italian
    browser.open(portal + "/autovelox.xhtml");
    press(browser, "#lang-it");
    assertThat(browser.currentUrl()).isEqualTo(portal + "/autovelox.xhtml");
    assertThat(lang(browser)).isEqualTo("it");
    assertThat(browser.text("#speed-cameras-title")).isEqualTo("Mappa degli autovelox");
    assertThat(browser.text("#speed-cameras")).containsPattern("Tarato il \\d{2}/\\d{2}/\\d{4}");
    assertThat(browser.driver().manage().getCookieNamed("ks_portal_lang").getValue())
        .isEqualTo("it");
  }

  private static String lang(Browser browser) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.lang");
  }

  /**
   * Scrolls the element to the middle of the window at once (the portal scrolls smoothly, which a
   * click would not wait for), then clicks it and waits for the page.
   */
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

  private static String pdfText(String token, String id) throws Exception {
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.baseUrl() + "/t/" + SLUG + "/api/v1/verbali/" + id + "/pdf"))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
  }
}
