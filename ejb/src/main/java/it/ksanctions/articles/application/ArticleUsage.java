package it.ksanctions.articles.application;

import java.time.LocalDate;

/**
 * Port to the records that use an article code (ART-7, ART-8): pre-notices and camera detections,
 * owned by the Sanctions context, which implements this port ({@code
 * sanctions.application.SanctionsArticleUsage}). The Articles context sits below Sanctions and
 * cannot read those records itself (ADR 0006).
 */
public interface ArticleUsage {

  /** How many pre-notices and detections of the current tenant use {@code articleCode}. */
  long uses(String articleCode);

  /**
   * How many pre-notices and detections of the current tenant, not archived, use {@code
   * articleCode} for a violation on or after {@code since} (Europe/Rome day): after a repeal, the
   * records still using the article.
   */
  long openUsesSince(String articleCode, LocalDate since);
}
