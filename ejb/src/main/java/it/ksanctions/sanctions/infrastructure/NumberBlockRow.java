package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.BlockNumber;
import it.ksanctions.sanctions.domain.NumberBlock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** Storage of a {@link NumberBlock}; its numbers are {@link BlockNumberRow}s. */
@Entity
@Table(name = "verbale_number_block")
public class NumberBlockRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code", nullable = false)
  private String deviceCode;

  @Column(nullable = false)
  private String officer;

  @Column(nullable = false)
  private String prefix;

  @Column(nullable = false)
  private int year;

  @Column(name = "first_progressive", nullable = false)
  private long firstProgressive;

  @Column(name = "last_progressive", nullable = false)
  private long lastProgressive;

  @Column(name = "reserved_at", nullable = false)
  private Instant reservedAt;

  @Column(name = "returned_at")
  private Instant returnedAt;

  @Column(name = "returned_by")
  private String returnedBy;

  @Column(name = "return_reason")
  private String returnReason;

  @Version private int version;

  protected NumberBlockRow() {}

  public static NumberBlockRow of(NumberBlock block) {
    NumberBlockRow row = new NumberBlockRow();
    row.deviceCode = block.deviceCode();
    row.officer = block.officer();
    row.prefix = block.prefix();
    row.year = block.year();
    row.firstProgressive = block.firstProgressive();
    row.lastProgressive = block.lastProgressive();
    row.reservedAt = block.reservedAt();
    row.update(block);
    return row;
  }

  public void update(NumberBlock block) {
    returnedAt = block.returnedAt();
    returnedBy = block.returnedBy();
    returnReason = block.returnReason();
  }

  public NumberBlock toDomain(List<BlockNumber> numbers) {
    return NumberBlock.restore(
        id,
        deviceCode,
        officer,
        prefix,
        year,
        reservedAt,
        numbers,
        returnedAt,
        returnedBy,
        returnReason);
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }
}
