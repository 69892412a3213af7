package it.ksanctions.branding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContrastCheckTest {

  @Test
  void agidBlueOnWhiteIsAboutFivePointFiveSeven() {
    HexColour blue = HexColour.parse("#0066cc", "primario");
    assertThat(blue.contrastWith(HexColour.WHITE)).isCloseTo(5.57, within(0.01));
    assertThat(ContrastCheck.whiteTextOnPrimary(blue).passes()).isTrue();
  }

  @Test
  void blackOnWhiteIsTwentyOneAndWhiteOnWhiteIsOne() {
    assertThat(new HexColour("#000000").contrastWith(HexColour.WHITE)).isCloseTo(21, within(1e-9));
    assertThat(HexColour.WHITE.contrastWith(HexColour.WHITE)).isCloseTo(1, within(1e-9));
  }

  @Test
  void yellowWithWhiteTextFailsWithAnItalianExplanationGivingTheRatio() {
    ContrastCheck check = ContrastCheck.whiteTextOnPrimary(new HexColour("#FFCC00"));
    assertThat(check.passes()).isFalse();
    assertThat(check.explanation())
        .hasValue(
            "Il colore primario #FFCC00 con testo bianco ha contrasto 1,5:1; il minimo WCAG AA è"
                + " 4,5:1: scegliere un colore più scuro.");
  }

  @Test
  void theThresholdIsFourPointFiveAsToolsShowIt() {
    // #777777 on white is 4.48:1 (fails), #767676 is 4.54:1 (passes): the classic pair.
    assertThat(ContrastCheck.primaryLinksOnWhite(new HexColour("#777777")).passes()).isFalse();
    assertThat(ContrastCheck.primaryLinksOnWhite(new HexColour("#767676")).passes()).isTrue();
  }

  @Test
  void everyBaseThemePassesWcagAa() {
    for (Theme theme : BaseThemes.all()) {
      assertThat(ThemeResolver.checks(theme)).allMatch(ContrastCheck::passes);
    }
  }

  @Test
  void onlyHashRrggbbIsAColour() {
    assertThat(HexColour.isValid("#00aa11")).isTrue();
    assertThat(HexColour.isValid("00aa11")).isFalse();
    assertThat(HexColour.isValid("#0a1")).isFalse();
    assertThat(HexColour.isValid("red")).isFalse();
    assertThat(HexColour.isValid("#000000;}body{x:y")).isFalse();
    assertThatThrownBy(() -> HexColour.parse("blu", "primario"))
        .isInstanceOf(BrandingRuleException.class)
        .hasMessageContaining("nella forma #RRGGBB");
    assertThatThrownBy(() -> new HexColour("#abcdef")).isInstanceOf(IllegalArgumentException.class);
  }
}
