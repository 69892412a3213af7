package it.ksanctions.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core 4.6.3 (from its WebJar on the test class path) run on a browser's page. */
public final class Accessibility {

  private static String axeSource;

  private Accessibility() {}

  /** Runs axe-core on the page and fails on any violation of impact serious or critical. */
  @SuppressWarnings("unchecked")
  public static void assertNoSeriousViolations(Browser browser, String where) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript(axeSource());
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) {"
                + "    return {id: v.id, impact: v.impact || '', help: v.help,"
                + "      targets: v.nodes.map(function (n) {"
                + "        return n.target.join(' ') + ' :: ' + (n.failureSummary || ''); })};"
                + "  }));"
                + "}).catch(function (e) { done('axe failed: ' + e); });");
    assertThat(result).as("axe result on " + where).isInstanceOf(List.class);
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      String impact = String.valueOf(v.get("impact"));
      if (impact.equals("serious") || impact.equals("critical")) {
        serious.add(impact + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("targets"));
      }
    }
    assertThat(serious).as("axe serious/critical violations on " + where).isEmpty();
  }

  static synchronized String axeSource() {
    if (axeSource == null) {
      try (InputStream in =
          Accessibility.class.getResourceAsStream(
              "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
        assertThat(in).as("axe-core WebJar on the test class path").isNotNull();
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return axeSource;
  }
}
