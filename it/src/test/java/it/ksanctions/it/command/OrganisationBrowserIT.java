package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The Organizzazione page in a real headless Chromium: the administrator creates a department, a
 * functional role and a shift, sees an overlapping shift and a malformed time refused with their
 * Italian messages, assigns themself to the department and cannot deactivate it while they are its
 * member. Screenshots in {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganisationBrowserIT {

  static final String SLUG = "org-browser";
  static final String ADMIN = "admin." + SLUG;
  static final String ADMIN_PASSWORD = "Organizzazione-2026!";

  static Browser browser;

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession("failed-organisation-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void commandAndBrowser() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune " + SLUG, "COMUNE", "00097020598", null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.keycloak().setPassword(ADMIN, ADMIN_PASSWORD);
    browser = SESSION.start();
  }

  @Test
  void theAdministratorOrganisesTheCommand() {
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/comando-organizzazione.xhtml");
    BackOfficeForms.typeCredentials(browser, ADMIN, ADMIN_PASSWORD);
    assertThat(browser.text("h1")).isEqualTo("Organizzazione");
    assertThat(browser.text("#cmd-organizzazione")).isEqualTo("Organizzazione");
    assertThat(browser.text("#departments\\:list")).contains("COMANDO", "Comando");

    browser.type("#departments\\:code", "viabilita");
    browser.type("#departments\\:name", "Viabilità");
    browser.type("#departments\\:reference", "Delibera G.C. 12/2026");
    submit("#departments\\:save");
    assertThat(browser.text("#messages")).contains("Reparto creato.");
    assertThat(browser.text("#departments\\:list")).contains("VIABILITA", "Viabilità");

    browser.type("#roles\\:name", "Agente");
    submit("#roles\\:save");
    assertThat(browser.text("#messages")).contains("Ruolo funzionale creato.");
    assertThat(browser.text("#roles\\:list")).contains("Agente");

    fillShift("MATT", "Mattina", "07:00", "13:00");
    submit("#shifts\\:save");
    assertThat(browser.text("#messages")).contains("Turno creato.");
    assertThat(browser.text("#shifts\\:list")).contains("MATT", "lun 07:00-13:00");

    fillShift("LUNGO", "Lungo", "12:00", "18:00");
    submit("#shifts\\:save");
    assertThat(browser.text("#messages")).contains("si sovrappone al turno MATT");
    fillShift("SERA", "Sera", "19.30", "23:00");
    submit("#shifts\\:save");
    assertThat(browser.text("#messages")).contains("Orario di inizio «19.30» non valido");
    browser.screenshot("organisation-shifts");

    selectOption("assignments:user", "Amministratore di sistema (" + ADMIN + ")");
    selectOption("assignments:department", "Viabilità (VIABILITA)");
    selectOption("assignments:role", "Agente");
    typeDate(
        "#assignments\\:from_input",
        LocalDate.now(ZoneId.of("Europe/Rome")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    submit("#assignments\\:save");
    assertThat(browser.text("#messages")).contains("Assegnazione registrata.");
    assertThat(browser.text("#assignments\\:list")).contains(ADMIN, "Viabilità (VIABILITA)", "Sì");

    // COMANDO is the first row, VIABILITA the second.
    submit("#departments\\:list\\:1\\:deactivate");
    assertThat(browser.text("#messages"))
        .contains("Il reparto VIABILITA ha ancora 1 membro attivo");
    browser.screenshot("organisation-page");
  }

  private static void fillShift(String code, String name, String start, String end) {
    browser.type("#shifts\\:code", code);
    browser.type("#shifts\\:name", name);
    browser.type("#shifts\\:start", start);
    browser.type("#shifts\\:end", end);
    selectOption("shifts:department", "Viabilità (VIABILITA)");
    // The checkbox itself is hidden by PrimeFaces; its label is what users click.
    if (!browser.driver().findElement(By.id("shifts:days:0")).isSelected()) {
      browser.click("label[for='shifts:days:0']");
    }
  }

  private static void submit(String css) {
    browser.clickAndWaitForNewPage(css);
  }

  private static void selectOption(String id, String label) {
    BackOfficeForms.selectOption(browser, id, label);
  }

  private static void typeDate(String css, String day) {
    BackOfficeForms.typeDate(browser, css, day);
  }
}
