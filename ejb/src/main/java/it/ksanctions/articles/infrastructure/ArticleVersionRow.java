package it.ksanctions.articles.infrastructure;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.CataloguedVersion;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A row of table {@code article_version} (tenant schema). The rules live in the domain record
 * {@link ArticleVersion}; this class only maps the row and converts it. Read-mostly and identical
 * primary keys exist in every tenant, hence second-level cacheable with tenant-aware keys.
 */
@Entity
@Cacheable
@Table(name = "article_version")
public class ArticleVersionRow {

  @Id
  @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "code", nullable = false)
  private String code;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "minimum_amount", nullable = false)
  private BigDecimal minimumAmount;

  @Column(name = "maximum_amount", nullable = false)
  private BigDecimal maximumAmount;

  @Column(name = "night_increase", nullable = false)
  private boolean nightIncrease;

  /**
   * The reduced amount set by the Giunta for a local regulation (L. 689/1981 art. 16 c. 2), null
   * when none is set (art. 16 c. 1 applies) and always null for Highway Code articles.
   */
  @Column(name = "municipal_reduced_amount")
  private BigDecimal municipalReducedAmount;

  @Column(name = "accessory_sanctions", nullable = false)
  private String accessorySanctions;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Column(name = "legal_source", nullable = false)
  private String legalSource;

  @Column(name = "category", nullable = false)
  private String category;

  @Column(name = "local_regulation", nullable = false)
  private boolean localRegulation;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private java.time.Instant changedAt;

  @Column(name = "change_reason", nullable = false)
  private String changeReason;

  /** At most 80 characters: lists and the handheld (SPEC ART-1; migration V14). */
  @Column(name = "short_description", nullable = false)
  private String shortDescription;

  /** Licence points of art. 126-bis CdS, 0–10, 0 when none. */
  @Column(name = "points", nullable = false)
  private int points;

  @Column(name = "operating_notes")
  private String operatingNotes;

  protected ArticleVersionRow() {}

  /**
   * A new version as stored, with who made it, when, why and on which legal basis; its short
   * description taken from the description, no points, no operating notes.
   */
  public static ArticleVersionRow of(
      ArticleVersion version,
      String description,
      String category,
      boolean localRegulation,
      it.ksanctions.articles.domain.ArticleChange change) {
    return of(
        version,
        description,
        ArticleParticulars.fromDescription(description),
        category,
        localRegulation,
        change);
  }

  /**
   * A new version as stored, with its short description, licence points and operating notes, and
   * who made it, when, why and on which legal basis.
   */
  public static ArticleVersionRow of(
      ArticleVersion version,
      String description,
      ArticleParticulars particulars,
      String category,
      boolean localRegulation,
      it.ksanctions.articles.domain.ArticleChange change) {
    ArticleVersionRow row = new ArticleVersionRow();
    row.code = version.code().value();
    row.description = description;
    row.shortDescription = particulars.shortDescription();
    row.points = particulars.points();
    row.operatingNotes = particulars.operatingNotes();
    row.minimumAmount = version.minimum();
    row.maximumAmount = version.maximum();
    row.nightIncrease = version.nightIncreaseApplies();
    row.municipalReducedAmount = version.municipalReducedAmount();
    row.accessorySanctions =
        version.accessorySanctions().stream()
            .map(Enum::name)
            .sorted()
            .collect(Collectors.joining(","));
    row.status = "ACTIVE";
    row.validFrom = version.validFrom();
    row.validTo = version.validTo();
    row.legalSource = change.legalSource();
    row.category = category;
    row.localRegulation = localRegulation;
    row.changedBy = change.author();
    row.changedAt = change.at();
    row.changeReason = change.reason();
    return row;
  }

  /** The version ends the day before a newer one starts (or the article is repealed). */
  public void endOn(LocalDate lastDay) {
    this.validTo = lastDay;
  }

  public void changeStatus(String newStatus) {
    this.status = newStatus;
  }

  /** The change that produced this version, as the domain records it. */
  public it.ksanctions.articles.domain.ArticleChange change() {
    return new it.ksanctions.articles.domain.ArticleChange(
        changedBy, changedAt, true, changeReason, legalSource);
  }

  public String getCategory() {
    return category;
  }

  public boolean isLocalRegulation() {
    return localRegulation;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public java.time.Instant getChangedAt() {
    return changedAt;
  }

  public String getChangeReason() {
    return changeReason;
  }

  /**
   * The domain view used by the amount-and-deadline engine, with the reduced amount the Giunta set
   * for a local regulation (L. 689/1981 art. 16 c. 2, ADR 0004) when the row has one.
   */
  public ArticleVersion toDomain() {
    return new ArticleVersion(
        ArticleCode.parse(code),
        minimumAmount,
        maximumAmount,
        nightIncrease,
        sanctions(),
        validFrom,
        validTo,
        municipalReducedAmount);
  }

  /** This version as the catalogue publishes it. */
  public CataloguedVersion toCatalogued() {
    return new CataloguedVersion(
        toDomain(),
        description,
        category,
        localRegulation,
        status,
        legalSource,
        changedBy,
        changedAt,
        changeReason,
        particulars());
  }

  /** Short description, points and operating notes as the domain checks them. */
  public ArticleParticulars particulars() {
    return new ArticleParticulars(
        shortDescription == null || shortDescription.isBlank()
            ? ArticleParticulars.shortened(description)
            : shortDescription,
        points,
        operatingNotes);
  }

  public String getShortDescription() {
    return shortDescription;
  }

  public int getPoints() {
    return points;
  }

  public String getOperatingNotes() {
    return operatingNotes;
  }

  private Set<AccessorySanction> sanctions() {
    if (accessorySanctions == null || accessorySanctions.isBlank()) {
      return EnumSet.noneOf(AccessorySanction.class);
    }
    return Arrays.stream(accessorySanctions.split(","))
        .map(String::strip)
        .map(AccessorySanction::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(AccessorySanction.class)));
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getDescription() {
    return description;
  }

  public BigDecimal getMinimumAmount() {
    return minimumAmount;
  }

  public BigDecimal getMaximumAmount() {
    return maximumAmount;
  }

  /**
   * The reduced amount set by the Giunta (L. 689/1981 art. 16 c. 2), or null when none is set: the
   * payment in reduced measure then follows art. 16 c. 1. Always null for Highway Code articles.
   */
  public BigDecimal getMunicipalReducedAmount() {
    return municipalReducedAmount;
  }

  /**
   * Whether the night increase applies: never for a local regulation (art. 195 c. 2-bis is a
   * Highway Code rule), even if the row was stored with the flag set, so that what the catalogue
   * shows agrees with what the engine computes.
   */
  public boolean isNightIncrease() {
    return nightIncrease && ArticleCode.parse(code).isHighwayCode();
  }

  public Set<AccessorySanction> getAccessorySanctions() {
    return sanctions();
  }

  public String getStatus() {
    return status;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public String getLegalSource() {
    return legalSource;
  }
}
