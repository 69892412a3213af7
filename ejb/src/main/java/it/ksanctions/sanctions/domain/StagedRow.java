package it.ksanctions.sanctions.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A row of a camera file after its checks, as the staging area keeps it until the whole file is
 * published: a violation (with the article version in force at the detection time and the rule that
 * decided), no violation (with the rule), or refused (with every reason, by column).
 */
public record StagedRow(
    CameraRow row,
    Outcome outcome,
    String articleCode,
    LocalDate articleValidFrom,
    Integer speedLimitKmh,
    String decidedRule,
    List<CameraRow.FieldProblem> problems) {

  /** What became of a row. */
  public enum Outcome {
    VIOLATION,
    NO_VIOLATION,
    REFUSED
  }

  public static StagedRow refused(CameraRow row, List<CameraRow.FieldProblem> problems) {
    return new StagedRow(row, Outcome.REFUSED, null, null, null, null, List.copyOf(problems));
  }

  /** The problems as the report shows them, "column: reason; …". */
  public String problemsText() {
    return problems.isEmpty() ? null : CameraRow.joined(problems);
  }
}
