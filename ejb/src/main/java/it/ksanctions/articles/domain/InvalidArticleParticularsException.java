package it.ksanctions.articles.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Locale;

/**
 * A short description, licence points or operating notes that an article version cannot carry
 * ({@link ArticleParticulars}): refused with the field named, in the administrator's words.
 */
public class InvalidArticleParticularsException extends IllegalArgumentException
    implements RuleViolation {

  private static final long serialVersionUID = 1L;

  /** The field that is wrong. */
  public enum Field {
    SHORT_DESCRIPTION,
    POINTS,
    OPERATING_NOTES
  }

  private final Field field;

  public InvalidArticleParticularsException(Field field, String message) {
    super(message);
    this.field = field;
  }

  public Field field() {
    return field;
  }

  @Override
  public String code() {
    return "articles." + field.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".invalid";
  }

  @Override
  public String italianMessage() {
    return switch (field) {
      case SHORT_DESCRIPTION ->
          "La descrizione breve è obbligatoria e ha al più "
              + ArticleParticulars.SHORT_DESCRIPTION_MAX
              + " caratteri (è quella mostrata negli elenchi e sul palmare).";
      case POINTS ->
          "I punti patente sono un numero intero da 0 a "
              + ArticleParticulars.POINTS_MAX
              + " (0 se la violazione non comporta decurtazione; il raddoppio per i neopatentati"
              + " non va indicato).";
      case OPERATING_NOTES ->
          "Le note operative hanno al più "
              + ArticleParticulars.OPERATING_NOTES_MAX
              + " caratteri.";
    };
  }

  @Override
  public Kind kind() {
    return Kind.INVALID_INPUT;
  }
}
