package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.CommandHealth;
import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.command.application.ConfigurationRegister;
import it.ksanctions.command.application.CredentialKeyRotation;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.Change;
import it.ksanctions.command.application.IntegrationCredentials.IntegrationView;
import it.ksanctions.command.domain.CommandAnomaly;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConnectionTestOutcome;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.devices.application.DeviceAlerts;
import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.devices.domain.AnomalyKind;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.permissions.application.AuditTrail;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integration credentials in the server (CMD-6, PLT-6): the command's PEC/SMTP login pointing at
 * the test stack's GreenMail is stored encrypted (no plaintext in the rows), shown only masked,
 * recorded in the register and the audit log without its value, verified with a real SMTP login
 * (and a clear failure on a closed port or a wrong password), re-encrypted by a key rotation (in
 * the server and through the platform API), and used for the device alert e-mails, which now leave
 * with the command's sender address.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationCredentialsIT {

  static final String TENANT = "cred-alfa";
  static final String SMTP_LOGIN = "pec.cred-alfa";
  static final String SMTP_PASSWORD = "Smtp-Segreto-2026-9876";
  static final String SENDER = "comando@cred-alfa.example";
  static final String PAGOPA_KEY = "pagopa-gpd-key-0a1b2c3d4e5f";
  static final String RECIPIENT = "avvisi@cred-alfa.example";
  static final List<String> SECRETS = List.of(SMTP_PASSWORD, PAGOPA_KEY, "Password-Errata-4321");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject IntegrationCredentials credentials;
  @Inject CredentialKeyRotation rotation;
  @Inject ConfigurationRegister register;
  @Inject AuditTrail trail;
  @Inject CurrentStaff currentStaff;
  @Inject TenantProbe probe;
  @Inject CommandSettings settings;
  @Inject DeviceAlerts alerts;
  @Inject CommandHealth health;

  @Test
  @Order(1)
  @RunAsClient
  void greenMailKnowsTheCommandsSmtpLogin() {
    TestStack.mail().setUser(SENDER, SMTP_LOGIN, SMTP_PASSWORD);
  }

  static Map<String, String> smtp(int port) {
    Map<String, String> values = new HashMap<>();
    values.put("host", "127.0.0.1");
    values.put("port", String.valueOf(port));
    values.put("tlsMode", "NONE");
    values.put("username", SMTP_LOGIN);
    values.put("sender", SENDER);
    return values;
  }

  static int greenMailPort() {
    return Integer.parseInt(System.getenv("KSANCTIONS_MAIL_PORT"));
  }

  @Test
  @Order(2)
  void secretsAreStoredEncryptedShownMaskedAndNeverRecorded() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune delle Credenziali", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      // A wrong field is refused with its Italian message, nothing stored.
      Map<String, String> wrong = smtp(70000);
      assertThatThrownBy(
              () ->
                  credentials.save(
                      IntegrationKind.PEC_SMTP,
                      new Change(wrong, Map.of("password", SMTP_PASSWORD), Set.of(), null)))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("Porta: indicare un numero da 1 a 65535")
          .hasMessageNotContaining(SMTP_PASSWORD);
      assertThat(credentials.view(IntegrationKind.PEC_SMTP).configured()).isFalse();

      credentials.save(
          IntegrationKind.PEC_SMTP,
          new Change(
              smtp(greenMailPort()),
              Map.of("password", SMTP_PASSWORD),
              Set.of(),
              "Delibera G.C. 12/2026"));
      Map<String, String> pagoPa = new HashMap<>();
      pagoPa.put("creditorTaxCode", "00097020598");
      pagoPa.put("segregationCode", "02");
      pagoPa.put("iban", "IT60X0542811101000000123456");
      pagoPa.put("environment", "UAT");
      pagoPa.put("baseUrl", "https://api.uat.platform.pagopa.it/gpd/debt-positions-service/v1");
      credentials.save(
          IntegrationKind.PAGOPA,
          new Change(pagoPa, Map.of("subscriptionKey", PAGOPA_KEY), Set.of(), null));

      // An empty secret field keeps the stored one; a plain change is recorded with its values.
      Map<String, String> newSender = smtp(greenMailPort());
      newSender.put("sender", "COMANDO@cred-alfa.example");
      assertThatThrownBy(
              () ->
                  credentials.save(
                      IntegrationKind.PEC_SMTP,
                      new Change(newSender, Map.of("password", ""), Set.of(), null)))
          .hasMessageContaining("Nessuna modifica");

      // The raw rows hold no plaintext secret; the non-secret settings are plain.
      String rows = deep(probe.readForeignTable("integration_credential"));
      assertThat(rows).contains(SENDER, "IT60X0542811101000000123456");
      List<?> secretRows = probe.readForeignTable("integration_secret");
      assertThat(secretRows).hasSize(2);
      assertNoSecret(rows);
      assertNoSecret(deep(secretRows));
      for (Object row : secretRows) {
        Object[] columns = (Object[]) row;
        for (Object column : columns) {
          if (column instanceof byte[] bytes) {
            assertNoSecret(new String(bytes, StandardCharsets.ISO_8859_1));
            assertNoSecret(new String(bytes, StandardCharsets.UTF_8));
          }
        }
      }

      // The view shows only the mask.
      IntegrationView pec = credentials.view(IntegrationKind.PEC_SMTP);
      assertThat(pec.values()).containsEntry("username", SMTP_LOGIN).doesNotContainKey("password");
      assertThat(pec.secrets())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.mask()).isEqualTo("••••••••9876");
                assertThat(s.setBy()).isEqualTo("admin." + TENANT);
              });
      assertNoSecret(credentials.views().toString());

      // Register and audit: which fields, with values for plain ones, never a secret.
      String history = register.search(ConfigurationRegister.Filter.all()).toString();
      assertThat(history)
          .contains("PEC / SMTP: Porta", "PEC / SMTP: Password", "impostata", SENDER)
          .contains("Delibera G.C. 12/2026");
      assertThat(register.search(ConfigurationRegister.Filter.all()))
          .allMatch(c -> c.category() == ConfigCategory.INTEGRATIONS);
      assertNoSecret(history);
      String audit = trail.search(AuditTrail.Filter.all()).toString();
      assertThat(audit).contains("Configurazione integrazione", "PEC_SMTP");
      assertNoSecret(audit);
    }
  }

  @Test
  @Order(3)
  void theConnectionTestLogsInToTheRealServerAndExplainsFailures() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      ConnectionTestOutcome ok = credentials.testConnection(IntegrationKind.PEC_SMTP);
      assertThat(ok.ok()).as(ok.message()).isTrue();
      assertThat(ok.message()).contains("autenticazione accettata");
      assertThat(credentials.lastTest(IntegrationKind.PEC_SMTP)).contains(ok);

      // A wrong password: refused by the server, said in Italian.
      credentials.save(
          IntegrationKind.PEC_SMTP,
          new Change(
              smtp(greenMailPort()), Map.of("password", "Password-Errata-4321"), Set.of(), null));
      ConnectionTestOutcome refused = credentials.testConnection(IntegrationKind.PEC_SMTP);
      assertThat(refused.ok()).isFalse();
      assertThat(refused.message()).contains("Autenticazione rifiutata");

      // A closed port.
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      credentials.save(
          IntegrationKind.PEC_SMTP,
          new Change(smtp(closed), Map.of("password", SMTP_PASSWORD), Set.of(), null));
      ConnectionTestOutcome unreachable = credentials.testConnection(IntegrationKind.PEC_SMTP);
      assertThat(unreachable.ok()).isFalse();
      assertThat(unreachable.message()).contains("Connessione rifiutata", "porta chiusa");
      assertThat(credentials.lastTest(IntegrationKind.PEC_SMTP))
          .hasValueSatisfying(t -> assertThat(t.ok()).isFalse());
      // CMD-8: a failed PEC test is a serious anomaly, with its reason, until a test succeeds.
      assertThat(health.anomalies())
          .filteredOn(a -> a.kind() == CommandAnomaly.Kind.PEC_CONNECTION_FAILED)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.blocking()).isTrue();
                assertThat(a.italianMessage()).contains("porta chiusa");
              });

      // Back to GreenMail (the password stays as stored).
      credentials.save(
          IntegrationKind.PEC_SMTP, new Change(smtp(greenMailPort()), Map.of(), Set.of(), null));
      assertThat(credentials.testConnection(IntegrationKind.PEC_SMTP).ok()).isTrue();
      assertThat(health.anomalies())
          .extracting(CommandAnomaly::kind)
          .doesNotContain(CommandAnomaly.Kind.PEC_CONNECTION_FAILED);
      String history = register.search(ConfigurationRegister.Filter.all()).toString();
      assertThat(history).contains("modificata");
      assertNoSecret(history);
      String audit = trail.search(AuditTrail.Filter.all()).toString();
      assertThat(audit).contains("Verifica connessione integrazione", "fallita");
      assertNoSecret(audit);
    }
  }

  @Test
  @Order(4)
  void aDeviceAlertLeavesThroughTheCommandsSmtpWithItsSender() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      settings.put(AlertSettings.RECIPIENTS_KEY, RECIPIENT);
      assertThat(
              alerts.raise(
                  "cred-alfa-test-1",
                  AnomalyKind.READ_ERROR,
                  null,
                  "Prova di invio con il server SMTP del comando."))
          .isTrue();
      assertThat(alerts.deliverPending("Comune delle Credenziali")).isGreaterThanOrEqualTo(1);
    }
    Properties props = new Properties();
    Store store = Session.getInstance(props).getStore("imap");
    store.connect("127.0.0.1", greenMailPort() + 1000, RECIPIENT, RECIPIENT);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();
      assertThat(messages).isNotEmpty();
      Message last = messages[messages.length - 1];
      assertThat(last.getSubject()).contains("Comune delle Credenziali");
      assertThat(Arrays.toString(last.getFrom())).contains(SENDER);
      inbox.close(false);
    } finally {
      store.close();
    }
  }

  @Test
  @Order(5)
  void aRotationReencryptsEverySecretOnceAndTheyStillDecrypt() {
    CredentialKeyRotation.Outcome toTwo = rotation.rotate(2, "piattaforma:test");
    assertThat(toTwo.tenants())
        .filteredOn(t -> t.tenant().equals(TENANT))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.reencrypted()).isEqualTo(2);
              assertThat(t.error()).isNull();
            });
    assertThat(rotation.rotate(2, "piattaforma:test").tenants())
        .filteredOn(t -> t.tenant().equals(TENANT))
        .singleElement()
        .satisfies(t -> assertThat(t.reencrypted()).isZero());
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      assertThat(probe.readForeignTable("integration_secret"))
          .allSatisfy(row -> assertThat(((Object[]) row)[3]).isEqualTo(2));
      currentStaff.signIn("admin." + TENANT);
      assertThat(credentials.view(IntegrationKind.PEC_SMTP).secrets().get(0).mask())
          .isEqualTo("••••••••9876");
      assertThat(credentials.testConnection(IntegrationKind.PEC_SMTP).ok()).isTrue();
      assertThat(trail.search(AuditTrail.Filter.all()).toString())
          .contains("Rotazione chiave credenziali integrazioni", "piattaforma:test");
    }
    // An unknown key version is refused before any tenant is touched.
    assertThatThrownBy(() -> rotation.rotate(7, "piattaforma:test"))
        .isInstanceOf(CommandRuleException.class)
        .hasMessageContaining("versione 7");
  }

  @Test
  @Order(6)
  void theServerLogHoldsNoSecret() throws Exception {
    Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
    assertNoSecret(Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  @Order(7)
  @RunAsClient
  void vendorSupportRotatesBackToTheCurrentKeyThroughTheApi() throws Exception {
    HttpResponse<String> first = TestStack.platform().post("/api/platform/credentials/rotate", "");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"keyVersion\":1")
        .contains("\"reencrypted\":2,\"tenant\":\"" + TENANT + "\"");
    HttpResponse<String> again = TestStack.platform().post("/api/platform/credentials/rotate", "");
    assertThat(again.body()).contains("\"reencrypted\":0,\"tenant\":\"" + TENANT + "\"");
    HttpResponse<String> anonymous =
        TestStack.withToken(null).post("/api/platform/credentials/rotate", "");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    String log = Files.readString(TestStack.serverLog(), StandardCharsets.UTF_8);
    assertNoSecret(log);
  }

  @Test
  @Order(8)
  void aCiphertextCopiedOntoAnotherFieldDoesNotDecrypt() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      probe.execute(
          "update integration_secret p set iv = s.iv, ciphertext = s.ciphertext,"
              + " key_version = s.key_version from integration_secret s"
              + " where p.kind = 'PAGOPA' and s.kind = 'PEC_SMTP'");
      var state = credentials.view(IntegrationKind.PAGOPA).secrets().get(0);
      assertThat(state.set()).isTrue();
      assertThat(state.mask()).isEqualTo("••••••••");
      assertThat(state.note()).contains("non si può decifrare");
      assertThatThrownBy(() -> credentials.testConnection(IntegrationKind.PAGOPA))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("command.credentials.undecryptable")
          .hasMessageNotContaining(SMTP_PASSWORD);
      // Typing the key again repairs it.
      credentials.save(
          IntegrationKind.PAGOPA,
          new Change(
              credentials.view(IntegrationKind.PAGOPA).values(),
              Map.of("subscriptionKey", PAGOPA_KEY),
              Set.of(),
              null));
      assertThat(credentials.view(IntegrationKind.PAGOPA).secrets().get(0).mask())
          .isEqualTo("••••••••4e5f");
    }
  }

  @Test
  @Order(9)
  @RunAsClient
  void thePageShowsOnlyTheMaskAndVerifiesTheConnection() throws Exception {
    TestStack.keycloak().setPassword("admin." + TENANT, "Integrazioni-2026!");
    try (Browser browser = Browser.start()) {
      String page = TestStack.baseUrl() + "/t/" + TENANT + "/admin/comando-integrazioni.xhtml";
      browser.open(page);
      it.ksanctions.it.support.BackOfficeForms.typeCredentials(
          browser, "admin." + TENANT, "Integrazioni-2026!");
      browser.waitFor("#pec_smtp\\:save");
      assertThat(browser.text("#pec_smtp-password-state"))
          .contains("••••••••9876", "impostato il", "admin." + TENANT);
      assertThat(
              browser
                  .driver()
                  .findElement(org.openqa.selenium.By.id("pec_smtp:password"))
                  .getAttribute("value"))
          .isEmpty();
      assertNoSecret(browser.pageSource());
      browser.clickAndWaitForNewPage("#pec_smtp\\:test");
      assertThat(browser.text("#messages")).contains("Connessione riuscita");
      assertThat(browser.text("#pec_smtp-last-test")).contains("riuscita");
      assertNoSecret(browser.pageSource());
      browser.screenshot("command-integrations");
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('seal').scrollIntoView()");
      browser.screenshot("command-integrations-seal");
    }
  }

  static void assertNoSecret(String text) {
    for (String secret : SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }

  static String deep(List<?> rows) {
    StringBuilder s = new StringBuilder();
    for (Object row : rows) {
      s.append(row instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(row));
      s.append('\n');
    }
    return s.toString();
  }
}
