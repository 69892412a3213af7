package it.ksanctions.articles.domain;

/** An article code that is neither a Highway Code reference nor a valid local code (ART-8). */
public class InvalidArticleCodeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidArticleCodeException(String code, String reason) {
    super("Invalid article code '" + code + "': " + reason);
  }
}
