package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.ChapterAllocation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A share of a violation type on a chapter, current while {@code validTo} is null. */
@Entity
@Table(name = "chapter_allocation")
public class AllocationRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "violation_type")
  private String violationType;

  @Column(name = "chapter_code")
  private String chapterCode;

  private BigDecimal percentage;

  @Column(name = "valid_from")
  private Instant validFrom;

  @Column(name = "valid_to")
  private Instant validTo;

  @Column(name = "created_by")
  private String createdBy;

  protected AllocationRow() {}

  public static AllocationRow of(ChapterAllocation a, Instant at, String by) {
    AllocationRow row = new AllocationRow();
    row.violationType = a.violationType();
    row.chapterCode = a.chapterCode();
    row.percentage = a.percentage();
    row.validFrom = at;
    row.createdBy = by;
    return row;
  }

  public ChapterAllocation toDomain() {
    return new ChapterAllocation(violationType, chapterCode, percentage);
  }

  public void close(Instant at) {
    validTo = at;
  }
}
