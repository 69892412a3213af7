package it.ksanctions.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformRulesTest {

  @Test
  void aReasonIsRequiredAndTrimmed() {
    assertThat(PlatformRules.reason("  Contratto scaduto  ")).isEqualTo("Contratto scaduto");
    assertThatThrownBy(() -> PlatformRules.reason(" ok "))
        .isInstanceOfSatisfying(
            PlatformRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("platform.reason.missing");
              assertThat(e.italianMessage()).contains("Indicare la motivazione");
            });
    assertThatThrownBy(() -> PlatformRules.reason(null)).isInstanceOf(PlatformRuleException.class);
    assertThatThrownBy(() -> PlatformRules.reason("x".repeat(501)))
        .isInstanceOfSatisfying(
            PlatformRuleException.class,
            e -> assertThat(e.code()).isEqualTo("platform.reason.too-long"));
  }

  @Test
  void anExplicitConfirmationIsRequired() {
    PlatformRules.confirmed(true);
    assertThatThrownBy(() -> PlatformRules.confirmed(false))
        .isInstanceOfSatisfying(
            PlatformRuleException.class,
            e -> assertThat(e.italianMessage()).contains("Confermare"));
  }

  @Test
  void onlyTheKnownBaseThemes() {
    assertThat(PlatformRules.BASE_THEMES).containsExactly("default", "verde", "bordeaux");
    assertThat(PlatformRules.baseTheme("verde")).isEqualTo("verde");
    assertThatThrownBy(() -> PlatformRules.baseTheme("rosa"))
        .isInstanceOfSatisfying(
            PlatformRuleException.class, e -> assertThat(e.italianMessage()).contains("bordeaux"));
  }
}
