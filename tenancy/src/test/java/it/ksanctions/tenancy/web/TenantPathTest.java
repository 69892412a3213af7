package it.ksanctions.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths after {@code /t/<slug>} the resolution filter forwards (the rest answer 404). */
class TenantPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/",
        "/admin/index.xhtml",
        "/portale/index.xhtml;jsessionid=abc",
        "/api/v1/articles/142c8/amounts",
        "/jakarta.faces.resource/theme.css.xhtml"
      })
  void applicationPathsAreForwarded(String target) {
    assertThat(TenantResolutionFilter.isPlainPath(target)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../torino/",
        "/admin/../../torino/admin/",
        "/./admin/",
        "/..",
        "/..;/torino/",
        "/%2e%2e/torino/",
        "/%2E%2E%2Ftorino/",
        "/admin%2f..%2f",
        "/..\\torino\\",
        "/admin/%5c..%5c"
      })
  void pathsThatCouldLeaveTheTenantAreRefused(String target) {
    assertThat(TenantResolutionFilter.isPlainPath(target)).isFalse();
  }
}
