package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.it.support.TestStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * The whole path in headless Chromium against the simulators (issue 15): on a command with its demo
 * content wired to the simulators, the administrator sends the issued act for notification; SEND
 * accepts and the recipient views it, so the act is NOTIFIED with its legal facts; a citizen pays
 * it on the simulated pagoPA checkout page; the node's receipt makes it PAID, the payer gets the
 * receipt e-mail, and Pagamenti lists the payment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotifyAndCollectBrowserIT {

  static final String SLUG = "nc-page";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Notifiche-2026!";
  static final String PAYER_MAIL = "pagatore.nc-page@example.it";

  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("failed-notify-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  /** An 11-digit tax code of its own, so its pagoPA positions are this command's only. */
  @Test
  void anActGoesThroughSendToNotifiedIsPaidAtTheCheckoutAndTheReceiptIsMailed() throws Exception {
    String creditor = TestCreditors.NOTIFY_AND_COLLECT_BROWSER;
    assertThat(
            TestStack.platform()
                .onboard(SLUG, "Comune " + SLUG, "COMUNE", creditor, null, List.of())
                .statusCode())
        .isIn(200, 201);
    TestStack.wireDemoCommand(SLUG, creditor);
    assertThat(
            TestStack.platform()
                .post("/api/platform/tenants/" + SLUG + "/demo-data?theme=verde", "")
                .statusCode())
        .isEqualTo(200);
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    runJob("outbox"); // the demo acts' debt positions

    Browser browser = SESSION.start();
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/verbali.xhtml");
    BackOfficeForms.typeCredentials(browser, ADMIN, PASSWORD);
    browser.waitFor("#results\\:list");
    int row = rowWithState(browser, "Emesso");
    String number = browser.text("#results\\:list\\:" + row + "\\:number");
    browser.clickAndWaitForNewPage("#results\\:list\\:" + row + "\\:open");
    browser.clickAndWaitForNewPage("#detail\\:send");
    assertThat(browser.text("#messages")).contains("inviato per la notifica");
    assertThat(browser.text("#detailState")).contains("Inviato per la notifica");
    scrollTo(browser, "#detail");
    browser.screenshot("notify-sent");

    // The outbox sends it to SEND; SEND accepts it and its stream tells the view.
    runJob("outbox");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!browser.text("#detailState").contains("Notificato") && System.nanoTime() < deadline) {
      runJob("send-progress");
      Thread.sleep(300);
      reopen(browser, number);
    }
    assertThat(browser.text("#detailState")).contains("Notificato");
    assertThat(browser.text("#detail\\:notifications"))
        .contains("Vista dal destinatario", "Attestazione di avvenuto accesso");
    assertThat(browser.text("#detail")).contains("Visualizzata dal destinatario");
    scrollTo(browser, "#detail\\:notifications");
    browser.screenshot("notify-notified");
    runJob("outbox"); // the GPD due dates

    // A citizen pays the reduced amount on the simulated checkout page.
    String notice =
        browser
            .text("#detail\\:windows")
            .replaceAll("(?s).*?\\b(3\\d{3}(?: \\d{4}){3} \\d{2})\\b.*", "$1")
            .replace(" ", "");
    assertThat(notice).hasSize(18).startsWith("3");
    browser.open(
        TestStack.simulators().baseUrl()
            + "/checkout/?notice="
            + notice
            + "&creditor="
            + creditor
            + "&returnUrl="
            + URLEncoder.encode(
                TestStack.baseUrl() + "/t/" + SLUG + "/portale/", StandardCharsets.UTF_8));
    browser.type("#payerName", "Giulia Bianchi");
    browser.type(
        "#payerFiscalCode",
        "BNCGLI90A41E472" + it.ksanctions.shared.CodiceFiscale.checkCharacterOf("BNCGLI90A41E472"));
    browser.type("#payerEmail", PAYER_MAIL);
    browser.screenshot("notify-checkout");
    browser.clickAndWaitForNewPage("#paga");
    assertThat(browser.currentUrl()).contains("/t/" + SLUG + "/portale/").contains("outcome=OK");

    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/verbali.xhtml");
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    reopen(browser, number);
    while (!browser.text("#detailState").contains("Pagato") && System.nanoTime() < deadline) {
      Thread.sleep(300);
      reopen(browser, number);
    }
    assertThat(browser.text("#detailState")).contains("Pagato");
    assertThat(browser.text("#detail\\:receipts")).contains("Pagamento regolare", "Giulia Bianchi");

    runJob("outbox"); // the quietanza
    // the payer's mailbox, read over IMAP (GreenMail: login and password are the address)
    List<String> subjects = new java.util.ArrayList<>();
    jakarta.mail.Store store =
        jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
    store.connect(
        "127.0.0.1", TestStack.mail().getImap().getServerSetup().getPort(), PAYER_MAIL, PAYER_MAIL);
    try {
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_ONLY);
      for (jakarta.mail.Message m : inbox.getMessages()) {
        subjects.add(m.getSubject());
      }
      inbox.close(false);
    } finally {
      store.close();
    }
    assertThat(subjects).containsExactly("Quietanza di pagamento - Verbale n. " + number);

    browser.clickAndWaitForNewPage("#menu-pagamenti");
    assertThat(browser.text("#search\\:list")).contains(number, "Pagamento regolare", "inviata");
    browser.screenshot("notify-payments");
    browser.clickAndWaitForNewPage("#menu-notifiche");
    assertThat(browser.text("#search\\:list")).contains(number, "Vista dal destinatario");
    browser.screenshot("notify-notifications");
  }

  private static void scrollTo(Browser browser, String css) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView()", browser.waitFor(css));
  }

  private static int rows(Browser browser) {
    return browser
        .driver()
        .findElements(org.openqa.selenium.By.cssSelector("#results\\:list tbody tr[data-ri]"))
        .size();
  }

  private static void runJob(String job) throws Exception {
    var response = TestStack.platform().post("/api/platform/jobs/" + job, "");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static int rowWithState(Browser browser, String state) {
    for (int i = 0; i < rows(browser); i++) {
      if (browser.text("#results\\:list\\:" + i + "\\:state").equals(state)) {
        return i;
      }
    }
    throw new AssertionError("No act in state " + state);
  }

  private static void reopen(Browser browser, String number) {
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/verbali.xhtml");
    browser.waitFor("#results\\:list");
    for (int i = 0; i < rows(browser); i++) {
      if (browser.text("#results\\:list\\:" + i + "\\:number").equals(number)) {
        browser.clickAndWaitForNewPage("#results\\:list\\:" + i + "\\:open");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
            .ignoring(StaleElementReferenceException.class)
            .until(d -> !browser.text("#detailState").isEmpty());
        return;
      }
    }
    throw new AssertionError("Act " + number + " not listed");
  }
}
