package it.ksanctions.articles.domain;

import it.ksanctions.shared.RuleViolation;

/** An article code that is neither a Highway Code reference nor a valid local code (ART-8). */
public class InvalidArticleCodeException extends IllegalArgumentException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  public InvalidArticleCodeException(String code, String reason) {
    super("Invalid article code '" + code + "': " + reason);
  }

  @Override
  public String code() {
    return "articles.code.invalid";
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
