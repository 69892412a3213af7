package it.ksanctions.articles.domain;

import it.ksanctions.shared.RuleViolation;

/**
 * A change to an article's catalogue entry that the rules refuse (SPEC ART-2, ART-7). The {@link
 * Reason} is stable, for the user interface to show its own message.
 */
public class ArticleChangeRefusedException extends IllegalArgumentException
    implements RuleViolation {

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

  @Override
  public String code() {
    return "articles.change." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Override
  public String italianMessage() {
    return switch (reason) {
      case AUTHOR_REQUIRED -> "La modifica deve indicare il suo autore.";
      case CONFIRMATION_REQUIRED ->
          "Le modifiche di importi o descrizioni richiedono la conferma esplicita.";
      case REASON_REQUIRED -> "Indicare la motivazione della modifica.";
      case LEGAL_SOURCE_REQUIRED -> "Indicare la fonte normativa (legge, decreto, ordinanza).";
      case NOT_AFTER_CURRENT_VERSION ->
          "La nuova versione deve iniziare dopo l'inizio della versione in vigore.";
      case DIFFERENT_ARTICLE -> "Le versioni appartengono ad articoli diversi.";
      case IN_USE -> "L'articolo è usato da preavvisi o verbali: non si può eliminare.";
      case NOT_ACTIVE -> "Solo un articolo attivo riceve nuove versioni.";
    };
  }
}
