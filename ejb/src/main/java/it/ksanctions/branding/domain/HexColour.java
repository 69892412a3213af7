package it.ksanctions.branding.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour written {@code #RRGGBB}, the only form that reaches a style sheet. Parsing is strict so
 * that no other text can ever be written into CSS.
 */
public record HexColour(String value) {

  private static final Pattern FORM = Pattern.compile("#[0-9A-F]{6}");

  public static final HexColour WHITE = new HexColour("#FFFFFF");

  public HexColour {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a #RRGGBB colour: " + value);
    }
  }

  /** Whether {@code text} (trimmed, any case) is a {@code #RRGGBB} colour. */
  public static boolean isValid(String text) {
    return text != null && FORM.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
  }

  /**
   * Parses {@code #RRGGBB} in any case.
   *
   * @throws BrandingRuleException with an Italian explanation when the text is not a colour
   */
  public static HexColour parse(String text, String italianName) {
    if (!isValid(text)) {
      throw new BrandingRuleException(
          "branding.colour.invalid",
          "Il colore "
              + italianName
              + " \""
              + (text == null ? "" : text.strip())
              + "\" non è valido: scriverlo nella forma #RRGGBB, ad esempio #0066CC.");
    }
    return new HexColour(text.strip().toUpperCase(Locale.ROOT));
  }

  /** Relative luminance (WCAG 2.x definition, sRGB). */
  public double relativeLuminance() {
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  }

  private double channel(int offset) {
    double c = Integer.parseInt(value.substring(offset, offset + 2), 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** Contrast ratio with {@code other} (WCAG 2.x): from 1 to 21. */
  public double contrastWith(HexColour other) {
    double a = relativeLuminance();
    double b = other.relativeLuminance();
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** The value in lower case, as CSS writes it. */
  public String css() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
