package it.ksanctions.articles.domain;

import java.util.Objects;

/**
 * What officers read of an article version besides its amounts (SPEC ART-1): the short description
 * shown in lists and on the handheld, the licence points the violation costs, and the operating
 * notes.
 *
 * <ul>
 *   <li>{@code shortDescription}: at most {@value #SHORT_DESCRIPTION_MAX} characters, never blank;
 *       when none is given it is taken from the full description ({@link #of}).
 *   <li>{@code points}: the points of art. 126-bis CdS, 0 to {@value #POINTS_MAX}, 0 when none. The
 *       doubling for licences held for less than three years is not stored: it is a rule of the
 *       points communication.
 *   <li>{@code operatingNotes}: free text for officers (e.g. "Applicare solo in area pedonale"), at
 *       most {@value #OPERATING_NOTES_MAX} characters, null when there are none.
 * </ul>
 *
 * A change of points is a change of what the violation costs: like amounts, it makes a new version
 * with the administrator's confirmation, reason and legal source ({@link ArticleChange}).
 */
public record ArticleParticulars(String shortDescription, int points, String operatingNotes) {

  public static final int SHORT_DESCRIPTION_MAX = 80;
  public static final int POINTS_MAX = 10;
  public static final int OPERATING_NOTES_MAX = 2000;

  public ArticleParticulars {
    if (shortDescription == null || shortDescription.isBlank()) {
      throw new InvalidArticleParticularsException(
          InvalidArticleParticularsException.Field.SHORT_DESCRIPTION,
          "a short description is required");
    }
    shortDescription = shortDescription.strip();
    if (shortDescription.length() > SHORT_DESCRIPTION_MAX) {
      throw new InvalidArticleParticularsException(
          InvalidArticleParticularsException.Field.SHORT_DESCRIPTION,
          "the short description has "
              + shortDescription.length()
              + " characters, at most "
              + SHORT_DESCRIPTION_MAX
              + " are allowed");
    }
    if (points < 0 || points > POINTS_MAX) {
      throw new InvalidArticleParticularsException(
          InvalidArticleParticularsException.Field.POINTS,
          "licence points " + points + " are outside 0–" + POINTS_MAX);
    }
    operatingNotes =
        operatingNotes == null || operatingNotes.isBlank() ? null : operatingNotes.strip();
    if (operatingNotes != null && operatingNotes.length() > OPERATING_NOTES_MAX) {
      throw new InvalidArticleParticularsException(
          InvalidArticleParticularsException.Field.OPERATING_NOTES,
          "the operating notes have "
              + operatingNotes.length()
              + " characters, at most "
              + OPERATING_NOTES_MAX
              + " are allowed");
    }
  }

  /**
   * The particulars as a form or an import gives them: a blank short description is taken from the
   * full description ({@link #shortened}), null points are 0, blank notes are none.
   */
  public static ArticleParticulars of(
      String shortDescription, String description, Integer points, String operatingNotes) {
    String shortText =
        shortDescription == null || shortDescription.isBlank()
            ? shortened(description)
            : shortDescription;
    return new ArticleParticulars(shortText, points == null ? 0 : points, operatingNotes);
  }

  /** Only the short description, taken from the full one: no points, no notes. */
  public static ArticleParticulars fromDescription(String description) {
    return of(null, description, 0, null);
  }

  /**
   * The first {@value #SHORT_DESCRIPTION_MAX} characters of a description, cut with an ellipsis
   * when longer (as migration V14 did for the rows stored before it).
   */
  public static String shortened(String description) {
    String text = Objects.requireNonNullElse(description, "").strip().replaceAll("\\s+", " ");
    return text.length() <= SHORT_DESCRIPTION_MAX
        ? text
        : text.substring(0, SHORT_DESCRIPTION_MAX - 1).stripTrailing() + "…";
  }
}
