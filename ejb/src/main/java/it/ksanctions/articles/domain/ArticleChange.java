package it.ksanctions.articles.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who changes an article, when, why and on which legal basis (SPEC ART-2: "every change traced:
 * user, date, reason, legal source"), with the administrator's explicit confirmation that ART-7
 * requires for changes to amounts or descriptions.
 */
public record ArticleChange(
    String author, Instant at, boolean confirmed, String reason, String legalSource) {

  public ArticleChange {
    Objects.requireNonNull(at, "at");
    if (author == null || author.isBlank()) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.AUTHOR_REQUIRED,
          "Every change to an article names its author");
    }
    if (!confirmed) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.CONFIRMATION_REQUIRED,
          "Changes to amounts or descriptions need the administrator's explicit confirmation");
    }
    if (reason == null || reason.isBlank()) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.REASON_REQUIRED,
          "Every change to an article needs a reason");
    }
    if (legalSource == null || legalSource.isBlank()) {
      throw new ArticleChangeRefusedException(
          ArticleChangeRefusedException.Reason.LEGAL_SOURCE_REQUIRED,
          "Every change to an article needs its legal source (law, decree, ordinance)");
    }
    author = author.strip();
    reason = reason.strip();
    legalSource = legalSource.strip();
  }
}
