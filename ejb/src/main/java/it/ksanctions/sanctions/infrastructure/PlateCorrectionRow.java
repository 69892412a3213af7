package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.Plate;
import it.ksanctions.sanctions.domain.PlateCorrection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One plate correction of a pre-notice (append-only history). */
@Entity
@Table(name = "pre_notice_plate_correction")
public class PlateCorrectionRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pre_notice_id", nullable = false)
  private UUID preNoticeId;

  @Column(name = "old_plate", nullable = false)
  private String oldPlate;

  @Column(name = "old_country", nullable = false)
  private String oldCountry;

  @Column(name = "new_plate", nullable = false)
  private String newPlate;

  @Column(name = "new_country", nullable = false)
  private String newCountry;

  @Column(nullable = false)
  private String reason;

  @Column(name = "corrected_by", nullable = false)
  private String correctedBy;

  @Column(name = "corrected_at", nullable = false)
  private Instant correctedAt;

  protected PlateCorrectionRow() {}

  public static PlateCorrectionRow of(UUID preNoticeId, PlateCorrection c) {
    PlateCorrectionRow row = new PlateCorrectionRow();
    row.preNoticeId = preNoticeId;
    row.oldPlate = c.oldPlate().number();
    row.oldCountry = c.oldPlate().country();
    row.newPlate = c.newPlate().number();
    row.newCountry = c.newPlate().country();
    row.reason = c.reason();
    row.correctedBy = c.author();
    row.correctedAt = c.at();
    return row;
  }

  public UUID preNoticeId() {
    return preNoticeId;
  }

  public PlateCorrection toDomain() {
    return new PlateCorrection(
        new Plate(oldPlate, oldCountry.strip()),
        new Plate(newPlate, newCountry.strip()),
        reason,
        correctedBy,
        correctedAt);
  }
}
