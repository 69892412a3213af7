package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Verbali in headless Chromium (issue 14): on a command with its demo content, an instructor (own
 * department) sees the worklist, validates two detections of the demo camera file and issues their
 * verbali, finds them in Verbali, gets the PDF, annuls one with a reason; the worklist counts
 * follow, and the demo acts of the administrator stay out of the instructor's view.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerbaliBrowserIT {

  static final String SLUG = "verb-page";
  static final String ADMIN = "admin." + SLUG;
  static final String INSTRUCTOR = "istruttore." + SLUG;
  static final String PASSWORD = "Verbali-2026!";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-verbali-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void twoDetectionsBecomeVerbaliOneIsAnnulledAndTheWorklistFollows() throws Exception {
    TestStack.demoCommand(SLUG, "?theme=bordeaux");
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    String adminToken = TestStack.tokens().passwordGrant(ADMIN, PASSWORD);
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.baseUrl() + "/t/" + SLUG + "/api/v1/permissions/users"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\""
                                + INSTRUCTOR
                                + "\",\"givenName\":\"Bruno\",\"surname\":\"Blu\","
                                + "\"codiceFiscale\":\""
                                + "BLUBRN80A01E472"
                                + it.ksanctions.shared.CodiceFiscale.checkCharacterOf(
                                    "BLUBRN80A01E472")
                                + "\",\"department\":\"VIABILITA\",\"role\":\"INSTRUCTOR\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    TestStack.keycloak().setPassword(INSTRUCTOR, PASSWORD);
    Browser browser = SESSION.start();
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/");
    BackOfficeForms.typeCredentials(browser, INSTRUCTOR, PASSWORD);
    browser.waitFor("#worklist");

    // The demo content: the camera file's seven detections to review once its import has ended;
    // the three demo verbali are the administrator's, outside the instructor's department.
    reloadUntil(browser, "#wl-detections", "7 rilevazioni da esaminare");
    assertThat(browser.text("#wl-to-notify")).startsWith("0 ");
    assertThat(browser.text("#wl-today")).contains("0 verbali emessi", "0 annullati");
    browser.screenshot("verbali-worklist-before");

    browser.clickAndWaitForNewPage("#menu-rilevazioni");
    for (int i = 0; i < 2; i++) {
      browser.click("#results\\:list\\:" + i + "\\:open");
      waitText(browser, "#detail", "Regola applicata");
      // the camera's photo is an image the browser can draw, not a broken one
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(
              d ->
                  ((Number)
                              ((org.openqa.selenium.JavascriptExecutor) d)
                                  .executeScript(
                                      "var i = document.querySelector('#detail img');"
                                          + " return i && i.complete ? i.naturalWidth : 0;"))
                          .intValue()
                      == 480);
      browser.click("#detailForm\\:validateOne");
      waitText(browser, "#messages", "Rilevazione validata.");
      browser.click("#detailForm\\:issueOne");
      waitText(browser, "#messages", "Emesso 1 verbale");
    }
    browser.screenshot("verbali-issued-from-detections");

    browser.clickAndWaitForNewPage("#menu-verbali");
    assertThat(browser.text("#results\\:list")).contains("Emesso").doesNotContain("Notificato");
    browser.clickAndWaitForNewPage("#results\\:list\\:0\\:open");
    assertThat(browser.text("#detail")).contains("Importi e avvisi pagoPA", "Cronologia");
    String number = browser.text("#results\\:list\\:0\\:number");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('detail').scrollIntoView()");
    browser.screenshot("verbali-detail");

    // The act's PDF, as the print button serves it, is the one the API gives.
    String token = TestStack.tokens().passwordGrant(INSTRUCTOR, PASSWORD);
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.baseUrl()
                                + "/t/"
                                + SLUG
                                + "/api/v1/verbali?q="
                                + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(list.split("\"number\":", -1)).as(list).hasSize(2);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(list);
    assertThat(id.find()).as(list).isTrue();
    HttpResponse<byte[]> pdf =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.baseUrl()
                            + "/t/"
                            + SLUG
                            + "/api/v1/verbali/"
                            + id.group(1)
                            + "/pdf"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    BackOfficeForms.fill(
        browser, "#detail\\:annulReason", "Targa clonata: denuncia del proprietario");
    browser.click("#detail\\:annul");
    browser.waitFor(".ui-confirmdialog-yes");
    browser.clickAndWaitForNewPage(".ui-confirmdialog-yes");
    assertThat(browser.text("#messages")).contains("annullato in autotutela");
    assertThat(browser.text("#detailState")).contains("Annullato in autotutela", "Targa clonata");
    browser.screenshot("verbali-annulled");

    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/");
    browser.waitFor("#worklist");
    assertThat(browser.text("#wl-detections")).startsWith("5 ");
    assertThat(browser.text("#wl-to-notify")).startsWith("1 ");
    assertThat(browser.text("#wl-today")).contains("2 verbali emessi", "1 annullati");
    browser.screenshot("verbali-worklist-after");

    // each count is a link to its filtered list: the act to notify, not the annulled one
    browser.clickAndWaitForNewPage("#wl-to-notify");
    assertThat(browser.currentUrl()).endsWith("/admin/verbali.xhtml?stato=DA_NOTIFICARE");
    assertThat(browser.driver().findElements(By.cssSelector("#results\\:list_data > tr")))
        .hasSize(1);
    assertThat(browser.text("#results\\:list")).doesNotContain("Annullato in autotutela");
    assertThat(browser.text("#search\\:status")).contains("Da notificare (emessi o inviati)");
    browser.screenshot("verbali-to-notify");
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/");
    browser.waitFor("#worklist");
    browser.clickAndWaitForNewPage("#wl-prenotices");
    assertThat(browser.currentUrl()).endsWith("/admin/preavvisi.xhtml?stato=RECORDED");
    assertThat(browser.text("#search\\:status")).contains("Registrato");
  }

  private static void reloadUntil(Browser browser, String css, String expected) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!browser.text(css).contains(expected) && System.nanoTime() < deadline) {
      browser.driver().navigate().refresh();
      browser.waitFor(css);
    }
    assertThat(browser.text(css)).contains(expected);
  }

  private static void waitText(Browser browser, String css, String expected) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> browser.text(css).contains(expected));
  }
}
