package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.shared.CodiceFiscale;
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
 * The Command module as a command manager (created by the administrator through the API) uses it in
 * headless Chromium: the registry (a wrong PEC refused, then saved, the blocking anomaly gone),
 * fees (a wrong amount refused, two fees, today's charges for PEC), budget chapters (a split that
 * does not total 100 % refused, then saved), and the configuration register showing each change.
 * Screenshots in {@code it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandBrowserIT {

  static final String SLUG = "bo-comando";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Comando-Admin-2026!";

  /** The seed reserves the module to command managers and system administrators. */
  static final String MANAGER = "resp.comando";

  static final String MANAGER_PASSWORD = "Responsabile-2026!";

  static Browser browser;

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-command-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void commandAndBrowser() throws Exception {
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune di Sezze", "COMUNE", "00097020598", null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    // The administrator gives the command its manager, who then configures the module.
    String adminToken = TestStack.tokens().passwordGrant(ADMIN, PASSWORD);
    var created =
        TestStack.withToken(adminToken)
            .post(
                "/t/" + SLUG + "/api/v1/permissions/users",
                "{\"username\":\""
                    + MANAGER
                    + "\",\"givenName\":\"Anna\",\"surname\":\"Verdi\",\"codiceFiscale\":\""
                    + "VRDNNA80A41I712"
                    + CodiceFiscale.checkCharacterOf("VRDNNA80A41I712")
                    + "\",\"role\":\"COMMAND_MANAGER\"}");
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    TestStack.keycloak().setPassword(MANAGER, MANAGER_PASSWORD);
    browser = SESSION.start();
    browser.open(page(""));
    BackOfficeForms.typeCredentials(browser, MANAGER, MANAGER_PASSWORD);
    assertThat(browser.text("#signed-in")).contains(MANAGER, "Responsabile del comando");
  }

  @Test
  @Order(1)
  void theRegistryIsCompletedAndNewVerbaliAreNoLongerBlocked() {
    browser.clickAndWaitForNewPage("#menu-comando");
    assertThat(browser.text("#state")).contains("Grave: Anagrafica incompleta");
    assertThat(browser.text("#blocked")).contains("Emissione di nuovi verbali bloccata");
    assertThat(browser.waitFor("#registry\\:name").getDomProperty("value"))
        .isEqualTo("Comune di Sezze");

    BackOfficeForms.fill(browser, "#registry\\:pec", "non-una-pec");
    BackOfficeForms.fill(browser, "#registry\\:cap", "4010");
    browser.clickAndWaitForNewPage("#registry\\:save");
    assertThat(browser.text("#messages"))
        .contains("Anagrafica non valida")
        .contains("CAP non valido (5 cifre)")
        .contains("indirizzo PEC non valido");

    BackOfficeForms.fill(browser, "#registry\\:name", "Polizia Locale di Sezze");
    BackOfficeForms.fill(browser, "#registry\\:pec", "polizialocale@pec.comune.sezze.lt.it");
    BackOfficeForms.fill(browser, "#registry\\:cap", "04018");
    BackOfficeForms.fill(browser, "#registry\\:city", "Sezze");
    BackOfficeForms.fill(browser, "#registry\\:province", "lt");
    BackOfficeForms.fill(browser, "#registry\\:manager", "Comandante Anna Verdi");
    BackOfficeForms.fill(browser, "#registry\\:reference", "Decreto sindacale n. 7/2026");
    browser.clickAndWaitForNewPage("#registry\\:save");
    assertThat(browser.text("#messages")).contains("Anagrafica del comando salvata.");
    assertThat(browser.pageSource()).doesNotContain("id=\"blocked\"");
    assertThat(browser.text("#last-saved")).contains(MANAGER);
    assertThat(browser.waitFor("#registry\\:province").getDomProperty("value")).isEqualTo("LT");
    browser.screenshot("command-registry");
  }

  @Test
  @Order(2)
  void feesAreRegisteredWithTheirLegalReference() {
    browser.open(page("comando-spese.xhtml"));
    BackOfficeForms.fill(browser, "#fee\\:code", "ACC");
    BackOfficeForms.fill(browser, "#fee\\:description", "Spese di accertamento");
    BackOfficeForms.fill(browser, "#fee\\:amount", "dodici");
    BackOfficeForms.fill(browser, "#fee\\:reference", "Delibera G.C. n. 45 del 12/03/2025");
    BackOfficeForms.typeDate(browser, "#fee\\:from_input", "01/01/2026");
    closePopups();
    browser.clickAndWaitForNewPage("#fee\\:save");
    assertThat(browser.text("#messages")).contains("Importo non valido");

    BackOfficeForms.fill(browser, "#fee\\:amount", "12,50");
    assertThat(browser.waitFor("#fee\\:reference").getDomProperty("value"))
        .isEqualTo("Delibera G.C. n. 45 del 12/03/2025");
    browser.clickAndWaitForNewPage("#fee\\:save");
    assertThat(browser.text("#messages")).contains("Spesa ACC registrata dal 01/01/2026.");

    BackOfficeForms.fill(browser, "#fee\\:code", "NOT-PEC");
    BackOfficeForms.fill(browser, "#fee\\:description", "Notifica a mezzo PEC");
    BackOfficeForms.selectOption(browser, "fee:category", "Notifica");
    BackOfficeForms.fill(browser, "#fee\\:amount", "3,50");
    BackOfficeForms.fill(browser, "#fee\\:reference", "Delibera G.C. n. 45 del 12/03/2025");
    BackOfficeForms.typeDate(browser, "#fee\\:from_input", "01/01/2026");
    closePopups();
    browser.clickAndWaitForNewPage("#fee\\:save");
    assertThat(browser.text("#messages")).contains("una spesa di notifica indica il canale");
    BackOfficeForms.selectOption(browser, "fee:channel", "PEC");
    browser.clickAndWaitForNewPage("#fee\\:save");
    assertThat(browser.text("#messages")).contains("Spesa NOT-PEC registrata");

    assertThat(browser.text("#list\\:fees"))
        .contains("ACC", "Spese di accertamento", "12,50", "In vigore", "Delibera G.C. n. 45");
    assertThat(browser.text("#preview\\:total")).contains("Totale spese: € 16,00");
    browser.screenshot("command-fees");
  }

  @Test
  @Order(3)
  void aRevenueSplitMustTotalOneHundredPercent() {
    browser.open(page("comando-capitoli.xhtml"));
    BackOfficeForms.fill(browser, "#chapter\\:code", "3010.01");
    BackOfficeForms.fill(
        browser, "#chapter\\:description", "Proventi da sanzioni CdS - competenza comunale");
    BackOfficeForms.fill(browser, "#chapter\\:reason", "Sanzioni codice della strada");
    browser.clickAndWaitForNewPage("#chapter\\:save");
    assertThat(browser.text("#messages")).contains("Capitolo 3010.01 creato.");

    BackOfficeForms.selectOption(
        browser,
        "plans:shares:0:shareChapter",
        "3010.01 — Proventi da sanzioni CdS - competenza comunale");
    BackOfficeForms.fill(browser, "#plans\\:shares\\:0\\:sharePercentage", "60");
    browser.clickAndWaitForNewPage("#plans\\:savePlan");
    assertThat(browser.text("#messages"))
        .contains("Le percentuali di TUTTE sommano 60,00%: devono fare esattamente 100%.");

    BackOfficeForms.selectOption(
        browser,
        "plans:shares:0:shareChapter",
        "3010.01 — Proventi da sanzioni CdS - competenza comunale");
    BackOfficeForms.fill(browser, "#plans\\:shares\\:0\\:sharePercentage", "100");
    browser.clickAndWaitForNewPage("#plans\\:savePlan");
    assertThat(browser.text("#messages")).contains("Piano di imputazione di TUTTE salvato.");
    assertThat(browser.text("#plans\\:current")).contains("TUTTE", "3010.01 100,00%");
    browser.screenshot("command-chapters");
  }

  @Test
  @Order(4)
  void thePecCredentialsAreStoredMaskedAndTestedAgainstARealSmtpServer() {
    String password = "Pec-Sezze-Segreta-2468";
    TestStack.mail().setUser("polizialocale@comune.sezze.lt.it", "pl.sezze", password);
    int smtpPort = TestStack.mail().getSmtp().getPort();
    browser.open(page("comando-integrazioni.xhtml"));
    BackOfficeForms.fill(browser, "#pec_smtp\\:host", "127.0.0.1");
    BackOfficeForms.fill(browser, "#pec_smtp\\:port", String.valueOf(smtpPort));
    BackOfficeForms.selectOption(browser, "pec_smtp:tlsMode", "NONE");
    BackOfficeForms.fill(browser, "#pec_smtp\\:username", "pl.sezze");
    BackOfficeForms.fill(browser, "#pec_smtp\\:password", password);
    BackOfficeForms.fill(browser, "#pec_smtp\\:sender", "polizialocale@comune.sezze.lt.it");
    BackOfficeForms.fill(browser, "#pec_smtp\\:reference", "Contratto PEC n. 9/2026");
    browser.clickAndWaitForNewPage("#pec_smtp\\:save");
    assertThat(browser.text("#messages")).doesNotContain("non valid");
    assertThat(browser.text("#pec_smtp-password-state")).contains("••••••••2468", MANAGER);
    assertThat(browser.pageSource()).doesNotContain(password);

    browser.clickAndWaitForNewPage("#pec_smtp\\:test");
    assertThat(browser.text("#messages")).contains("Connessione riuscita");
    assertThat(browser.pageSource()).doesNotContain(password);
    browser.screenshot("command-integrations-pec");
  }

  @Test
  @Order(5)
  void theRegisterShowsEveryChangeWithItsAuthor() {
    browser.open(page("comando-registro.xhtml"));
    String register = browser.text("#results\\:changes");
    assertThat(register)
        .contains("Anagrafica", "PEC", "polizialocale@pec.comune.sezze.lt.it", MANAGER)
        .contains("Decreto sindacale n. 7/2026")
        .contains("Spese", "Spesa ACC", "€ 12,50")
        .contains("Capitoli di bilancio", "Imputazione TUTTE", "3010.01 100,00%")
        .contains("Integrazioni (tecnica)", "Contratto PEC n. 9/2026")
        .doesNotContain("Pec-Sezze-Segreta-2468");
    browser.screenshot("command-register");
  }

  /** Leaves a date picker's calendar closed, as a user pressing Escape does. */
  static void closePopups() {
    browser
        .driver()
        .findElement(org.openqa.selenium.By.tagName("body"))
        .sendKeys(org.openqa.selenium.Keys.ESCAPE);
  }

  static String page(String name) {
    return TestStack.baseUrl() + "/t/" + SLUG + "/admin/" + name;
  }
}
