package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Rilevazioni page in headless Chromium: reached from the menu, it offers the import form, the
 * imports list and the search; an import without a file is refused with an Italian message and
 * stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DetectionsBrowserIT {

  static final String SLUG = "ril-page";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Rilevazioni-2026!";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-detections-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void thePageOffersImportListAndSearchAndRefusesAnImportWithoutFile() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune " + SLUG, "COMUNE", "00097020598", null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    Browser browser = SESSION.start();
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/");
    BackOfficeForms.typeCredentials(browser, ADMIN, PASSWORD);
    browser.waitFor("#menu-rilevazioni");
    browser.clickAndWaitForNewPage("#menu-rilevazioni");

    assertThat(browser.text("h1")).isEqualTo("Rilevazioni dei dispositivi automatici");
    assertThat(browser.text("#imports\\:list")).contains("Nessuna importazione.");
    assertThat(browser.text("#results\\:list")).contains("Nessuna rilevazione.");
    browser.screenshot("detections-page");

    BackOfficeForms.fill(browser, "#upload\\:operator", "Mario Rossi");
    browser.clickAndWaitForNewPage("#upload\\:start");
    assertThat(browser.text("#messages")).contains("Scegliere il dispositivo.");
    assertThat(browser.text("#imports\\:list")).contains("Nessuna importazione.");
  }
}
