package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.DevIdentities;
import it.ksanctions.it.support.Accessibility;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import org.openqa.selenium.WebElement;

/**
 * A rental firm names its drivers in headless Chromium (issue 16 item 6): on a command with its
 * demo content, the firm goes from the portal's home to its area, signs in through the citizens'
 * realm with its username and password (no SPID), sees its two acts to name, downloads the
 * template, uploads a CSV with wrong rows and reads the report by row and column (nothing sent),
 * then a good one and finds the two requests listed and its acts named. axe-core finds no serious
 * or critical violation on the area, signed out and in with the report; it works at 375 px.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RentalFirmBrowserIT {

  static final String SLUG = "rf-page";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String HEADER =
      "numero_verbale;conducente;codice_fiscale;numero_patente;categoria;data_rilascio;data_scadenza";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-rental-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void aRentalFirmSignsInAndUploadsItsDrivers() throws Exception {
    TestStack.demoCommand(SLUG, "?theme=bordeaux");
    String portal = TestStack.baseUrl() + "/t/" + SLUG + "/portale";

    // the template is public: the header and an example row, UTF-8 with a BOM
    HttpResponse<String> template =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(portal + "/aziende/modello-conducenti.csv"))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(template.statusCode()).isEqualTo(200);
    assertThat(template.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(template.body()).startsWith("\uFEFF" + HEADER + "\r\n");

    // from the home page to the area, then the realm's own login form (not SPID)
    Browser browser = SESSION.start();
    browser.open(portal + "/");
    press(browser, "#open-aziende");
    assertThat(browser.text("#company-access")).contains("Area aziende di noleggio e leasing");
    Accessibility.assertNoSeriousViolations(browser, "company area, signed out");
    browser.screenshot("rental-signed-out");
    press(browser, "#company-login");
    browser.waitFor("#username");
    assertThat(browser.currentUrl()).contains("/realms/ksanctions-citizens/");
    browser.screenshot("rental-login");
    browser.type("#username", DevIdentities.RENTAL_FIRM_USER);
    browser.type("#password", DevIdentities.RENTAL_FIRM_PASSWORD);
    press(browser, "#kc-login");

    assertThat(browser.currentUrl()).startsWith(portal + "/azienda.xhtml");
    assertThat(browser.text("#company-name")).isEqualTo(DevIdentities.RENTAL_FIRM_NAME);
    assertThat(browser.text("#company-tax-code")).isEqualTo(DevIdentities.RENTAL_FIRM_TAX_CODE);
    assertThat(browser.text("#acts")).contains("FN234RT", "FN567RT", "Da comunicare");
    assertThat(browser.text("#to-name-count")).contains("2");
    List<String> numbers =
        browser.driver().findElements(By.cssSelector("tr.ks-company-act")).stream()
            .map(r -> r.getAttribute("data-number"))
            .toList();
    assertThat(numbers).hasSize(2);
    assertThat(browser.text("#no-requests")).contains("Nessuna comunicazione");

    // a file with wrong rows: the report by row and column, nothing sent
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    Path bad =
        csv(
            HEADER
                + "\n"
                + numbers.get(0)
                + ";Paolo Neri;NREPLA90A01E47ZZ;U1AB123456;B;"
                + DAY.format(today.minusYears(5))
                + ";"
                + DAY.format(today.plusYears(5))
                + "\n"
                + "PL/1999/999999;Anna Blu;BLANNA85C41E472"
                + it.ksanctions.shared.CodiceFiscale.checkCharacterOf("BLANNA85C41E472")
                + ";U1AB654321;B;"
                + DAY.format(today.minusYears(5))
                + ";"
                + DAY.format(today.plusYears(5))
                + "\n");
    upload(browser, bad);
    assertThat(browser.text("#messages")).contains("non è stato accettato");
    String report = browser.text("#report");
    assertThat(report)
        .contains("Codice fiscale del conducente")
        .contains("non risulta tra i verbali intestati all'azienda")
        .contains("PL/1999/999999");
    assertThat(browser.driver().findElements(By.cssSelector("#report tr.ks-problem"))).hasSize(2);
    assertThat(browser.driver().findElements(By.id("requests"))).isEmpty();
    scrollTo(browser, "#report-title");
    browser.screenshot("rental-report");
    Accessibility.assertNoSeriousViolations(browser, "company area with the report");

    // the right file: one request per row, listed; the acts named
    String paolo = "NREPLA90A01E472";
    String anna = "BLANNA85C41E472";
    Path good =
        csv(
            "\uFEFF"
                + HEADER
                + "\r\n"
                + numbers.get(0)
                + ";Paolo Neri;"
                + paolo
                + it.ksanctions.shared.CodiceFiscale.checkCharacterOf(paolo)
                + ";U1AB123456;B;"
                + DAY.format(today.minusYears(5))
                + ";"
                + DAY.format(today.plusYears(5))
                + "\r\n"
                + numbers.get(1)
                + ";Anna Blu;"
                + anna
                + it.ksanctions.shared.CodiceFiscale.checkCharacterOf(anna)
                + ";U1AB654321;B;"
                + DAY.format(today.minusYears(2))
                + ";"
                + DAY.format(today.plusYears(8))
                + "\r\n");
    upload(browser, good);
    assertThat(browser.text("#messages")).contains("accettato", "inviate 2 comunicazioni");
    String requests = browser.text("#requests");
    assertThat(requests).contains(numbers.get(0), numbers.get(1), "Paolo Neri", "Anna Blu");
    assertThat(browser.driver().findElements(By.cssSelector("#requests .ks-sent-status")))
        .extracting(WebElement::getText)
        .containsExactly("Ricevuta", "Ricevuta");
    assertThat(browser.text("#acts")).contains("Comunicato").doesNotContain("Da comunicare");
    assertThat(browser.text("#uploads"))
        .contains(good.getFileName().toString(), DevIdentities.RENTAL_FIRM_USER);
    Accessibility.assertNoSeriousViolations(browser, "company area with its requests");
    browser.screenshot("rental-sent");
    fullPage(browser, "rental-sent-full");

    // in English: the page's texts, the states' labels; the problems' reasons stay Italian
    press(browser, "#lang-en");
    assertThat(browser.text("#company-title")).isEqualTo("Rental and leasing companies");
    assertThat(browser.text("#company-tax-code-label")).isEqualTo("VAT number");
    assertThat(browser.text("#acts")).contains("Given", "Request no.");
    assertThat(browser.text("#requests")).contains("Received");
    Accessibility.assertNoSeriousViolations(browser, "company area in English");
    browser.screenshot("rental-english");
    press(browser, "#lang-it");
    assertThat(browser.text("#company-title")).isEqualTo("Area aziende di noleggio e leasing");

    // the same file again: nothing new
    upload(browser, good);
    assertThat(browser.text("#messages")).contains("già stato caricato", "nessuna nuova richiesta");
    assertThat(browser.driver().findElements(By.cssSelector("#requests tr.ks-sent"))).hasSize(2);

    // 375 px: nothing wider than the screen
    browser.driver().manage().window().setSize(new Dimension(375, 800));
    browser.open(portal + "/azienda.xhtml");
    Object wide =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth");
    assertThat(((Number) wide).intValue()).isLessThanOrEqualTo(375);
    // the driver's column (the deadline) is on screen without scrolling the table
    Object right =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return document.querySelector('#acts thead th:last-child')"
                    + ".getBoundingClientRect().right");
    assertThat(((Number) right).doubleValue()).isLessThanOrEqualTo(375);
    browser.screenshot("rental-375");
    fullPage(browser, "rental-375-full");
    browser.driver().manage().window().setSize(new Dimension(Browser.WIDTH, Browser.HEIGHT));

    // logout: signed out here and in the realm
    browser.open(portal + "/azienda.xhtml");
    press(browser, "#logout");
    browser.open(portal + "/azienda.xhtml");
    assertThat(browser.driver().findElements(By.id("company-login"))).hasSize(1);
    assertThat(browser.driver().findElements(By.id("acts"))).isEmpty();
  }

  private static void upload(Browser browser, Path file) {
    browser.driver().findElement(By.id("drivers-file")).sendKeys(file.toAbsolutePath().toString());
    WebElement declaration = browser.driver().findElement(By.id("declaration"));
    if (!declaration.isSelected()) {
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", declaration);
    }
    assertThat(declaration.isSelected()).isTrue();
    press(browser, "#send-drivers");
  }

  private static Path csv(String content) throws Exception {
    Path file = Files.createTempFile("conducenti-", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }

  /** The whole page at the window's width, for a person to look at. */
  private static void fullPage(Browser browser, String name) {
    Dimension before = browser.driver().manage().window().getSize();
    Object height =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollHeight");
    browser
        .driver()
        .manage()
        .window()
        .setSize(new Dimension(before.getWidth(), ((Number) height).intValue() + 120));
    browser.screenshot(name);
    browser.driver().manage().window().setSize(before);
  }

  private static void scrollTo(Browser browser, String css) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});",
            browser.driver().findElement(By.cssSelector(css)));
  }

  /** Scrolls the element to the middle of the window at once, then clicks it and waits. */
  private static void press(Browser browser, String css) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
            browser.driver().findElement(By.cssSelector(css)));
    browser.clickAndWaitForNewPage(css);
  }
}
