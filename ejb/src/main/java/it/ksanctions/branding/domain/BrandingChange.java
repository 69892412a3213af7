package it.ksanctions.branding.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's branding as typed by vendor staff: the base theme and the values that override it.
 * Blank values are unset (inherited from the base theme). {@link #validated(String)} turns it into
 * the tenant's own {@link Theme} or refuses it with an Italian explanation.
 */
public record BrandingChange(
    String baseTheme,
    String displayName,
    String primary,
    String secondary,
    String footerContacts,
    String footerText) {

  public static final int MAX_NAME = 200;
  public static final int MAX_FOOTER = 1000;

  /** The tenant's theme code: never one of the base themes'. */
  public static String tenantThemeCode(String slug) {
    return "tenant:" + slug;
  }

  /**
   * The tenant's theme, its colours checked against WCAG AA after inheritance.
   *
   * @throws BrandingRuleException naming every broken rule
   */
  public Theme validated(String slug) {
    Theme base = BaseThemes.require(text(baseTheme));
    List<String> wrong = new ArrayList<>();
    HexColour p = colour(primary, "primario", wrong);
    HexColour s = colour(secondary, "secondario", wrong);
    String name = limited(displayName, MAX_NAME, "Il nome visualizzato", wrong);
    String contacts = limited(footerContacts, MAX_FOOTER, "I contatti del piè di pagina", wrong);
    String footer = limited(footerText, MAX_FOOTER, "Il testo del piè di pagina", wrong);
    Theme theme = new Theme(tenantThemeCode(slug), base.code(), name, p, s, contacts, footer);
    if (wrong.isEmpty()) {
      java.util.Set<HexColour> reported = new java.util.HashSet<>();
      for (ContrastCheck check : ThemeResolver.checks(theme)) {
        if (!check.passes() && reported.add(check.colour())) {
          wrong.add(check.explanation().orElseThrow());
        }
      }
    }
    if (!wrong.isEmpty()) {
      throw new BrandingRuleException("branding.invalid", String.join(" ", wrong));
    }
    return theme;
  }

  /** The contrast checks of the colours as typed (for the live preview); empty when malformed. */
  public List<ContrastCheck> checks() {
    Theme base =
        BaseThemes.find(text(baseTheme) == null ? BaseThemes.DEFAULT_CODE : baseTheme)
            .orElse(BaseThemes.DEFAULT);
    String p = text(primary);
    String s = text(secondary);
    if ((p != null && !HexColour.isValid(p)) || (s != null && !HexColour.isValid(s))) {
      return List.of();
    }
    return ThemeResolver.checks(
        new Theme(
            "preview",
            base.code(),
            null,
            p == null ? null : HexColour.parse(p, "primario"),
            s == null ? null : HexColour.parse(s, "secondario"),
            null,
            null));
  }

  private static HexColour colour(String text, String name, List<String> wrong) {
    String t = text(text);
    if (t == null) {
      return null;
    }
    try {
      return HexColour.parse(t, name);
    } catch (BrandingRuleException e) {
      wrong.add(e.italianMessage());
      return null;
    }
  }

  private static String limited(String text, int max, String name, List<String> wrong) {
    String t = text(text);
    if (t != null && t.length() > max) {
      wrong.add(name + " supera " + max + " caratteri: accorciarlo.");
    }
    if (t != null && t.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      wrong.add(name + " contiene caratteri di controllo non ammessi.");
    }
    return t;
  }

  static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
