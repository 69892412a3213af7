package it.ksanctions.it.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How a person fills the back office's PrimeFaces forms in the browser tests: date pickers, select
 * menus and Keycloak's login form, each with the retries that Chromium's animations need.
 */
public final class BackOfficeForms {

  private BackOfficeForms() {}

  /**
   * Types a day into a PrimeFaces date picker as a user does, leaves the field with Tab (which
   * closes the calendar and commits the value) and checks the field kept it; the calendar's opening
   * animation can swallow keys, so it retries.
   */
  public static void typeDate(Browser browser, String css, String day) {
    for (int attempt = 1; ; attempt++) {
      WebElement input = browser.waitFor(css);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
      input.sendKeys(day);
      input.sendKeys(Keys.TAB);
      String value = browser.waitFor(css).getDomProperty("value");
      if (day.equals(value)) {
        return;
      }
      if (attempt == 4) {
        throw new AssertionError("The date picker " + css + " shows '" + value + "', not " + day);
      }
      browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    }
  }

  /**
   * Chooses an option of a PrimeFaces selectOneMenu by its label, as a user does (open, click), and
   * checks the menu shows it; the panel's opening animation can swallow a click, so it retries.
   */
  public static void selectOption(Browser browser, String id, String label) {
    String css = "#" + id.replace(":", "\\:");
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement menu = browser.waitFor(css);
        ((JavascriptExecutor) browser.driver())
            .executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
        browser.click(css);
        browser.waitFor(css + "_items li[data-label='" + label + "']").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
            .until(ExpectedConditions.textToBe(By.cssSelector(css + "_label"), label));
        return;
      } catch (WebDriverException e) {
        // The panel was still moving into place (click intercepted) or did not take the click.
        if (attempt == 4) {
          throw new AssertionError("Could not choose '" + label + "' in " + id, e);
        }
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      }
    }
  }

  /** Keycloak's login form; with Organizations it may ask the username first, then the password. */
  public static void typeCredentials(Browser browser, String username, String password) {
    browser.type("#username", username);
    if (browser.driver().findElements(By.id("password")).isEmpty()) {
      browser.clickAndWaitForNewPage("#kc-login");
    }
    browser.type("#password", password);
    browser.clickAndWaitForNewPage("#kc-login");
  }

  /** Clears an input and types {@code text} into it. */
  public static void fill(Browser browser, String css, String text) {
    WebElement input = browser.waitFor(css);
    input.clear();
    input.sendKeys(text);
  }
}
