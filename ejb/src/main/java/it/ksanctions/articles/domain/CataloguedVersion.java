package it.ksanctions.articles.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One version of an article as the catalogue publishes it to the other contexts and to the pages:
 * the terms the amount engine applies ({@link #terms()}) with the description, category, status,
 * legal source and the change that made it. Immutable; JavaBean getters so that pages read it like
 * any bean.
 */
public final class CataloguedVersion {

  private final ArticleVersion terms;
  private final String description;
  private final String category;
  private final boolean localRegulation;
  private final String status;
  private final String legalSource;
  private final String changedBy;
  private final Instant changedAt;
  private final String changeReason;
  private final ArticleParticulars particulars;

  /**
   * A version without particulars of its own: short description from the description, no points.
   */
  public CataloguedVersion(
      ArticleVersion terms,
      String description,
      String category,
      boolean localRegulation,
      String status,
      String legalSource,
      String changedBy,
      Instant changedAt,
      String changeReason) {
    this(
        terms,
        description,
        category,
        localRegulation,
        status,
        legalSource,
        changedBy,
        changedAt,
        changeReason,
        ArticleParticulars.fromDescription(description));
  }

  /** A version with its short description, licence points and operating notes (SPEC ART-1). */
  public CataloguedVersion(
      ArticleVersion terms,
      String description,
      String category,
      boolean localRegulation,
      String status,
      String legalSource,
      String changedBy,
      Instant changedAt,
      String changeReason,
      ArticleParticulars particulars) {
    this.particulars = java.util.Objects.requireNonNull(particulars, "particulars");
    this.terms = terms;
    this.description = description;
    this.category = category;
    this.localRegulation = localRegulation;
    this.status = status;
    this.legalSource = legalSource;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.changeReason = changeReason;
  }

  /** The terms the amount-and-deadline engine applies. */
  public ArticleVersion terms() {
    return terms;
  }

  public String getCode() {
    return terms.code().value();
  }

  public String getDescription() {
    return description;
  }

  /** The short description (at most 80 characters) shown in lists and on the handheld. */
  public String getShortDescription() {
    return particulars.shortDescription();
  }

  /** The licence points of art. 126-bis CdS, 0 when none (not doubled for new drivers). */
  public int getPoints() {
    return particulars.points();
  }

  /** Free text for officers, or null. */
  public String getOperatingNotes() {
    return particulars.operatingNotes();
  }

  /** Short description, points and operating notes together. */
  public ArticleParticulars particulars() {
    return particulars;
  }

  public String getCategory() {
    return category;
  }

  public boolean isLocalRegulation() {
    return localRegulation;
  }

  public BigDecimal getMinimumAmount() {
    return terms.minimum();
  }

  public BigDecimal getMaximumAmount() {
    return terms.maximum();
  }

  /** The reduced amount the Giunta set for a local regulation (ADR 0004), or null. */
  public BigDecimal getMunicipalReducedAmount() {
    return terms.municipalReducedAmount();
  }

  /** Whether the night increase applies (never for a local regulation). */
  public boolean isNightIncrease() {
    return terms.nightIncreaseApplies();
  }

  public Set<AccessorySanction> getAccessorySanctions() {
    return terms.accessorySanctions();
  }

  public String getStatus() {
    return status;
  }

  public LocalDate getValidFrom() {
    return terms.validFrom();
  }

  public LocalDate getValidTo() {
    return terms.validTo();
  }

  public String getLegalSource() {
    return legalSource;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangeReason() {
    return changeReason;
  }
}
