package it.ksanctions.places.domain;

import java.util.List;

/**
 * What a places file holds (PLC-3): the rows that could be read, each with its row (or feature)
 * number, and every problem found. The file is imported only when there is no problem at all.
 */
public record PlaceImport(List<Row> rows, List<Problem> problems) {

  /** One place of the file. */
  public record Row(long number, String code, PlaceData data) {}

  /** What is wrong in a row (0 for the whole file) and which field. */
  public record Problem(long row, String field, String message) {}

  public PlaceImport {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  public boolean acceptable() {
    return problems.isEmpty();
  }

  public static PlaceImport rejected(String message) {
    return new PlaceImport(List.of(), List.of(new Problem(0, "", message)));
  }
}
