package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.BlockNumber;
import it.ksanctions.sanctions.domain.BlockNumberStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One number of a reserved block and what became of it. */
@Entity
@Table(name = "verbale_block_number")
@IdClass(BlockNumberRow.Key.class)
public class BlockNumberRow {

  /** The primary key: block and progressive. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long blockId;
    private long progressive;

    public Key() {}

    public Key(Long blockId, long progressive) {
      this.blockId = blockId;
      this.progressive = progressive;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.progressive == progressive
          && Objects.equals(k.blockId, blockId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(blockId, progressive);
    }
  }

  @Id
  @Column(name = "block_id")
  private Long blockId;

  @Id private long progressive;

  @Column(name = "number_text", nullable = false)
  private String numberText;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BlockNumberStatus status;

  @Column(name = "pre_notice_id")
  private UUID preNoticeId;

  private String reason;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected BlockNumberRow() {}

  public static BlockNumberRow of(Long blockId, BlockNumber number) {
    BlockNumberRow row = new BlockNumberRow();
    row.blockId = blockId;
    row.progressive = number.progressive();
    row.numberText = number.text();
    row.update(number);
    return row;
  }

  public void update(BlockNumber number) {
    status = number.status();
    preNoticeId = number.preNoticeId();
    reason = number.reason();
    changedBy = number.changedBy();
    changedAt = number.changedAt();
  }

  public BlockNumber toDomain() {
    return new BlockNumber(
        progressive, numberText, status, preNoticeId, reason, changedBy, changedAt);
  }

  public Long blockId() {
    return blockId;
  }

  public long progressive() {
    return progressive;
  }
}
