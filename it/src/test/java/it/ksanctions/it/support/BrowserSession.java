package it.ksanctions.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The headless Chromium of a browser test class: started by the class when its stack is ready,
 * photographed when a test fails (the page the test left it on, in {@code it/target/screenshots/}),
 * closed after the class. Register it with {@code @RegisterExtension static final}.
 */
public final class BrowserSession implements TestWatcher, AfterAllCallback {

  private final String failurePrefix;
  private Browser browser;

  /** {@code failurePrefix} names the screenshots of failed tests, e.g. {@code "failed-"}. */
  public BrowserSession(String failurePrefix) {
    this.failurePrefix = failurePrefix;
  }

  public Browser start() {
    browser = Browser.start();
    return browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (browser != null) {
      browser.screenshot(failurePrefix + context.getRequiredTestMethod().getName());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
