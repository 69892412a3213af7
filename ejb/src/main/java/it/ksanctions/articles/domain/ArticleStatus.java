package it.ksanctions.articles.domain;

/** Status of an article in a command's catalogue (SPEC ART-1). */
public enum ArticleStatus {
  /** Applied to new violations. */
  ACTIVE,
  /** Temporarily not applied (e.g. pending a legal clarification); versions are kept. */
  SUSPENDED,
  /** No longer in force for violations after the repeal; kept for the violations before it. */
  REPEALED
}
