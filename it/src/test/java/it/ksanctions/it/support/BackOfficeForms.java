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
    String value = null;
    for (int attempt = 1; ; attempt++) {
      WebDriverException failure = null;
      try {
        WebElement input = browser.waitFor(css);
        ((JavascriptExecutor) browser.driver())
            .executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(day);
        input.sendKeys(Keys.TAB);
        value = browser.waitFor(css).getDomProperty("value");
        if (day.equals(value)) {
          return;
        }
      } catch (WebDriverException e) {
        // The calendar of the last attempt was still in the way (click intercepted).
        failure = e;
      }
      if (attempt == 3) {
        // The widget lost the keystrokes three times (seen once with Chromium 156): put the text in
        // the field as a paste does, and let the form's submit carry it to the server as usual.
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        closed(browser, css.endsWith("_input") ? css.replace("_input", "_panel") : null);
        value =
            String.valueOf(
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "const f = arguments[0]; f.value = arguments[1];"
                            + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                            + " f.dispatchEvent(new Event('change', {bubbles: true}));"
                            + " return f.value;",
                        browser.waitFor(css),
                        day));
        if (day.equals(value)) {
          return;
        }
        throw new AssertionError(
            "The date picker " + css + " shows '" + value + "', not " + day, failure);
      }
      browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      closed(browser, css.endsWith("_input") ? css.replace("_input", "_panel") : null);
    }
  }

  /** Waits (up to 3 s) until the date picker's calendar panel is hidden, when it has one. */
  private static void closed(Browser browser, String panelCss) {
    if (panelCss == null) {
      return;
    }
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(panelCss)));
    } catch (WebDriverException e) {
      // still shown: the next attempt scrolls and clicks again, and reports if it cannot
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
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector(css + "_items li[data-label='" + label + "']")))
            .click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
            .until(ExpectedConditions.textToBe(By.cssSelector(css + "_label"), label));
        return;
      } catch (WebDriverException e) {
        // The panel was still moving into place (click intercepted), did not open (the click came
        // while the page scrolled) or did not take the click.
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
