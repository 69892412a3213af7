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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The citizen's path in headless Chromium (issue 16): on a command with its demo content wired to
 * the simulators, the citizen reads codice fiscale and PIN from the act's paper (its PDF), opens
 * the act from the portal's home, sees its file, pays it on the simulated pagoPA Checkout and comes
 * back to find it paid, then files a self-protection request with a PDF attached and sees it
 * received; then finds the demo pre-notice with its plate and code, pays it before notification and
 * finds it paid. axe-core finds no serious or critical violation on the access page, the file, the
 * request form and the pre-notice pages; the file and the pre-notice work at 375 px. Screenshots in
 * {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CitizenPortalBrowserIT {

  static final String SLUG = "po-page";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Portale-2026!";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-portal-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void aCitizenOpensTheActWithThePinPaysItAndFilesARequest() throws Exception {
    String creditor = TestCreditors.PORTAL_BROWSER;
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune " + SLUG, "COMUNE", creditor, null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.wireDemoCommand(SLUG, creditor);
    HttpResponse<String> demo =
        TestStack.platform().post("/api/platform/tenants/" + SLUG + "/demo-data?theme=verde", "");
    assertThat(demo.statusCode()).isEqualTo(200);
    Matcher preNoticeCode =
        Pattern.compile("targa (\\w+), codice ([0-9A-F]{4}-[0-9A-F]{4})").matcher(demo.body());
    assertThat(preNoticeCode.find()).as(demo.body()).isTrue();
    assertThat(TestStack.platform().post("/api/platform/jobs/outbox", "").statusCode())
        .isEqualTo(200);
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    String token = TestStack.tokens().passwordGrant(ADMIN, PASSWORD);

    // the paper: the act's PDF carries the owner's codice fiscale and the PIN
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

    Browser browser = SESSION.start();
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/portale/");
    browser.clickAndWaitForNewPage("#open-multe");
    Accessibility.assertNoSeriousViolations(browser, "portal access");
    browser.type("#taxCode", pin.group(1));
    browser.type("#pin", "WRONGPIN00");
    press(browser, "#enter");
    assertThat(browser.text("#messages")).contains("Codice fiscale o PIN non corretti");
    browser.screenshot("portal-access-refused");
    browser.type("#taxCode", pin.group(1));
    browser.type("#pin", pin.group(2));
    press(browser, "#enter");
    assertThat(browser.text("#file-title")).isEqualTo("Verbale n. " + number);
    assertThat(browser.text("#amounts")).contains("Ridotto del 30% entro 5 giorni");
    assertThat(browser.text("#documents")).contains("Verbale (PDF)");
    browser.screenshot("portal-file");
    Accessibility.assertNoSeriousViolations(browser, "portal file");

    // 375 px: nothing wider than the screen
    browser.driver().manage().window().setSize(new Dimension(375, 800));
    browser.open(browser.currentUrl());
    Object wide =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth");
    assertThat(((Number) wide).intValue()).isLessThanOrEqualTo(375);
    browser.screenshot("portal-file-375");
    browser.driver().manage().window().setSize(new Dimension(1366, 900));

    // pay on the simulated Checkout, back to the file, paid when the receipt arrives
    // the act's debt position reached GPD with the outbox run above: Checkout takes the cart
    browser.type("#email", "cittadino.po-page@example.it");
    press(browser, "#pay-button");
    assertThat(browser.currentUrl())
        .as(() -> browser.text("#messages"))
        .startsWith(TestStack.simulators().baseUrl() + "/checkout/");
    browser.type("#payerName", "Mario Rossi");
    browser.type("#payerFiscalCode", pin.group(1));
    browser.type("#payerEmail", "cittadino.po-page@example.it");
    browser.screenshot("portal-checkout");
    press(browser, "#paga");
    assertThat(browser.currentUrl())
        .contains("/t/" + SLUG + "/portale/verbale.xhtml")
        .contains("esito=ok");
    assertThat(browser.text("#messages")).contains("Pagamento eseguito");
    String fileUrl = TestStack.baseUrl() + "/t/" + SLUG + "/portale/verbale.xhtml?id=" + id;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    browser.open(fileUrl);
    while (browser.driver().findElements(By.id("paid")).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(300);
      browser.open(fileUrl);
    }
    assertThat(browser.text("#paid")).contains("Il verbale risulta pagato");
    assertThat(browser.text("#receipts")).contains("€");
    browser.screenshot("portal-paid");

    // a self-protection request with a PDF attached
    Path attachment = Files.createTempFile("ricevuta-", ".pdf");
    Files.writeString(attachment, "%PDF-1.4\n% ricevuta\n%%EOF\n");
    press(browser, "#new-request");
    Accessibility.assertNoSeriousViolations(browser, "portal request form");
    new Select(browser.driver().findElement(By.id("kind")))
        .selectByVisibleText("Istanza di annullamento in autotutela");
    browser.type("#body", "Il veicolo era stato venduto prima della violazione: allego l'atto.");
    browser.type("#email", "cittadino.po-page@example.it");
    browser.driver().findElement(By.id("files")).sendKeys(attachment.toAbsolutePath().toString());
    browser.screenshot("portal-request-form");
    press(browser, "#send");
    assertThat(browser.text("#messages")).contains("ricevuta");
    assertThat(browser.pageSource()).contains("Istanza di annullamento in autotutela n. ");
    assertThat(browser.text(".ks-request-status")).isEqualTo("Ricevuta");
    browser.screenshot("portal-request-received");
    Files.deleteIfExists(attachment);

    // the demo pre-notice left on a windscreen, paid before notification (ADR 0013)
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/portale/");
    browser.clickAndWaitForNewPage("#open-preavviso");
    Accessibility.assertNoSeriousViolations(browser, "portal pre-notice search");
    browser.type("#plate", preNoticeCode.group(1));
    browser.type("#code", "0000-0000");
    press(browser, "#find-button");
    assertThat(browser.text("#messages")).contains("Nessun preavviso con questa targa");
    browser.type("#plate", preNoticeCode.group(1));
    browser.type("#code", preNoticeCode.group(2).toLowerCase());
    press(browser, "#find-button");
    assertThat(browser.text("#windows")).contains("Ridotto del 30% entro 5 giorni");
    assertThat(browser.text("#no-fees")).contains("non comprendono spese di notifica");
    assertThat(browser.text("#due-today")).contains("€");
    browser.screenshot("portal-pre-notice");
    Accessibility.assertNoSeriousViolations(browser, "portal pre-notice");
    browser.driver().manage().window().setSize(new Dimension(375, 800));
    browser.open(browser.currentUrl());
    Object narrow =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth");
    assertThat(((Number) narrow).intValue()).isLessThanOrEqualTo(375);
    browser.screenshot("portal-pre-notice-375");
    browser.driver().manage().window().setSize(new Dimension(1366, 900));
    browser.open(browser.currentUrl());
    press(browser, "#pay-button");
    assertThat(browser.currentUrl()).startsWith(TestStack.simulators().baseUrl() + "/checkout/");
    browser.type("#payerName", "Mario Rossi");
    browser.type("#payerFiscalCode", pin.group(1));
    browser.type("#payerEmail", "cittadino.po-page@example.it");
    press(browser, "#paga");
    assertThat(browser.currentUrl()).contains("/t/" + SLUG + "/portale/preavviso.xhtml?esito=ok");
    String preNoticeUrl = TestStack.baseUrl() + "/t/" + SLUG + "/portale/preavviso.xhtml";
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    browser.open(preNoticeUrl);
    while (browser.driver().findElements(By.id("paid")).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(300);
      browser.open(preNoticeUrl);
    }
    assertThat(browser.text("#paid")).contains("Il preavviso risulta pagato");
    browser.screenshot("portal-pre-notice-paid");
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
