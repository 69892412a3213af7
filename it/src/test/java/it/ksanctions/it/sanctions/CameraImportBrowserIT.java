package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.BackOfficeForms;
import it.ksanctions.it.support.Browser;
import it.ksanctions.it.support.BrowserSession;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator in headless Chromium (issue 13): imports a speed camera's file with its photos on the
 * Rilevazioni page, watches the import's progress bar until it ends at 100 % with every row
 * counted, finds the detections the tolerance rule decided, opens one, corrects its plate with a
 * reason and validates it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CameraImportBrowserIT {

  static final String SLUG = "cam-page";
  static final String ADMIN = "admin." + SLUG;
  static final String PASSWORD = "Rilevazioni-2026!";

  @RegisterExtension
  static final BrowserSession SESSION = new BrowserSession("failed-camera-import-");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void anOperatorImportsTheFileReviewsADetectionCorrectsThePlateAndValidates() throws Exception {
    // The demo content gives the command its speed camera AV-01 at the 50 km/h point AV-ROMA.
    TestStack.demoCommand(SLUG, "?theme=verde");
    TestStack.keycloak().setPassword(ADMIN, PASSWORD);
    LocalDateTime t =
        LocalDateTime.now(ZoneId.of("Europe/Rome")).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
    DateTimeFormatter when = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    Path csv = Files.createTempFile("av01-", ".csv");
    Files.writeString(
        csv,
        "targa;nazione;data_ora;velocita;foto\n"
            + "BB222BB;IT;"
            + when.format(t)
            + ";61;bb.jpg\n"
            + "CC333CC;IT;"
            + when.format(t.plusMinutes(1))
            + ";90;\n"
            + "AA111AA;IT;"
            + when.format(t.plusMinutes(2))
            + ";55;\n");
    Path zip = Files.createTempFile("foto-", ".zip");
    Files.write(zip, zipWithOnePhoto("bb.jpg"));

    Browser browser = SESSION.start();
    browser.open(TestStack.baseUrl() + "/t/" + SLUG + "/admin/rilevazioni.xhtml");
    BackOfficeForms.typeCredentials(browser, ADMIN, PASSWORD);
    browser.waitFor("#upload\\:operator");
    BackOfficeForms.selectOption(browser, "upload:device", "AV-01 — Autovelox (AV-ROMA)");
    BackOfficeForms.fill(browser, "#upload\\:operator", "Mario Rossi");
    BackOfficeForms.fill(browser, "#upload\\:note", "Servizio del mattino");
    browser
        .driver()
        .findElement(By.cssSelector("#upload\\:file input[type=file]"))
        .sendKeys(csv.toString());
    browser
        .driver()
        .findElement(By.cssSelector("#upload\\:photos input[type=file]"))
        .sendKeys(zip.toString());
    browser.clickAndWaitForNewPage("#upload\\:start");
    assertThat(browser.text("#messages")).contains("avviata", "3 righe");

    // The list follows the job (it polls while an import runs) until the file is published; the
    // import's progress bar ends full, with every row of the file counted.
    waitText(browser, "#imports\\:list", "2 rilevazioni pubblicate");
    assertThat(browser.text("#imports\\:list")).contains("av01-", "Mario Rossi", "Completata");
    assertThat(browser.text("#imports\\:list\\:0\\:progress")).isEqualTo("100%");
    assertThat(browser.text("#imports\\:list")).contains("3 di 3 righe");
    browser.screenshot("camera-import-completed");

    BackOfficeForms.fill(browser, "#search\\:plate", "C333");
    browser.click("#search\\:go");
    waitText(browser, "#results\\:list", "CC333CC");
    assertThat(browser.text("#results\\:list"))
        .contains("142c8", "limite 50")
        .doesNotContain("BB222BB", "AA111AA");

    browser.click("#results\\:list\\:0\\:open");
    waitText(browser, "#detail", "Regola applicata");
    assertThat(browser.text("#detail"))
        .contains("velocità rilevata 90 km/h", "tolleranza 5 km/h", "limite 50 km/h");
    BackOfficeForms.fill(browser, "#detailForm\\:newPlate", "CC333CE");
    BackOfficeForms.fill(browser, "#detailForm\\:plateReason", "Lettura errata della targa");
    browser.click("#detailForm\\:correct");
    waitText(browser, "#messages", "Targa corretta.");
    browser.click("#detailForm\\:validateOne");
    waitText(browser, "#messages", "Rilevazione validata.");
    waitText(browser, "#detail", "Validata");
    browser.screenshot("camera-import-validated");
    Files.delete(csv);
    Files.delete(zip);
  }

  private static void waitText(Browser browser, String css, String expected) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> browser.text(css).contains(expected));
  }

  private static byte[] zipWithOnePhoto(String name) throws Exception {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(name));
      out.write(jpeg);
      out.closeEntry();
    }
    return bytes.toByteArray();
  }
}
