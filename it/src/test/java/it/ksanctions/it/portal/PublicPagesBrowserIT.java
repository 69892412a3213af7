package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The public pages of a tenant as a citizen's browser shows them (headless Chromium, Italian
 * locale): the command's home page with its name, and the Italian page for an address that names no
 * command. Screenshots in {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicPagesBrowserIT {

  static final String SLUG = "browser-sezze";
  static final String DISPLAY_NAME = "Città di Sezze (prova)";
  static final String LATINA_TAX_CODE = "00097020598";

  static Browser browser;

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void tenantAndBrowser() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(SLUG, DISPLAY_NAME, "COMUNE", LATINA_TAX_CODE, null, List.of())
                .statusCode())
        .isIn(200, 201);
    browser = SESSION.start();
  }

  @Test
  void theHomePageShowsTheCommandsName() {
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/");
    assertThat(browser.text("#ks-welcome")).isEqualTo(DISPLAY_NAME);
    assertThat(browser.text(".ks-header-brand")).isEqualTo(DISPLAY_NAME);
    assertThat(browser.driver().getTitle()).isEqualTo(DISPLAY_NAME + " — Polizia Locale");
    assertThat(browser.currentUrl()).endsWith("/t/" + SLUG + "/");
    // the home leads citizens to the portal and the command's staff to the back office
    assertThat(href("ks-portal-link")).endsWith("/t/" + SLUG + "/portale/");
    assertThat(href("ks-admin-link")).endsWith("/t/" + SLUG + "/admin/");
    // The browser really is an Italian one (what the server sees as Accept-Language).
    assertThat(((JavascriptExecutor) browser.driver()).executeScript("return navigator.languages"))
        .isEqualTo(List.of("it-IT", "it"));
    browser.screenshot("public-home-" + SLUG);
  }

  @Test
  void anAddressNamingNoCommandShowsTheItalianNotFoundPage() {
    browser.open(TestStack.baseUrl() + "/t/no-such-command/");
    assertThat(browser.text("#ks-error-title")).isEqualTo("Comando non trovato");
    assertThat(browser.text(".ks-error-code")).isEqualTo("404");
    assertThat(browser.text("#ks-error-title + p"))
        .isEqualTo(
            "L'indirizzo non corrisponde a nessun comando di Polizia Locale servito da"
                + " K-Sanctions. Verificare l'indirizzo ricevuto.");
    assertThat(browser.text(".ks-header-brand")).isEqualTo("K-Sanctions");
    assertThat(browser.pageSource()).contains("lang=\"it\"");
    browser.screenshot("not-found");
  }

  private String href(String id) {
    return browser.driver().findElement(org.openqa.selenium.By.id(id)).getAttribute("href");
  }
}
