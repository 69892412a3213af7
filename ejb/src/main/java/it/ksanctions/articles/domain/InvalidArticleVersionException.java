package it.ksanctions.articles.domain;

/**
 * An article version whose amounts or validity cannot be applied: missing, zero, negative or
 * sub-cent amounts, a minimum above the maximum, a validity that ends before it starts. It is the
 * "importo non valido" anomaly of SPEC ART-8, caught before any amount reaches a verbale.
 */
public class InvalidArticleVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidArticleVersionException(ArticleCode code, String reason) {
    super("Article " + code + ": " + reason);
  }
}
