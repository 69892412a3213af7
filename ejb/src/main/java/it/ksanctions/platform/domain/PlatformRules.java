package it.ksanctions.platform.domain;

import it.ksanctions.branding.domain.BaseThemes;
import it.ksanctions.branding.domain.Theme;
import java.util.List;

/** Rules of the vendor console's actions, with their Italian explanations. */
public final class PlatformRules {

  /** Base themes a new command may start from: the Branding module's. */
  public static final List<String> BASE_THEMES =
      BaseThemes.all().stream().map(Theme::code).toList();

  private PlatformRules() {}

  /**
   * The reason of a suspension or reactivation: required, 5 to 500 characters after trimming.
   *
   * @throws PlatformRuleException when missing or too short or long
   */
  public static String reason(String reason) {
    String text = reason == null ? "" : reason.strip();
    if (text.length() < 5) {
      throw new PlatformRuleException(
          "platform.reason.missing",
          "Indicare la motivazione (almeno 5 caratteri): resta nel registro delle azioni di piattaforma.");
    }
    if (text.length() > 500) {
      throw new PlatformRuleException(
          "platform.reason.too-long", "La motivazione può avere al massimo 500 caratteri.");
    }
    return text;
  }

  /** A suspension or reactivation must be confirmed explicitly. */
  public static void confirmed(boolean confirmed) {
    if (!confirmed) {
      throw new PlatformRuleException(
          "platform.change.not-confirmed",
          "Confermare esplicitamente l'operazione spuntando la casella di conferma.");
    }
  }

  /** A base theme code among {@link #BASE_THEMES}. */
  public static String baseTheme(String code) {
    if (code == null || BaseThemes.find(code).isEmpty()) {
      throw new PlatformRuleException(
          "platform.theme.unknown",
          "Tema sconosciuto: scegliere uno tra " + String.join(", ", BASE_THEMES) + ".");
    }
    return code;
  }
}
