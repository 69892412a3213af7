package it.ksanctions.articles.domain;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * The night increase of art. 195 c. 2-bis CdS: the fine for a violation of arts. 141, 142, 145,
 * 146, 149, 154, 174, 176 c. 19–20 or 178 committed between 22:00 and 07:00 is increased by one
 * third.
 *
 * <p><b>Boundaries.</b> We read it as the half-open interval [22:00:00, 07:00:00) of local civil
 * time in Italy: 21:59:59 is day, 22:00:00 is night, 06:59:59 is night, 07:00:00 is day. The
 * statute says "after 22 and before 7" ("dopo le ore 22 e prima delle ore 7"); times on a verbale
 * or a device record are truncated to the second, so a recorded 22:00:00 means a moment within that
 * second, i.e. after 22, and a recorded 07:00:00 a moment that is no longer before 7. The whole
 * reading lives in {@link #isNightTime(LocalTime)}.
 *
 * <p>The list of articles decides the default of {@link ArticleVersion#nightIncreaseApplies()} for
 * national articles ({@link #appliesByLaw}); the engine then follows the version, which is the
 * catalogue's data (SPEC ART-1 lists night time among an article's increases).
 */
public final class NightTimeIncrease {

  /** First instant of night, included. */
  public static final LocalTime NIGHT_STARTS = LocalTime.of(22, 0);

  /** First instant of day, when night is over. */
  public static final LocalTime NIGHT_ENDS = LocalTime.of(7, 0);

  private static final Set<Integer> WHOLE_ARTICLES = Set.of(141, 142, 145, 146, 149, 154, 174, 178);

  private NightTimeIncrease() {}

  /** Whether a violation at this local time falls in the night hours. */
  public static boolean isNightTime(LocalTime time) {
    return !time.isBefore(NIGHT_STARTS) || time.isBefore(NIGHT_ENDS);
  }

  /** Whether a violation at this local date-time falls in the night hours. */
  public static boolean isNightTime(LocalDateTime violation) {
    return isNightTime(violation.toLocalTime());
  }

  /** Whether art. 195 c. 2-bis lists this article (176 only for paragraphs 19 and 20). */
  public static boolean appliesByLaw(ArticleCode code) {
    for (int article : WHOLE_ARTICLES) {
      if (code.isHighwayArticle(article)) {
        return true;
      }
    }
    return code.isHighwayParagraph(176, 19) || code.isHighwayParagraph(176, 20);
  }
}
