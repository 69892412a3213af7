package it.ksanctions.articles.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * All versions of one article in a command's catalogue, and the rules for changing them (SPEC
 * ART-2, ART-7, ART-8).
 *
 * <p>Changes are non-destructive: a change of amounts or sanctions from a given day adds a new
 * version starting that day and closes the version in force the day before; earlier versions are
 * never altered otherwise, so a violation is always priced with the version valid on its day. Every
 * change carries an {@link ArticleChange} (author, confirmation, reason, legal source). An article
 * is never deleted once used; a repeal ends its last version instead. {@link #alignmentNotices}
 * lists gaps and overlaps between versions, and a repealed article still in use.
 */
public final class ArticleHistory {

  /** A version with the change that created it (null for versions loaded without history). */
  public record Entry(ArticleVersion version, ArticleChange change) {}

  private final ArticleCode code;
  private final List<Entry> entries;
  private final ArticleStatus status;
  private final ArticleChange statusChange;

  private ArticleHistory(
      ArticleCode code, List<Entry> entries, ArticleStatus status, ArticleChange statusChange) {
    this.code = code;
    this.entries = List.copyOf(entries);
    this.status = status;
    this.statusChange = statusChange;
  }

  /** The history of a new article, starting with its first version. */
  public static ArticleHistory start(ArticleVersion first, ArticleChange change) {
    Objects.requireNonNull(change, "change");
    return new ArticleHistory(
        first.code(), List.of(new Entry(first, change)), ArticleStatus.ACTIVE, null);
  }

  /** The history as stored (versions in any order), for checks and further changes. */
  public static ArticleHistory of(List<ArticleVersion> versions, ArticleStatus status) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("An article has at least one version");
    }
    ArticleCode code = versions.get(0).code();
    for (ArticleVersion v : versions) {
      if (!v.code().equals(code)) {
        throw new ArticleChangeRefusedException(
            ArticleChangeRefusedException.Reason.DIFFERENT_ARTICLE,
            "Versions of " + v.code() + " cannot join the history of " + code);
      }
    }
    List<Entry> sorted =
        versions.stream()
            .sorted(Comparator.comparing(ArticleVersion::validFrom))
            .map(v -> new Entry(v, null))
            .toList();
    return new ArticleHistory(code, sorted, Objects.requireNonNull(status, "status"), null);
  }

  /**
   * The article with new amounts and accessory sanctions from {@code from}: the version in force
   * the day before ends then, the new version starts on {@code from} with no end. A local article's
   * municipal reduced amount is kept while it fits the new limits.
   */
  public ArticleHistory changeFrom(
      LocalDate from,
      BigDecimal minimum,
      BigDecimal maximum,
      Set<AccessorySanction> sanctions,
      ArticleChange change) {
    ArticleVersion latest = latest();
    return changeFrom(
        from,
        minimum,
        maximum,
        carriedMunicipalAmount(latest, minimum, maximum),
        latest.nightIncreaseApplies(),
        sanctions,
        change);
  }

  /**
   * The article with new amounts, municipal reduced amount, night increase and accessory sanctions
   * from {@code from}, each as given (the back office's form, which shows the current values): the
   * version in force the day before ends then, the new version starts on {@code from} with no end.
   * {@code municipalReducedAmount} null means none (L. 689/1981 art. 16 c. 1); the night flag is
   * dropped for a local article (see {@link ArticleVersion}).
   */
  public ArticleHistory changeFrom(
      LocalDate from,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      ArticleChange change) {
    Objects.requireNonNull(change, "change");
    if (status != ArticleStatus.ACTIVE) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.NOT_ACTIVE,
          "Article "
              + code.value()
              + " is "
              + status
              + ": only an active article gets new versions");
    }
    ArticleVersion latest = latest();
    if (!from.isAfter(latest.validFrom())) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.NOT_AFTER_CURRENT_VERSION,
          "A new version of "
              + code.value()
              + " must start after "
              + latest.validFrom()
              + ", the start of the latest one");
    }
    ArticleVersion next =
        new ArticleVersion(
            code, minimum, maximum, nightIncrease, sanctions, from, null, municipalReducedAmount);
    List<Entry> changed = new ArrayList<>(entries.subList(0, entries.size() - 1));
    changed.add(
        new Entry(ended(latest, from.minusDays(1)), entries.get(entries.size() - 1).change()));
    changed.add(new Entry(next, change));
    return new ArticleHistory(code, changed, status, statusChange);
  }

  /** The article repealed from {@code from}: its last version ends the day before. */
  public ArticleHistory repealFrom(LocalDate from, ArticleChange change) {
    Objects.requireNonNull(change, "change");
    ArticleVersion latest = latest();
    if (!from.isAfter(latest.validFrom())) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.NOT_AFTER_CURRENT_VERSION,
          "The repeal of " + code.value() + " must start after " + latest.validFrom());
    }
    List<Entry> changed = new ArrayList<>(entries.subList(0, entries.size() - 1));
    changed.add(
        new Entry(ended(latest, from.minusDays(1)), entries.get(entries.size() - 1).change()));
    return new ArticleHistory(code, changed, ArticleStatus.REPEALED, change);
  }

  /**
   * Refuses the deletion of an article used by pre-notices or verbali (ART-7); an unused one may be
   * removed from the catalogue.
   */
  public void ensureDeletable(long usesByPreNoticesOrVerbali) {
    if (usesByPreNoticesOrVerbali > 0) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.IN_USE,
          "Article "
              + code.value()
              + " is used by "
              + usesByPreNoticesOrVerbali
              + " pre-notices or verbali: it cannot be deleted, it can be repealed");
    }
  }

  /** The version applicable to a violation on {@code day}, if any. */
  public Optional<ArticleVersion> inForceOn(LocalDate day) {
    return entries.stream().map(Entry::version).filter(v -> v.isInForceOn(day)).findFirst();
  }

  /** Gaps and overlaps between versions, and a repealed article still used (ART-7, ART-8). */
  public List<AlignmentNotice> alignmentNotices(long usesByOpenRecords) {
    List<AlignmentNotice> notices = new ArrayList<>();
    for (int i = 1; i < entries.size(); i++) {
      ArticleVersion previous = entries.get(i - 1).version();
      ArticleVersion next = entries.get(i).version();
      if (previous.validTo() == null || !previous.validTo().isBefore(next.validFrom())) {
        notices.add(
            new AlignmentNotice(
                code,
                AlignmentNotice.Kind.OVERLAP,
                next.validFrom(),
                "Versions of "
                    + code.value()
                    + " from "
                    + previous.validFrom()
                    + " and from "
                    + next.validFrom()
                    + " overlap"));
      } else if (previous.validTo().plusDays(1).isBefore(next.validFrom())) {
        notices.add(
            new AlignmentNotice(
                code,
                AlignmentNotice.Kind.GAP,
                previous.validTo().plusDays(1),
                "No version of "
                    + code.value()
                    + " is in force from "
                    + previous.validTo().plusDays(1)
                    + " to "
                    + next.validFrom().minusDays(1)));
      }
    }
    if (status == ArticleStatus.REPEALED && usesByOpenRecords > 0) {
      notices.add(
          new AlignmentNotice(
              code,
              AlignmentNotice.Kind.REPEALED_IN_USE,
              latest().validTo(),
              "Article "
                  + code.value()
                  + " is repealed but still used by "
                  + usesByOpenRecords
                  + " open pre-notices or verbali"));
    }
    return notices;
  }

  private static ArticleVersion ended(ArticleVersion version, LocalDate lastDay) {
    return version.endingOn(lastDay);
  }

  /**
   * The Giunta's reduced amount of a local article (L. 689/1981 art. 16 c. 2) stays with the new
   * version while it lies within the new limits; outside them the deliberation no longer fits the
   * regulation ("all'interno del limite edittale minimo e massimo") and the new version falls back
   * to art. 16 c. 1 until the command records a new amount.
   */
  private static BigDecimal carriedMunicipalAmount(
      ArticleVersion latest, BigDecimal minimum, BigDecimal maximum) {
    BigDecimal amount = latest.municipalReducedAmount();
    if (amount == null || minimum == null || maximum == null) {
      return null;
    }
    return amount.compareTo(minimum) >= 0 && amount.compareTo(maximum) <= 0 ? amount : null;
  }

  private ArticleVersion latest() {
    return entries.get(entries.size() - 1).version();
  }

  public ArticleCode code() {
    return code;
  }

  public ArticleStatus status() {
    return status;
  }

  /** The change that last set the status (e.g. the repeal), if any. */
  public Optional<ArticleChange> statusChange() {
    return Optional.ofNullable(statusChange);
  }

  /** The versions, oldest first, each with the change that created it. */
  public List<Entry> entries() {
    return entries;
  }
}
