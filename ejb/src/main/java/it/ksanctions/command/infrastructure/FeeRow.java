package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.Fee;
import it.ksanctions.command.domain.FeeAmountKind;
import it.ksanctions.command.domain.FeeCategory;
import it.ksanctions.command.domain.NotificationChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a fee. A version is never changed except to close its validity when a newer one
 * starts, or to be deleted logically (then it no longer counts, but stays in the history).
 */
@Entity
@Table(name = "command_fee")
public class FeeRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String description;

  @Enumerated(EnumType.STRING)
  private FeeCategory category;

  @Enumerated(EnumType.STRING)
  private NotificationChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "amount_kind")
  private FeeAmountKind amountKind;

  private BigDecimal amount;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Column(name = "legal_reference")
  private String legalReference;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  private String reason;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "deleted_by")
  private String deletedBy;

  protected FeeRow() {}

  public static FeeRow of(Fee fee, Instant at, String by, String reason) {
    FeeRow row = new FeeRow();
    row.code = fee.code();
    row.description = fee.description();
    row.category = fee.category();
    row.channel = fee.channel();
    row.amountKind = fee.amountKind();
    row.amount = fee.amount();
    row.validFrom = fee.validFrom();
    row.validTo = fee.validTo();
    row.legalReference = fee.legalReference();
    row.createdAt = at;
    row.createdBy = by;
    row.reason = reason;
    return row;
  }

  public Fee toDomain() {
    return new Fee(
        code,
        description,
        category,
        channel,
        amountKind,
        amount,
        validFrom,
        validTo,
        legalReference);
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public String reason() {
    return reason;
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public String deletedBy() {
    return deletedBy;
  }

  public void closeOn(LocalDate lastDay) {
    this.validTo = lastDay;
  }

  public void delete(Instant at, String by) {
    this.deletedAt = at;
    this.deletedBy = by;
  }
}
