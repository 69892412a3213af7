package it.ksanctions.command.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the revenue of each violation type is split over budget chapters (CMD-3): several chapters
 * per type (e.g. 50 % to the municipality and 50 % to the road owner for speed cameras, art. 142 c.
 * 12-bis CdS), percentages with at most two decimals, each above 0 and the shares of one type
 * totalling exactly 100 %. The violation type is an article category of the Articles module (e.g.
 * {@code Velocità}) or {@link #DEFAULT_TYPE} for every violation without a plan of its own.
 */
public final class AllocationPlan {

  /** The type whose plan applies to violations of a category without a plan of its own. */
  public static final String DEFAULT_TYPE = "TUTTE";

  private static final BigDecimal HUNDRED = new BigDecimal("100.00");
  private static final Pattern TYPE = Pattern.compile("^[\\p{L}0-9][\\p{L}0-9 '.,/()-]{0,59}$");

  private AllocationPlan() {}

  /**
   * Checks the shares of one violation type, returning them normalised; {@code revenueChapters} are
   * the codes of the active revenue chapters.
   */
  public static List<ChapterAllocation> checkType(
      String violationType, List<ChapterAllocation> shares, Set<String> revenueChapters) {
    String type = violationType == null ? null : violationType.strip();
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new CommandRuleException(
          "command.allocation.type-invalid",
          "Tipo di violazione non valido: indicare una categoria di articoli (es. Velocità) o "
              + DEFAULT_TYPE
              + ".");
    }
    if (shares.isEmpty()) {
      throw new CommandRuleException(
          "command.allocation.empty",
          "Indicare almeno un capitolo per il tipo di violazione " + type + ".");
    }
    List<ChapterAllocation> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BigDecimal total = BigDecimal.ZERO;
    for (ChapterAllocation share : shares) {
      String chapter =
          share.chapterCode() == null
              ? ""
              : share.chapterCode().strip().toUpperCase(java.util.Locale.ROOT);
      if (chapter.isEmpty()) {
        throw new CommandRuleException(
            "command.allocation.chapter-not-revenue",
            "Indicare il capitolo di entrata di ogni quota di " + type + ".");
      }
      if (!revenueChapters.contains(chapter)) {
        throw new CommandRuleException(
            "command.allocation.chapter-not-revenue",
            "Il capitolo "
                + chapter
                + " non esiste, non è attivo o non è un capitolo di entrata: le sanzioni si"
                + " imputano solo a capitoli di entrata attivi.");
      }
      if (!seen.add(chapter)) {
        throw new CommandRuleException(
            "command.allocation.chapter-repeated",
            "Il capitolo " + chapter + " compare due volte per " + type + ": unire le quote.");
      }
      BigDecimal p = share.percentage();
      if (p == null
          || p.signum() <= 0
          || p.compareTo(HUNDRED) > 0
          || p.stripTrailingZeros().scale() > 2) {
        throw new CommandRuleException(
            "command.allocation.percentage-invalid",
            "Percentuale del capitolo "
                + chapter
                + " non valida: un numero maggiore di 0 e fino a 100, con al più due decimali.");
      }
      BigDecimal normalised = p.setScale(2, RoundingMode.UNNECESSARY);
      total = total.add(normalised);
      result.add(new ChapterAllocation(type, chapter, normalised));
    }
    if (total.compareTo(HUNDRED) != 0) {
      throw new CommandRuleException(
          "command.allocation.total-not-100",
          "Le percentuali di "
              + type
              + " sommano "
              + total.toPlainString().replace('.', ',')
              + "%: devono fare esattamente 100%.");
    }
    return List.copyOf(result);
  }

  /**
   * The types whose shares do not total 100 % (CMD-8 "errore di calcolo sulle percentuali"), with
   * their sum: empty when every plan is whole.
   */
  public static Map<String, BigDecimal> incompleteTypes(List<ChapterAllocation> all) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (ChapterAllocation a : all) {
      sums.merge(a.violationType(), a.percentage(), BigDecimal::add);
    }
    sums.values().removeIf(sum -> sum.compareTo(HUNDRED) == 0);
    return sums;
  }
}
