package it.ksanctions.articles.domain;

import it.ksanctions.shared.RuleViolation;

/**
 * An article version whose amounts or validity cannot be applied: missing, zero, negative or
 * sub-cent amounts, a minimum above the maximum, a validity that ends before it starts. It is the
 * "importo non valido" anomaly of SPEC ART-8, caught before any amount reaches a verbale.
 */
public class InvalidArticleVersionException extends IllegalArgumentException
    implements RuleViolation {

  private static final long serialVersionUID = 1L;

  public InvalidArticleVersionException(ArticleCode code, String reason) {
    super("Article " + code + ": " + reason);
  }

  @Override
  public String code() {
    return "articles.version.invalid";
  }

  @Override
  public String italianMessage() {
    return "Dati dell'articolo non validi: codice nella forma 142c8 (o codice locale in"
        + " maiuscolo), importi maggiori di zero con al più due decimali, minimo non superiore"
        + " al massimo, data di inizio obbligatoria. Dettaglio: "
        + getMessage();
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
