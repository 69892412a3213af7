package it.ksanctions.articles.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code of an article in a command's catalogue, unique per tenant (SPEC ART-7): either a Highway
 * Code reference or a local regulation's own code (ART-5), in one string so that one column and one
 * uniqueness constraint serve both.
 *
 * <p>The two kinds can never collide because they start differently:
 *
 * <ul>
 *   <li><b>Highway Code</b> codes start with a digit: article number, optional Latin suffix, then
 *       optionally {@code c} and the paragraph (comma) with its own optional suffix and an optional
 *       letter (lettera). Examples: {@code 142c8} (art. 142 c. 8), {@code 176c19}, {@code 173c3bis}
 *       (art. 173 c. 3-bis), {@code 126bisc2} (art. 126-bis c. 2), {@code 7c1a} (art. 7 c. 1 lett.
 *       a), {@code 193} (the whole article). A paragraph that prices mopeds and two-wheeled
 *       motorcycles apart has a second code ending in {@code -moto}: {@code 158c4bis} (cars and
 *       other vehicles) and {@code 158c4bis-moto}. Input is case-insensitive and may write suffixes
 *       with a hyphen ({@code 173c3-bis}); the canonical form is lower case without hyphens.
 *   <li><b>Local</b> codes start with a letter and are chosen by the command, e.g. {@code ZTL-01}
 *       or {@code RPU12}: 1–20 characters among letters, digits, {@code . _ / -}, kept in upper
 *       case.
 * </ul>
 *
 * Rules that name Highway Code articles (e.g. art. 195 c. 2-bis) ask {@link #isHighwayArticle} and
 * {@link #isHighwayParagraph} rather than comparing strings.
 */
public final class ArticleCode {

  private static final String SUFFIXES =
      "bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies";

  /**
   * The tail of a Highway Code reference whose amounts are those the paragraph sets for mopeds and
   * motorcycles with two wheels (e.g. art. 158 c. 4-bis: 165–660 instead of 330–990).
   */
  static final String TWO_WHEELERS = "-moto";

  private static final Pattern HIGHWAY_CODE =
      Pattern.compile(
          "^(\\d{1,3})(?:-?("
              + SUFFIXES
              + "))?(?:c(\\d{1,3})(?:-?("
              + SUFFIXES
              + "))?([a-z])?)?("
              + TWO_WHEELERS
              + ")?$");
  private static final Pattern LOCAL_CODE = Pattern.compile("^[A-Z][A-Z0-9._/-]{0,19}$");

  private final String value;
  private final int article;
  private final String articleSuffix;
  private final Integer paragraph;
  private final String paragraphSuffix;
  private final String letter;
  private final boolean twoWheelers;

  private ArticleCode(
      String value,
      int article,
      String articleSuffix,
      Integer paragraph,
      String paragraphSuffix,
      String letter,
      boolean twoWheelers) {
    this.value = value;
    this.article = article;
    this.articleSuffix = articleSuffix;
    this.paragraph = paragraph;
    this.paragraphSuffix = paragraphSuffix;
    this.letter = letter;
    this.twoWheelers = twoWheelers;
  }

  /**
   * Reads a stored or typed code: a Highway Code reference when it starts with a digit, a local
   * code when it starts with a letter.
   *
   * @throws InvalidArticleCodeException when the code fits neither form
   */
  public static ArticleCode parse(String code) {
    if (code == null || code.isBlank()) {
      throw new InvalidArticleCodeException(code, "an article code is required");
    }
    String trimmed = code.strip();
    if (Character.isDigit(trimmed.charAt(0))) {
      return highwayCode(trimmed);
    }
    return local(trimmed);
  }

  /** A command's own code for a local regulation or ordinance (SPEC ART-5). */
  public static ArticleCode local(String code) {
    String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!LOCAL_CODE.matcher(upper).matches()) {
      throw new InvalidArticleCodeException(
          code, "a local code starts with a letter and has at most 20 letters, digits or . _ / -");
    }
    return new ArticleCode(upper, 0, null, null, null, null, false);
  }

  private static ArticleCode highwayCode(String code) {
    String lower = code.toLowerCase(Locale.ROOT);
    Matcher m = HIGHWAY_CODE.matcher(lower);
    if (!m.matches()) {
      throw new InvalidArticleCodeException(
          code,
          "a Highway Code reference reads article, then 'c' and paragraph, e.g. 142c8 or 173c3bis");
    }
    int article = Integer.parseInt(m.group(1));
    Integer paragraph = m.group(3) == null ? null : Integer.parseInt(m.group(3));
    if (article == 0 || (paragraph != null && paragraph == 0)) {
      throw new InvalidArticleCodeException(code, "article and paragraph numbers start at 1");
    }
    StringBuilder canonical = new StringBuilder().append(article);
    appendIfPresent(canonical, m.group(2));
    if (paragraph != null) {
      canonical.append('c').append(paragraph);
      appendIfPresent(canonical, m.group(4));
      appendIfPresent(canonical, m.group(5));
    }
    boolean twoWheelers = m.group(6) != null;
    if (twoWheelers) {
      canonical.append(TWO_WHEELERS);
    }
    return new ArticleCode(
        canonical.toString(), article, m.group(2), paragraph, m.group(4), m.group(5), twoWheelers);
  }

  private static void appendIfPresent(StringBuilder target, String part) {
    if (part != null) {
      target.append(part);
    }
  }

  /** The canonical form, as stored and shown in lists: {@code 142c8}, {@code ZTL-01}. */
  public String value() {
    return value;
  }

  public boolean isHighwayCode() {
    return article > 0;
  }

  public boolean isLocal() {
    return !isHighwayCode();
  }

  /**
   * Whether this is the variant of a Highway Code paragraph for mopeds and two-wheeled motorcycles
   * ({@code 158c4bis-moto}), which the paragraph prices apart from the other vehicles.
   */
  public boolean isTwoWheelerVariant() {
    return twoWheelers;
  }

  /** The Highway Code article number, empty for local codes. */
  public OptionalInt article() {
    return isHighwayCode() ? OptionalInt.of(article) : OptionalInt.empty();
  }

  /** The paragraph (comma) number, empty for local codes and whole-article references. */
  public OptionalInt paragraph() {
    return paragraph == null ? OptionalInt.empty() : OptionalInt.of(paragraph);
  }

  /**
   * Whether this is Highway Code article {@code number} itself (any paragraph), not {@code
   * number}-bis or another suffixed article.
   */
  public boolean isHighwayArticle(int number) {
    return isHighwayCode() && article == number && articleSuffix == null;
  }

  /**
   * Whether this is paragraph {@code paragraphNumber} of Highway Code article {@code
   * articleNumber}, without suffix ({@code 176c19} is, {@code 176c19bis} would not be).
   */
  public boolean isHighwayParagraph(int articleNumber, int paragraphNumber) {
    return isHighwayArticle(articleNumber)
        && paragraph != null
        && paragraph == paragraphNumber
        && paragraphSuffix == null;
  }

  /** The reference as written in a verbale: "art. 173 c. 3-bis", "art. 7 c. 1 lett. a)". */
  public String citation() {
    if (isLocal()) {
      return value;
    }
    StringBuilder text = new StringBuilder("art. ").append(article);
    Optional.ofNullable(articleSuffix).ifPresent(s -> text.append('-').append(s));
    if (paragraph != null) {
      text.append(" c. ").append(paragraph);
      Optional.ofNullable(paragraphSuffix).ifPresent(s -> text.append('-').append(s));
      Optional.ofNullable(letter).ifPresent(l -> text.append(" lett. ").append(l).append(')'));
    }
    if (twoWheelers) {
      text.append(" (ciclomotori e motoveicoli a due ruote)");
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArticleCode code && value.equals(code.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
