package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.BudgetChapter;
import it.ksanctions.command.domain.ChapterType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A budget chapter; its changes are in the configuration register (the versioned register). */
@Entity
@Table(name = "budget_chapter")
public class ChapterRow {

  @Id private String code;
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "chapter_type")
  private ChapterType type;

  @Column(name = "payment_reason")
  private String paymentReason;

  @Column(name = "treasury_account")
  private String treasuryAccount;

  private String notes;
  private boolean active;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Version private int version;

  protected ChapterRow() {}

  public static ChapterRow of(BudgetChapter chapter, Instant at, String by) {
    ChapterRow row = new ChapterRow();
    row.code = chapter.code();
    row.active = true;
    row.apply(chapter, at, by);
    return row;
  }

  public void apply(BudgetChapter c, Instant at, String by) {
    description = c.description();
    type = c.type();
    paymentReason = c.paymentReason();
    treasuryAccount = c.treasuryAccount();
    notes = c.notes();
    updatedAt = at;
    updatedBy = by;
  }

  public BudgetChapter toDomain() {
    return new BudgetChapter(code, description, type, paymentReason, treasuryAccount, notes);
  }

  public String code() {
    return code;
  }

  public boolean active() {
    return active;
  }

  public int version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public void deactivate(Instant at, String by) {
    active = false;
    updatedAt = at;
    updatedBy = by;
  }
}
