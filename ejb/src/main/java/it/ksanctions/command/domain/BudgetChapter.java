package it.ksanctions.command.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A chapter of the body's budget (CMD-3, seed 001 §11.4 "Gestione dei codici di capitolo di
 * bilancio"): code in the body's classification, description, revenue or expense, payment reason
 * (causale di versamento) and treasury account, notes. The code is the body's own (e.g. {@code
 * 3010.01}, {@code E.3.02.02.01.004}): 1-30 characters of digits, capital letters, dots, slashes
 * and dashes, starting with a digit or letter.
 */
public record BudgetChapter(
    String code,
    String description,
    ChapterType type,
    String paymentReason,
    String treasuryAccount,
    String notes) {

  static final Pattern CODE = Pattern.compile("^[0-9A-Z][0-9A-Z./-]{0,29}$");

  /** Whether {@code code} is a valid chapter code (CMD-8 "codici non validi"). */
  public static boolean validCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** The chapter normalised, or one rule exception naming every wrong field. */
  public BudgetChapter validated() {
    List<String> wrong = new ArrayList<>();
    String c = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    if (!validCode(c)) {
      wrong.add(
          "codice di capitolo non valido (1-30 caratteri: cifre, lettere maiuscole, punto, barra,"
              + " trattino)");
    }
    String d = text(description);
    if (d == null || d.length() < 3 || d.length() > 200) {
      wrong.add("descrizione obbligatoria (3-200 caratteri)");
    }
    if (type == null) {
      wrong.add("tipologia obbligatoria (entrata o spesa)");
    }
    String reason = text(paymentReason);
    if (reason != null && reason.length() > 140) {
      // pagoPA's remittance information is at most 140 characters.
      wrong.add("causale di versamento troppo lunga (massimo 140 caratteri)");
    }
    String account = text(treasuryAccount);
    if (account != null && account.length() > 60) {
      wrong.add("conto di tesoreria troppo lungo (massimo 60 caratteri)");
    }
    String n = text(notes);
    if (n != null && n.length() > 1000) {
      wrong.add("note troppo lunghe (massimo 1000 caratteri)");
    }
    if (!wrong.isEmpty()) {
      throw new CommandRuleException(
          "command.chapter.invalid", "Capitolo non valido: " + String.join("; ", wrong) + ".");
    }
    return new BudgetChapter(c, d, type, reason, account, n);
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
