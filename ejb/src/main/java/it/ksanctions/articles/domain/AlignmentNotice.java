package it.ksanctions.articles.domain;

import java.time.LocalDate;

/**
 * An inconsistency between the versions of one article that an administrator must look at (SPEC
 * ART-7 "inconsistencies between versions raise an alignment notice", ART-8).
 *
 * @param day the first day concerned
 */
public record AlignmentNotice(ArticleCode code, Kind kind, LocalDate day, String message) {

  /** The kinds of inconsistency. */
  public enum Kind {
    /** Days between two versions that no version covers: violations on them cannot be priced. */
    GAP,
    /** Days covered by two versions: the amount of a violation would be ambiguous. */
    OVERLAP,
    /** A repealed article still used by pre-notices or verbali (ART-8). */
    REPEALED_IN_USE
  }
}
