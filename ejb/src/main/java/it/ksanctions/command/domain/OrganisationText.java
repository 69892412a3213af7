package it.ksanctions.command.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of codes, names and dates that every element of the command's organisation shares
 * (departments, zones, shifts, functional roles), with their Italian messages.
 */
final class OrganisationText {

  private static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{2,20}$");
  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private OrganisationText() {}

  /** A code stripped and in upper case: 2 to 20 letters, digits or _. */
  static String code(String raw, String ruleCode, String what) {
    String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      throw new CommandRuleException(
          ruleCode,
          "Codice "
              + what
              + " non valido"
              + (raw == null || raw.isBlank() ? "" : " («" + raw.strip() + "»)")
              + ": da 2 a 20 caratteri tra lettere maiuscole, cifre e _ (es. VIABILITA).");
    }
    return code;
  }

  /** A required text of {@code min} to {@code max} characters, stripped, inner spaces collapsed. */
  static String name(String raw, int min, int max, String ruleCode, String what) {
    String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (name.length() < min || name.length() > max) {
      throw new CommandRuleException(
          ruleCode, "Indicare " + what + " (da " + min + " a " + max + " caratteri).");
    }
    return name;
  }

  /** An optional text of at most {@code max} characters; blank becomes null. */
  static String optional(String raw, int max, String ruleCode, String what) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw.strip();
    if (text.length() > max) {
      throw new CommandRuleException(
          ruleCode, "Il campo " + what + " supera i " + max + " caratteri consentiti.");
    }
    return text;
  }

  static String date(LocalDate day) {
    return day == null ? "" : ITALIAN_DATE.format(day);
  }
}
