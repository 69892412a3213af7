package it.ksanctions.articles.domain;

import it.ksanctions.shared.RuleViolation;
import java.time.LocalDate;

/**
 * The article version offered to the engine was not in force on the day of the violation. SPEC
 * ART-2 requires the version valid on that day; applying another one would put the wrong amounts in
 * the verbale, so the engine refuses instead of guessing.
 */
public class ArticleVersionNotInForceException extends IllegalArgumentException
    implements RuleViolation {

  private static final long serialVersionUID = 1L;

  public ArticleVersionNotInForceException(ArticleVersion version, LocalDate violationDay) {
    super(
        "Article "
            + version.code()
            + " version valid from "
            + version.validFrom()
            + (version.validTo() == null ? " (open-ended)" : " to " + version.validTo())
            + " is not in force on the violation day "
            + violationDay);
  }

  @Override
  public String code() {
    return "articles.version.not-in-force";
  }

  @Override
  public String italianMessage() {
    return "La versione dell'articolo non è in vigore nel giorno della violazione: si applica la"
        + " versione valida in quel giorno. Dettaglio: "
        + getMessage();
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
