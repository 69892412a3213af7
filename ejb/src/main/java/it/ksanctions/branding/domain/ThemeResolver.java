package it.ksanctions.branding.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves a theme through its parents: the first theme of the chain that sets a value wins, and
 * every chain ends at {@link BaseThemes#DEFAULT}.
 */
public final class ThemeResolver {

  private ThemeResolver() {}

  /** The chain from {@code theme} to {@code default}, cycles and unknown parents cut. */
  public static List<Theme> chain(Theme theme) {
    List<Theme> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Theme current = theme;
    while (current != null && seen.add(current.code())) {
      chain.add(current);
      current = current.parentCode().flatMap(BaseThemes::find).orElse(null);
    }
    if (!seen.contains(BaseThemes.DEFAULT_CODE)) {
      chain.add(BaseThemes.DEFAULT);
    }
    return chain;
  }

  public static EffectiveBranding resolve(
      String slug, Theme tenantTheme, String registeredName, boolean ownLogo) {
    List<Theme> chain = chain(tenantTheme);
    String base =
        tenantTheme.code().startsWith("tenant:")
            ? tenantTheme.parentCode().orElse(BaseThemes.DEFAULT_CODE)
            : tenantTheme.code();
    String name = first(chain, Theme::displayName);
    return new EffectiveBranding(
        slug,
        base,
        name == null ? registeredName : name,
        first(chain, Theme::primary),
        first(chain, Theme::secondary),
        first(chain, Theme::footerContacts),
        first(chain, Theme::footerText),
        ownLogo);
  }

  /** The WCAG AA checks of the theme's resolved colours. */
  public static List<ContrastCheck> checks(Theme theme) {
    List<Theme> chain = chain(theme);
    HexColour primary = first(chain, Theme::primary);
    HexColour secondary = first(chain, Theme::secondary);
    return List.of(
        ContrastCheck.whiteTextOnPrimary(primary),
        ContrastCheck.primaryLinksOnWhite(primary),
        ContrastCheck.whiteTextOnSecondary(secondary));
  }

  private static <T> T first(List<Theme> chain, Function<Theme, T> value) {
    for (Theme t : chain) {
      T v = value.apply(t);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
