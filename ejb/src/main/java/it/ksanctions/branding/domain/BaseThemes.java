package it.ksanctions.branding.domain;

import java.util.List;
import java.util.Optional;

/** The base themes shipped with the product; every colour passes WCAG AA with white text. */
public final class BaseThemes {

  public static final String DEFAULT_CODE = "default";

  /** AgID blue: the Italian public administration's design system default. */
  public static final Theme DEFAULT =
      new Theme(
          DEFAULT_CODE,
          null,
          null,
          new HexColour("#0066CC"),
          new HexColour("#004080"),
          null,
          "Servizio per i comandi di Polizia Locale realizzato con K-Sanctions.");

  public static final Theme VERDE =
      new Theme(
          "verde",
          DEFAULT_CODE,
          null,
          new HexColour("#00703C"),
          new HexColour("#004D29"),
          null,
          null);

  public static final Theme BORDEAUX =
      new Theme(
          "bordeaux",
          DEFAULT_CODE,
          null,
          new HexColour("#8B1E3F"),
          new HexColour("#5C1329"),
          null,
          null);

  private static final List<Theme> ALL = List.of(DEFAULT, VERDE, BORDEAUX);

  private BaseThemes() {}

  public static List<Theme> all() {
    return ALL;
  }

  public static Optional<Theme> find(String code) {
    return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /** The Italian label shown in selection lists. */
  public static String label(String code) {
    return switch (code) {
      case DEFAULT_CODE -> "Predefinito (blu AgID)";
      case "verde" -> "Verde";
      case "bordeaux" -> "Bordeaux";
      default -> code;
    };
  }

  /**
   * The base theme named {@code code}.
   *
   * @throws BrandingRuleException when there is none
   */
  public static Theme require(String code) {
    return find(code == null ? DEFAULT_CODE : code)
        .orElseThrow(
            () ->
                new BrandingRuleException(
                    "branding.theme.unknown",
                    "Il tema \""
                        + code
                        + "\" non esiste: scegliere uno tra "
                        + String.join(", ", ALL.stream().map(Theme::code).toList())
                        + "."));
  }
}
