package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Parametri generali page in headless Chromium (CMD-4): the live preview of the verbale number
 * follows the pattern, the annual reset and the prefix as they are typed, a notification term
 * beyond the legal 90 days is refused with its reason, and a saved change appears in the version
 * history with its author and reference.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParametersBrowserIT {

  static final String SLUG = "num-page";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Parametri-2026!";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-parameters-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void thePreviewFollowsTheTypingAndChangesAreVersioned() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune " + SLUG, "COMUNE", "00097020598", null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    Browser browser = SESSION.start();
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/comando-parametri.xhtml");
    BackOfficeForms.typeCredentials(browser, ADMIN, PASSWORD);
    browser.waitFor("#params\\:pattern");
    int year = LocalDate.now(ZoneId.of("Europe/Rome")).getYear();
    assertThat(browser.text("h1")).isEqualTo("Parametri generali");
    assertThat(browser.text("#params\\:preview")).isEqualTo("Anteprima: PL/" + year + "/000001");

    BackOfficeForms.fill(browser, "#params\\:pattern", "{PREFISSO}-{N:4}");
    waitText(browser, "#params\\:preview", "Con l'azzeramento annuale");
    browser.click("#params\\:reset .ui-chkbox-box");
    waitText(browser, "#params\\:preview", "Anteprima: PL-0001");
    BackOfficeForms.fill(browser, "#params\\:prefix", "vl");
    waitText(browser, "#params\\:preview", "Anteprima: VL-0001");
    browser.screenshot("command-parameters-preview");

    BackOfficeForms.fill(browser, "#params\\:deadlines\\:2\\:deadline", "120");
    browser.clickAndWaitForNewPage("#params\\:save");
    assertThat(browser.text("#messages")).contains("Notifica in Italia", "non può estenderlo");

    BackOfficeForms.fill(browser, "#params\\:deadlines\\:2\\:deadline", "75");
    BackOfficeForms.fill(browser, "#params\\:patron", "06-24");
    BackOfficeForms.fill(browser, "#params\\:reference", "Delibera 1/2026");
    browser.clickAndWaitForNewPage("#params\\:save");
    assertThat(browser.text("#messages")).contains("Salvati");
    assertThat(browser.text("#history\\:list"))
        .contains("Notifica in Italia", "75", ADMIN, "Delibera 1/2026", "06-24");
    assertThat(browser.text("#params\\:preview")).isEqualTo("Anteprima: VL-0001");
    browser.screenshot("command-parameters-saved");
  }

  private static void waitText(Browser browser, String css, String expected) {
    // The preview is replaced by each ajax update: a read may hit the old element.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> browser.text(css).contains(expected));
  }
}
