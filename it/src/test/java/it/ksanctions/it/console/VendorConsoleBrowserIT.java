package it.ksanctions.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.DevIdentities;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vendor console in headless Chromium, as vendor support staff ({@code assistenza}) use it: the
 * tenant list and its search, the onboarding wizard page by page (inline errors, a screenshot of
 * each page), a failure at the Keycloak organization (a name another command already has) shown
 * with its Italian reason, resumed from the tenant list after correcting the name, suspension and
 * reactivation with a reason, the platform audit trail; and a command's administrator refused.
 * Screenshots in {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorConsoleBrowserIT {

  static final String EXISTING = "vc-esistente";
  static final String EXISTING_NAME = "Comune di Vecchiano Console";
  static final String EXISTING_HOST = "multe.vc-esistente.example.it";
  static final String ADMIN_PASSWORD = "Vecchiano-Admin-2026!";
  static final String NEW = "vc-nuovo";
  static final String NEW_NAME = "Comune di San Felice Circeo";
  static final String SMTP_PASSWORD = "Pec-Circeo-Segreta-1357";

  static Browser browser;

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-console-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void anExistingCommandAndTheBrowser() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(
                    EXISTING, EXISTING_NAME, "COMUNE", "00097020598", null, List.of(EXISTING_HOST))
                .statusCode())
        .isIn(200, 201);
    TestStack.keycloak().setPassword("admin." + EXISTING, ADMIN_PASSWORD);
    browser = SESSION.start();
  }

  @Test
  @Order(1)
  void supportStaffSignInAndSearchTheTenants() {
    browser.open(TestStack.baseUrl() + "/console/");
    BackOfficeForms.typeCredentials(
        browser, DevIdentities.SUPPORT_USER, DevIdentities.SUPPORT_PASSWORD);
    assertThat(browser.text("#signed-in")).contains(DevIdentities.SUPPORT_USER);
    BackOfficeForms.fill(browser, "#search\\:text", "vc-esistente.example");
    browser.clickAndWaitForNewPage("#search\\:go");
    String list = browser.text("#results\\:tenants");
    assertThat(list).contains(EXISTING, EXISTING_NAME, "Attivo", "CURRENT");
    browser.screenshot("console-01-tenants");
  }

  @Test
  @Order(2)
  void theWizardChecksEachPageAndFailsOnADuplicateOrganizationName() {
    browser.open(TestStack.baseUrl() + "/console/nuovo-comando.xhtml");
    // 1. Body data: a wrong tax code is refused inline.
    BackOfficeForms.fill(browser, "#wizard\\:displayName", EXISTING_NAME);
    BackOfficeForms.fill(browser, "#wizard\\:taxCode", "12345678901");
    BackOfficeForms.fill(browser, "#wizard\\:patronSaintDay", "06-24");
    browser.clickAndWaitForNewPage("#wizard\\:next");
    assertThat(browser.text("#wizard")).contains("Codice fiscale dell'ente non valido");
    browser.screenshot("console-02-wizard-1-body-error");
    BackOfficeForms.fill(browser, "#wizard\\:taxCode", "00097020598");
    browser.screenshot("console-03-wizard-1-body");
    browser.clickAndWaitForNewPage("#wizard\\:next");

    // 2. Slug and host names: a host name of another command is refused inline.
    assertThat(browser.waitFor("#wizard\\:slug").getDomProperty("value"))
        .isEqualTo("vecchiano-console");
    BackOfficeForms.fill(browser, "#wizard\\:slug", NEW);
    BackOfficeForms.fill(browser, "#wizard\\:hostnames", EXISTING_HOST);
    browser.clickAndWaitForNewPage("#wizard\\:next");
    assertThat(browser.text("#wizard"))
        .contains("Il nome host «" + EXISTING_HOST + "» è già usato da un altro comando.");
    browser.screenshot("console-04-wizard-2-host-taken");
    BackOfficeForms.fill(browser, "#wizard\\:hostnames", "multe.vc-nuovo.example.it");
    browser.screenshot("console-05-wizard-2-addresses");
    browser.clickAndWaitForNewPage("#wizard\\:next");

    // 3. First administrator: the username defaults to admin.<slug>.
    assertThat(browser.waitFor("#wizard\\:adminUsername").getDomProperty("value"))
        .isEqualTo("admin." + NEW);
    BackOfficeForms.fill(browser, "#wizard\\:adminFirstName", "Giulia");
    BackOfficeForms.fill(browser, "#wizard\\:adminLastName", "Bianchi");
    BackOfficeForms.fill(browser, "#wizard\\:adminEmail", "giulia.bianchi@example.it");
    browser.screenshot("console-06-wizard-3-administrator");
    browser.clickAndWaitForNewPage("#wizard\\:next");

    // 4. Theme.
    BackOfficeForms.selectOption(browser, "wizard:theme", "Verde");
    browser.screenshot("console-07-wizard-4-theme");
    browser.clickAndWaitForNewPage("#wizard\\:next");

    // 5. PEC/SMTP credentials.
    fillSmtp();
    browser.screenshot("console-08-wizard-5-credentials");
    browser.clickAndWaitForNewPage("#wizard\\:next");

    // 6. Run: Keycloak refuses the organization's name.
    assertThat(browser.text("#summary")).contains(EXISTING_NAME, NEW, "Giulia Bianchi", "Verde");
    browser.screenshot("console-09-wizard-6-summary");
    browser.clickAndWaitForNewPage("#wizard\\:run");
    String progress = browser.text("#wizard\\:progress");
    assertThat(progress)
        .contains("Ruolo e schema del database", "Completato")
        .contains("Organizzazione in Keycloak", "Non riuscito")
        .contains("Keycloak ha rifiutato il nome «" + EXISTING_NAME + "»");
    assertThat(browser.text("#messages")).contains("Attivazione interrotta al passo");
    assertThat(browser.pageSource()).doesNotContain(SMTP_PASSWORD);
    browser.screenshot("console-10-wizard-failed");
  }

  @Test
  @Order(3)
  void theFailedOnboardingIsResumedFromTheListAfterCorrectingTheName() {
    // A new page, as after closing the browser: the list offers "Riprendi".
    browser.open(TestStack.baseUrl() + "/console/");
    BackOfficeForms.fill(browser, "#search\\:text", NEW);
    browser.clickAndWaitForNewPage("#search\\:go");
    assertThat(browser.text("#results\\:tenants")).contains("Attivazione non riuscita");
    browser.clickAndWaitForNewPage("#results\\:tenants\\:0\\:resume");
    assertThat(browser.text("#wizard\\:progress")).contains("Non riuscito");
    browser.clickAndWaitForNewPage("#wizard\\:correct");
    BackOfficeForms.fill(browser, "#wizard\\:displayName", NEW_NAME);
    browser.clickAndWaitForNewPage("#wizard\\:next");
    browser.clickAndWaitForNewPage("#wizard\\:next");
    browser.clickAndWaitForNewPage("#wizard\\:next");
    browser.clickAndWaitForNewPage("#wizard\\:next");
    // The SMTP password is never stored: typed again after the browser was closed.
    BackOfficeForms.fill(browser, "#wizard\\:smtpPassword", SMTP_PASSWORD);
    browser.clickAndWaitForNewPage("#wizard\\:next");
    assertThat(browser.text("#summary")).contains(NEW_NAME);
    browser.clickAndWaitForNewPage("#wizard\\:resume");
    assertThat(browser.text("#messages")).contains("Comando " + NEW + " attivato.");
    assertThat(browser.text("#wizard\\:progress"))
        .doesNotContain("Non riuscito")
        .doesNotContain("In attesa")
        .contains("Credenziali di integrazione", "Tema");
    assertThat(browser.text("#one-time-user")).isEqualTo("admin." + NEW);
    assertThat(browser.text("#one-time-password")).isNotBlank();
    assertThat(browser.pageSource()).doesNotContain(SMTP_PASSWORD);
    browser.screenshot("console-11-wizard-done");
  }

  @Test
  @Order(4)
  void theNewCommandIsSuspendedAndReactivatedWithAReason() throws Exception {
    browser.open(TestStack.baseUrl() + "/console/comando.xhtml?comando=" + NEW);
    assertThat(browser.text("#usage-users")).isEqualTo("1");
    assertThat(browser.text("#usage-devices")).isEqualTo("0");
    assertThat(browser.text("#usage-size")).matches(".*\\d.*(kB|MB)");
    assertThat(browser.text("#migration")).contains("CURRENT");
    browser.screenshot("console-12-tenant-detail");

    // Without a reason: refused.
    browser.click("#status-change\\:confirm");
    browser.clickAndWaitForNewPage("#status-change\\:suspend");
    assertThat(browser.text("#messages")).contains("Indicare la motivazione");
    BackOfficeForms.fill(browser, "#status-change\\:reason", "Contratto non ancora firmato");
    if (!browser.waitFor("#status-change\\:confirm").isSelected()) {
      browser.click("#status-change\\:confirm");
    }
    browser.clickAndWaitForNewPage("#status-change\\:suspend");
    assertThat(browser.text("#messages")).contains("Comando " + NEW + " sospeso");
    assertThat(browser.text("#status")).contains("Sospeso", "Contratto non ancora firmato");
    browser.screenshot("console-13-tenant-suspended");
    assertThat(TestStack.get("/t/" + NEW + "/").statusCode()).isEqualTo(403);

    BackOfficeForms.fill(browser, "#status-change\\:reason", "Contratto firmato il 26/11/2026");
    browser.click("#status-change\\:confirm");
    browser.clickAndWaitForNewPage("#status-change\\:reactivate");
    assertThat(browser.text("#messages")).contains("Comando " + NEW + " riattivato.");
    assertThat(browser.text("#status")).contains("Attivo");
    assertThat(TestStack.get("/t/" + NEW + "/").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(5)
  void thePlatformAuditTrailShowsEveryAction() {
    browser.open(TestStack.baseUrl() + "/console/audit.xhtml?comando=" + NEW);
    String trail = browser.text("#results\\:entries");
    assertThat(trail)
        .contains(DevIdentities.SUPPORT_USER)
        .contains("Sospensione comando", "Contratto non ancora firmato")
        .contains("Riattivazione comando", "Contratto firmato il 26/11/2026")
        .contains("Procedura guidata: passo", "Non riuscita")
        .contains("Tema iniziale", "verde")
        .contains("Credenziali di integrazione")
        .doesNotContain(SMTP_PASSWORD);
    browser.screenshot("console-14-audit-trail");
  }

  @Test
  @Order(6)
  void aCommandAdministratorIsRefusedTheConsole() {
    browser.open(TestStack.baseUrl() + "/console/esci");
    browser.open(TestStack.baseUrl() + "/console/");
    BackOfficeForms.typeCredentials(browser, "admin." + EXISTING, ADMIN_PASSWORD);
    String page = browser.text("body");
    assertThat(page)
        .contains("Accesso non consentito")
        .contains("non fa parte dell'assistenza della piattaforma");
    browser.screenshot("console-15-staff-refused");
  }

  private static void fillSmtp() {
    BackOfficeForms.fill(browser, "#wizard\\:smtpHost", "127.0.0.1");
    BackOfficeForms.fill(
        browser, "#wizard\\:smtpPort", String.valueOf(TestStack.mail().getSmtp().getPort()));
    BackOfficeForms.selectOption(browser, "wizard:smtpTls", "Nessuna");
    BackOfficeForms.fill(browser, "#wizard\\:smtpUsername", "pl.circeo");
    BackOfficeForms.fill(browser, "#wizard\\:smtpPassword", SMTP_PASSWORD);
    BackOfficeForms.fill(browser, "#wizard\\:smtpSender", "polizialocale@comune.circeo.example.it");
  }
}
