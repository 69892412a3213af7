package it.ksanctions.articles.domain;

/**
 * A change to an article's catalogue entry that the rules refuse (SPEC ART-2, ART-7). The {@link
 * Reason} is stable, for the user interface to show its own message.
 */
public class ArticleChangeRefusedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Why the change was refused. */
  public enum Reason {
    AUTHOR_REQUIRED,
    CONFIRMATION_REQUIRED,
    REASON_REQUIRED,
    LEGAL_SOURCE_REQUIRED,
    NOT_AFTER_CURRENT_VERSION,
    DIFFERENT_ARTICLE,
    IN_USE,
    NOT_ACTIVE
  }

  private final Reason reason;

  public ArticleChangeRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
