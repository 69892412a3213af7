package it.ksanctions.it.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The back office in a real headless Chromium, logging in through Keycloak (OIDC with PKCE): the
 * command's administrator creates a field officer, the officer logs in (changing the one-time
 * password) and is refused the Permissions pages, the administrator suspends the officer, who then
 * cannot log in; a user of another command gets the 403 page. Screenshots in {@code
 * it/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficeBrowserIT {

  static final String SLUG = "bo-aprilia";
  static final String OTHER = "bo-cori";
  static final String ADMIN = "admin." + SLUG;
  static final String ADMIN_PASSWORD = "Aprilia-Admin-2026!";
  static final String OFFICER = "agente.rossi";
  static final String OFFICER_PASSWORD = "Agente-Rossi-2026!";
  static final String OFFICER_TAX_CODE =
      "RSSMRA85M01E472" + CodiceFiscale.checkCharacterOf("RSSMRA85M01E472");

  static Browser browser;
  static String officerTemporaryPassword;

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @BeforeAll
  static void commandsAndBrowser() throws Exception {
    for (String slug : List.of(SLUG, OTHER)) {
      assertThat(
              TestStack.platform()
                  .onboard(slug, "Comune " + slug, "COMUNE", "00097020598", null, List.of())
                  .statusCode())
          .isIn(200, 201);
    }
    TestStack.keycloak().setPassword(ADMIN, ADMIN_PASSWORD);
    browser = SESSION.start();
  }

  @Test
  @Order(1)
  void anAnonymousVisitorIsSentToTheLoginPageWithPkce() {
    browser.open(adminUrl(SLUG, ""));
    browser.waitFor("#username");
    assertThat(browser.currentUrl())
        .contains("/realms/ksanctions/protocol/openid-connect/auth")
        .contains("code_challenge_method=S256")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    adminUrl(SLUG, ""), java.nio.charset.StandardCharsets.UTF_8));
    browser.screenshot("login-page");
  }

  @Test
  @Order(2)
  void theAdministratorLogsInAndCreatesAFieldOfficer() throws Exception {
    logIn(ADMIN, ADMIN_PASSWORD);
    assertThat(browser.text("#signed-in")).contains(ADMIN).contains("Amministratore di sistema");
    assertThat(browser.currentUrl()).isEqualTo(adminUrl(SLUG, ""));
    browser.screenshot("admin-home");

    submit("#menu-utenti");
    browser.waitFor("#newForm\\:username");
    // A wrong codice fiscale is refused with a clear message, nothing is created.
    fillNewUser("RSSMRA85M01E472A");
    submit("#newForm\\:create");
    assertThat(browser.text("#messages")).contains("Il codice fiscale non è valido");
    assertThat(browser.pageSource()).doesNotContain("created-password");

    fillNewUser(OFFICER_TAX_CODE);
    submit("#newForm\\:create");
    officerTemporaryPassword = browser.text("#created-password");
    assertThat(officerTemporaryPassword).hasSizeGreaterThanOrEqualTo(12);
    assertThat(browser.text("#table\\:list")).contains(OFFICER).contains("Agente accertatore");
    browser.screenshot("admin-user-created");

    // The API does not take the back office's session cookie (no CSRF through the API).
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/api/v1/me");
    assertThat(browser.pageSource()).contains("bearer tokens only");

    browser.open(adminUrl(SLUG, "audit.xhtml"));
    assertThat(browser.text("#events")).contains("Creazione utente", "utente " + OFFICER);
    submit("#filter\\:verify");
    assertThat(browser.text("#filter\\:verification")).startsWith("Registro integro:");
    browser.screenshot("admin-audit");

    submit("#menu-articoli");
    browser.type("#search\\:text", "142 c. 8");
    submit("#search\\:go");
    assertThat(browser.text("#results\\:list")).contains("142c8").doesNotContain("146c2");
    submit("#results\\:list\\:0\\:open");
    assertThat(browser.text("#detail\\:versions")).contains("173.00", "694.00");
    browser.screenshot("admin-articles");

    // A new version of 142 c. 8 from 1 January 2027, confirmed, with reason and legal source.
    WebElement minimum = browser.waitFor("#detail\\:minimum_input");
    // As a user does: select the amount and type over it (the field formats as one types).
    minimum.sendKeys(
        org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "180,00");
    WebElement maximum = browser.waitFor("#detail\\:maximum_input");
    maximum.sendKeys(
        org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "720,00");
    browser.type("#detail\\:reason", "Aggiornamento biennale degli importi");
    browser.type("#detail\\:source", "DM 10/12/2026");
    // The date last, then Tab: the date picker's calendar closes and does not cover the buttons.
    browser.type("#detail\\:from_input", "01/01/2027" + org.openqa.selenium.Keys.TAB);
    submit("#detail\\:saveVersion");
    assertThat(browser.text("#messages")).contains("conferma esplicita");
    browser.click("#detail\\:confirmed .ui-chkbox-box");
    submit("#detail\\:saveVersion");
    assertThat(browser.text("#messages")).contains("Nuova versione registrata");
    assertThat(browser.text("#detail\\:versions")).contains("31/12/2026", "180.00", ADMIN);
    browser.screenshot("admin-article-new-version");

    // An import with a wrong amount: rejected with the row and column, nothing stored.
    java.nio.file.Path bad = java.nio.file.Files.createTempFile("articoli", ".csv");
    java.nio.file.Files.writeString(
        bad,
        "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa\n"
            + "REG.ZTL9;Accesso ZTL;tanti;300;01/01/2027;Ord. 9/2027\n");
    browser
        .driver()
        .findElement(By.cssSelector("#import input[type=file]"))
        .sendKeys(bad.toString());
    submit("#import\\:upload");
    assertThat(browser.text("#import\\:report")).contains("importo_minimo", "tanti");
    assertThat(browser.text("#messages")).contains("nessun articolo importato");
    browser.screenshot("admin-article-import-report");
    java.nio.file.Files.delete(bad);

    // Places: the municipality, typed in the form; a latitude out of WGS84 is refused first.
    submit("#menu-luoghi");
    submit("#search\\:new");
    browser.type("#place\\:code", "apr");
    browser.type("#place\\:name", "Aprilia");
    selectOption("place:category", "Altro");
    selectOption("place:level", "Comune");
    browser.type("#place\\:lat", "141.5930");
    browser.type("#place\\:lon", "12.6540");
    submit("#place\\:save");
    assertThat(browser.text("#messages")).contains("Coordinate non valide");
    browser.type("#place\\:lat", "41.5930");
    submit("#place\\:save");
    assertThat(browser.text("#messages")).contains("Luogo creato");
    assertThat(browser.text("#results\\:list")).contains("APR", "Aprilia", "Comune");
    browser.screenshot("admin-places");

    // The map shows the place as a marker although no tile server is reachable from here.
    submit("#menu-mappa");
    browser.waitFor("#map .leaflet-interactive");
    assertThat(browser.driver().findElements(By.cssSelector("#map path.leaflet-interactive")))
        .hasSize(1);
    assertThat(browser.text("#map-summary")).startsWith("Luoghi attivi sulla mappa: 1;");
    browser.screenshot("admin-map");

    submit("#menu-ruoli");
    browser.waitFor("#roles\\:list");
    assertThat(browser.text("#roles\\:list")).contains("SYSTEM_ADMINISTRATOR", "FIELD_OFFICER");
    browser.screenshot("admin-roles");
    submit("#logout");
    browser.waitFor("#ks-welcome");
  }

  @Test
  @Order(3)
  void theOfficerLogsInAndIsDeniedThePermissionsPages() {
    browser.open(adminUrl(SLUG, ""));
    typeCredentials(OFFICER, officerTemporaryPassword);
    // One-time password: Keycloak asks for a new one.
    browser.type("#password-new", OFFICER_PASSWORD);
    browser.type("#password-confirm", OFFICER_PASSWORD);
    submit("[type=submit]");
    assertThat(browser.text("#role-name")).isEqualTo("Agente accertatore");
    assertThat(browser.driver().findElements(By.id("menu-utenti"))).isEmpty();
    browser.screenshot("officer-home");

    browser.open(adminUrl(SLUG, "utenti.xhtml"));
    assertThat(browser.text("#ks-error-title")).isEqualTo("Accesso non consentito");
    assertThat(browser.text("#ks-error-title + p")).contains("Agente accertatore");
    browser.screenshot("officer-denied-users");
    browser.open(adminUrl(SLUG, "ruoli.xhtml"));
    assertThat(browser.text("#ks-error-title")).isEqualTo("Accesso non consentito");
    browser.open(adminUrl(SLUG, "audit.xhtml"));
    assertThat(browser.text("#ks-error-title")).isEqualTo("Accesso non consentito");
  }

  @Test
  @Order(4)
  void aUserOfAnotherCommandGetsTheForbiddenPage() {
    // Same browser session (single sign-on): the officer of Aprilia opens Cori's back office.
    browser.open(adminUrl(OTHER, ""));
    assertThat(browser.text("#ks-error-title")).isEqualTo("Accesso non consentito");
    assertThat(browser.text("#ks-error-title + p")).contains("non appartiene al comando");
    browser.screenshot("other-command-forbidden");
    browser.open(adminUrl(SLUG, "esci"));
    browser.waitFor("#ks-welcome");
  }

  @Test
  @Order(5)
  void aSuspendedOfficerCannotLogInAnyMore() {
    assertThat(TestStack.tokens().passwordGrant(OFFICER, OFFICER_PASSWORD)).isNotBlank();
    logIn(ADMIN, ADMIN_PASSWORD);
    browser.open(adminUrl(SLUG, "utenti.xhtml"));
    browser.waitFor("#table\\:list");
    WebElement row =
        browser.driver().findElements(By.cssSelector("#table\\:list tbody tr")).stream()
            .filter(r -> r.getText().contains(OFFICER))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("button")).click();
    browser.waitFor("#changeForm\\:reason");
    selectOption("changeForm:targetStatus", "Sospeso");
    browser.type("#changeForm\\:reason", "Assenza prolungata (prot. 123/2026)");
    // Without the explicit confirmation nothing changes.
    submit("#changeForm\\:applyStatus");
    assertThat(browser.text("#messages")).contains("Confermare esplicitamente");
    browser.click("#changeForm\\:confirmed .ui-chkbox-box");
    submit("#changeForm\\:applyStatus");
    assertThat(browser.text("#messages")).contains("aggiornato: Sospeso");
    browser.screenshot("admin-user-suspended");

    assertThatThrownBy(() -> TestStack.tokens().passwordGrant(OFFICER, OFFICER_PASSWORD))
        .hasMessageContaining("400");
  }

  @Test
  @Order(6)
  void theAdministratorRegistersASpeedCameraWithItsCertificateAndSeesItInMonitoring()
      throws Exception {
    // Still signed in as the administrator after the previous step, or signs in again.
    browser.open(adminUrl(SLUG, ""));
    if (!browser.driver().findElements(By.id("username")).isEmpty()) {
      typeCredentials(ADMIN, ADMIN_PASSWORD);
    }
    browser.waitFor("#signed-in");
    submit("#menu-dispositivi");
    submit("#search\\:new");
    browser.type("#device\\:code", "av-01");
    selectOption("device:type", "Autovelox");
    browser.type("#device\\:place", "apr");
    browser.type("#device\\:detection", "Velocità");
    browser.type("#device\\:manager", "Sicurvia S.r.l.");
    selectOption("device:frequency", "Settimanale");
    selectOption("device:format", "CSV");
    browser.type("#device\\:certNumber", "LAT 123/26");
    browser.type("#device\\:certIssuer", "Centro LAT 999");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome"));
    java.time.format.DateTimeFormatter italian =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    typeDate("#device\\:calibratedOn_input", italian.format(today.minusDays(358)));
    typeDate("#device\\:validUntil_input", italian.format(today.plusDays(7)));
    java.nio.file.Path pdf = java.nio.file.Files.createTempFile("certificato-av01", ".pdf");
    java.nio.file.Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
    browser.driver().findElement(By.id("device:certFile_input")).sendKeys(pdf.toString());
    submit("#device\\:save");
    assertThat(browser.text("#messages")).contains("Dispositivo AV-01 registrato: stato Attivo");
    assertThat(browser.text("#certificates\\:list")).contains("LAT 123/26", "Centro LAT 999");
    browser.screenshot("admin-device-speed-camera");

    submit("#menu-monitoraggio");
    assertThat(browser.text("#monitoring\\:devices"))
        .contains("AV-01", "Taratura in scadenza", "7 giorni");
    browser.screenshot("admin-device-monitoring");

    submit("#menu-mappa");
    browser.waitFor("#map .ks-device-marker");
    assertThat(browser.text("#map-summary")).contains("dispositivi fissi: 1");
    browser.screenshot("admin-map-with-device");
    submit("#logout");
    browser.waitFor("#ks-welcome");
  }

  private static void typeDate(String css, String day) {
    BackOfficeForms.typeDate(browser, css, day);
  }

  private static void fillNewUser(String taxCode) {
    for (String[] field :
        List.of(
            new String[] {"username", OFFICER},
            new String[] {"givenName", "Mario"},
            new String[] {"surname", "Rossi"},
            new String[] {"codiceFiscale", taxCode},
            new String[] {"department", "VIABILITA"})) {
      WebElement input = browser.waitFor("#newForm\\:" + field[0]);
      input.clear();
      input.sendKeys(field[1]);
    }
    selectOption("newForm:role", "Agente accertatore");
  }

  private static void submit(String css) {
    browser.clickAndWaitForNewPage(css);
  }

  private static void selectOption(String id, String label) {
    BackOfficeForms.selectOption(browser, id, label);
  }

  private static void logIn(String username, String password) {
    browser.open(adminUrl(SLUG, ""));
    typeCredentials(username, password);
    browser.waitFor("#signed-in");
  }

  private static void typeCredentials(String username, String password) {
    BackOfficeForms.typeCredentials(browser, username, password);
  }

  private static String adminUrl(String slug, String page) {
    return TestStack.baseUrl() + "/t/" + slug + "/admin/" + page;
  }
}
