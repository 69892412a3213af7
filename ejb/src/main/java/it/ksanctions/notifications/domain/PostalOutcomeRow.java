package it.ksanctions.notifications.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A row of a postal outcome file ({@code numero_verbale;esito;data;note}) before it is checked
 * against the acts: {@link #problems} names every wrong field by its column, in Italian. {@code
 * esito} is one of {@link PostalOutcome#fileCodes()}, {@code data} a day as {@code dd/MM/yyyy} (the
 * delivery date of the return card, or the perfection day of the compiuta giacenza, or the day the
 * recipient was found unreachable), {@code note} free text, required for an unreachable recipient
 * (the reason).
 */
public record PostalOutcomeRow(String actNumber, String outcome, String day, String note) {

  /** The header of an outcome file, in order. */
  public static final List<String> COLUMNS = List.of("numero_verbale", "esito", "data", "note");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** A wrong field of the row. */
  public record FieldProblem(String column, String reason) {}

  /** Normalises: blanks trimmed, blank is null. */
  public PostalOutcomeRow {
    actNumber = blank(actNumber);
    outcome = blank(outcome);
    day = blank(day);
    note = blank(note);
  }

  /** A row of an outcome file by its named fields (lower-case column names). */
  public static PostalOutcomeRow of(Map<String, String> fields) {
    return new PostalOutcomeRow(
        fields.get("numero_verbale"), fields.get("esito"), fields.get("data"), fields.get("note"));
  }

  /** Every wrong field, by its column, with {@code today} the last day an outcome may bear. */
  public List<FieldProblem> problems(LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (actNumber == null) {
      problems.add(new FieldProblem("numero_verbale", "obbligatorio"));
    } else if (actNumber.length() > 60) {
      problems.add(new FieldProblem("numero_verbale", "oltre 60 caratteri"));
    }
    if (outcome == null) {
      problems.add(new FieldProblem("esito", "obbligatorio (" + PostalOutcome.fileCodes() + ")"));
    } else if (PostalOutcome.ofFileCode(outcome).isEmpty()) {
      problems.add(
          new FieldProblem(
              "esito",
              "non riconosciuto: «" + outcome + "» (ammessi " + PostalOutcome.fileCodes() + ")"));
    }
    if (day == null) {
      problems.add(new FieldProblem("data", "obbligatoria (gg/mm/aaaa)"));
    } else {
      LocalDate parsed = parse(day);
      if (parsed == null) {
        problems.add(
            new FieldProblem(
                "data", "non valida: «" + day + "» (serve gg/mm/aaaa, es. 03/12/2026)"));
      } else if (parsed.isAfter(today)) {
        problems.add(new FieldProblem("data", "futura: " + day));
      }
    }
    if (note != null && note.length() > 500) {
      problems.add(new FieldProblem("note", "oltre 500 caratteri"));
    } else if (note == null
        && PostalOutcome.ofFileCode(outcome).orElse(null) == PostalOutcome.UNREACHABLE) {
      problems.add(
          new FieldProblem(
              "note",
              "obbligatoria per l'irreperibilità: il motivo (es. trasferito, sconosciuto)"));
    }
    return problems;
  }

  /**
   * The outcome.
   *
   * @throws IllegalStateException when the row has a problem with it
   */
  public PostalOutcome parsedOutcome() {
    return PostalOutcome.ofFileCode(outcome)
        .orElseThrow(() -> new IllegalStateException("esito not checked: " + outcome));
  }

  /**
   * The day.
   *
   * @throws IllegalStateException when the row has a problem with it
   */
  public LocalDate parsedDay() {
    LocalDate parsed = day == null ? null : parse(day);
    if (parsed == null) {
      throw new IllegalStateException("data not checked: " + day);
    }
    return parsed;
  }

  private static LocalDate parse(String text) {
    try {
      return LocalDate.parse(text, DAY);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
