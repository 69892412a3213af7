package it.ksanctions.branding.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * One WCAG 2.x contrast check: a text colour on a background, with the AA minimum for normal text
 * (4.5:1). {@link #explanation()} is the Italian reason for a refusal.
 */
public record ContrastCheck(String subject, HexColour colour, double ratio) {

  /** WCAG 2.x level AA, normal text. */
  public static final double AA_MINIMUM = 4.5;

  /** White text on {@code primary} (header, buttons). */
  public static ContrastCheck whiteTextOnPrimary(HexColour primary) {
    return new ContrastCheck(
        "Il colore primario " + primary + " con testo bianco",
        primary,
        primary.contrastWith(HexColour.WHITE));
  }

  /** {@code primary} as the colour of links and headings on white. */
  public static ContrastCheck primaryLinksOnWhite(HexColour primary) {
    return new ContrastCheck(
        "Il colore primario " + primary + " usato per i link su sfondo bianco",
        primary,
        primary.contrastWith(HexColour.WHITE));
  }

  /** White text on {@code secondary} (slim header, secondary buttons). */
  public static ContrastCheck whiteTextOnSecondary(HexColour secondary) {
    return new ContrastCheck(
        "Il colore secondario " + secondary + " con testo bianco",
        secondary,
        secondary.contrastWith(HexColour.WHITE));
  }

  public boolean passes() {
    // Compare the ratio as WCAG tools show it (two decimals, rounded down) so that 4.499 fails.
    return BigDecimal.valueOf(ratio).setScale(2, RoundingMode.FLOOR).doubleValue() >= AA_MINIMUM;
  }

  /** The ratio in Italian form with one decimal, e.g. {@code 5,6:1}. */
  public String ratioText() {
    DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ITALY));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(ratio) + ":1";
  }

  /** Why the colour is refused, in Italian; empty when it passes. */
  public Optional<String> explanation() {
    if (passes()) {
      return Optional.empty();
    }
    return Optional.of(
        subject
            + " ha contrasto "
            + ratioText()
            + "; il minimo WCAG AA è 4,5:1: scegliere un colore più scuro.");
  }

  /** The verdict as the live preview shows it. */
  public String verdict() {
    return passes()
        ? subject + ": contrasto " + ratioText() + ", conforme WCAG AA."
        : explanation().orElseThrow();
  }
}
