package it.ksanctions.branding.domain;

/**
 * What a tenant's pages show, every value resolved through the theme chain. The display name falls
 * back to the tenant's registered name; the logo is the tenant's own when {@link #ownLogo()}, else
 * the command registry's (resolved by the pages, not cached here).
 */
public record EffectiveBranding(
    String slug,
    String baseTheme,
    String displayName,
    HexColour primary,
    HexColour secondary,
    String footerContacts,
    String footerText,
    boolean ownLogo) {

  /**
   * The CSS custom properties of this branding, for a {@code <style>} block. Only {@link HexColour}
   * values (strictly {@code #RRGGBB}) are written, so no text of the tenant reaches the style
   * sheet.
   */
  public String cssVariables() {
    String p = primary.css();
    String s = secondary.css();
    return ":root{--ks-primary:"
        + p
        + ";--ks-primary-contrast:#ffffff;--ks-secondary-strong:"
        + s
        + ";--ks-link:"
        + p
        + ";--primary-color:"
        + p
        + ";--primary-color-text:#ffffff;}";
  }
}
