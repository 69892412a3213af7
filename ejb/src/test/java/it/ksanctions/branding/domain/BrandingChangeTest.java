package it.ksanctions.branding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrandingChangeTest {

  @Test
  void unsetValuesAreInheritedFromTheBaseThemeThenFromDefault() {
    Theme tenant =
        new BrandingChange("verde", "Polizia Locale di Latina", null, "", "  ", null)
            .validated("latina");
    EffectiveBranding effective =
        ThemeResolver.resolve("latina", tenant, "Comune di Latina", false);
    assertThat(effective.baseTheme()).isEqualTo("verde");
    assertThat(effective.displayName()).isEqualTo("Polizia Locale di Latina");
    assertThat(effective.primary()).isEqualTo(BaseThemes.VERDE.primary());
    assertThat(effective.secondary()).isEqualTo(BaseThemes.VERDE.secondary());
    assertThat(effective.footerText()).isEqualTo(BaseThemes.DEFAULT.footerText());
    assertThat(effective.footerContacts()).isNull();
  }

  @Test
  void overridesWinAndTheRegisteredNameIsTheLastFallback() {
    Theme tenant =
        new BrandingChange("bordeaux", null, "#1a4d2e", null, "Via Roma 1", "Testo")
            .validated("torino");
    EffectiveBranding effective = ThemeResolver.resolve("torino", tenant, "Comune di Torino", true);
    assertThat(effective.primary().value()).isEqualTo("#1A4D2E");
    assertThat(effective.secondary()).isEqualTo(BaseThemes.BORDEAUX.secondary());
    assertThat(effective.displayName()).isEqualTo("Comune di Torino");
    assertThat(effective.footerContacts()).isEqualTo("Via Roma 1");
    assertThat(effective.ownLogo()).isTrue();
    assertThat(effective.cssVariables())
        .isEqualTo(
            ":root{--ks-primary:#1a4d2e;--ks-primary-contrast:#ffffff;--ks-secondary-strong:"
                + "#5c1329;--ks-link:#1a4d2e;--primary-color:#1a4d2e;--primary-color-text:#ffffff;}");
  }

  @Test
  void aTooLightPrimaryIsRefusedWithTheRatio() {
    assertThatThrownBy(
            () -> new BrandingChange("default", null, "#FFCC00", null, null, null).validated("x1"))
        .isInstanceOf(BrandingRuleException.class)
        .extracting(e -> ((BrandingRuleException) e).italianMessage())
        .isEqualTo(
            "Il colore primario #FFCC00 con testo bianco ha contrasto 1,5:1; il minimo WCAG AA è"
                + " 4,5:1: scegliere un colore più scuro.");
  }

  @Test
  void malformedValuesAndUnknownThemesAreRefusedInItalian() {
    assertThatThrownBy(
            () ->
                new BrandingChange("default", "x".repeat(201), "blu", null, null, null)
                    .validated("x1"))
        .hasMessageContaining("Il colore primario \"blu\" non è valido")
        .hasMessageContaining("Il nome visualizzato supera 200 caratteri");
    assertThatThrownBy(
            () -> new BrandingChange("arcobaleno", null, null, null, null, null).validated("x1"))
        .hasMessageContaining("Il tema \"arcobaleno\" non esiste");
  }

  @Test
  void thePreviewChecksTheColoursAsTyped() {
    assertThat(new BrandingChange("default", null, "#FFCC00", null, null, null).checks())
        .extracting(ContrastCheck::passes)
        .containsExactly(false, false, true);
    assertThat(new BrandingChange("default", null, "#FFC", null, null, null).checks()).isEmpty();
  }

  @Test
  void chainsEndAtDefaultWhateverTheParent() {
    Theme orphan = new Theme("t", "missing", null, null, null, null, null);
    assertThat(ThemeResolver.chain(orphan)).extracting(Theme::code).containsExactly("t", "default");
    assertThat(ThemeResolver.chain(BaseThemes.VERDE))
        .extracting(Theme::code)
        .containsExactly("verde", "default");
  }
}
