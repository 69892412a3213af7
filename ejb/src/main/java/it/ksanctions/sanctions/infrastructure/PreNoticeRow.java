package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.Plate;
import it.ksanctions.sanctions.domain.PlateCorrection;
import it.ksanctions.sanctions.domain.PreNotice;
import it.ksanctions.sanctions.domain.PreNoticeOrigin;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.sanctions.domain.VehicleType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Storage of a {@link PreNotice}; its photos and plate corrections have rows of their own. */
@Entity
@Table(name = "pre_notice")
public class PreNoticeRow {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PreNoticeOrigin origin;

  @Column(name = "violation_at", nullable = false)
  private Instant violationAt;

  @Column(name = "place_code", nullable = false)
  private String placeCode;

  @Column(name = "article_code", nullable = false)
  private String articleCode;

  @Column(nullable = false)
  private String plate;

  @Column(name = "plate_country", nullable = false)
  private String plateCountry;

  @Enumerated(EnumType.STRING)
  @Column(name = "vehicle_type", nullable = false)
  private VehicleType vehicleType;

  @Column(nullable = false)
  private String officer;

  private String department;
  private String notes;

  @Column(name = "photo_count", nullable = false)
  private int photoCount;

  @Column(name = "device_code")
  private String deviceCode;

  @Column(name = "verbale_number")
  private String verbaleNumber;

  @Column(name = "sync_session_id")
  private Long syncSessionId;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PreNoticeStatus status;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "archive_reason")
  private String archiveReason;

  @Column(name = "restored_by")
  private String restoredBy;

  @Column(name = "restored_at")
  private Instant restoredAt;

  @Version private int version;

  protected PreNoticeRow() {}

  public static PreNoticeRow of(PreNotice p, Long syncSessionId) {
    PreNoticeRow row = new PreNoticeRow();
    row.id = p.id();
    row.origin = p.origin();
    row.violationAt = p.violationAt();
    row.placeCode = p.placeCode();
    row.articleCode = p.articleCode();
    row.officer = p.officer();
    row.department = p.department();
    row.notes = p.notes();
    row.photoCount = p.photoCount();
    row.deviceCode = p.deviceCode();
    row.verbaleNumber = p.verbaleNumber();
    row.syncSessionId = syncSessionId;
    row.recordedAt = p.recordedAt();
    row.recordedBy = p.recordedBy();
    row.vehicleType = p.vehicleType();
    row.update(p);
    return row;
  }

  /** Copies what may change: plate, status and review. */
  public void update(PreNotice p) {
    plate = p.plate().number();
    plateCountry = p.plate().country();
    status = p.status();
    reviewedBy = p.reviewedBy();
    reviewedAt = p.reviewedAt();
    archiveReason = p.archiveReason();
    restoredBy = p.restoredBy();
    restoredAt = p.restoredAt();
  }

  public PreNotice toDomain(List<PlateCorrection> corrections) {
    return PreNotice.restore(
        new PreNotice.State(
            id,
            origin,
            violationAt,
            placeCode,
            articleCode,
            plate(),
            vehicleType,
            officer,
            department,
            notes,
            photoCount,
            deviceCode,
            verbaleNumber,
            recordedAt,
            recordedBy,
            status,
            reviewedBy,
            reviewedAt,
            archiveReason,
            restoredBy,
            restoredAt,
            corrections));
  }

  /** The stored plate, trusted: it was checked when it was recorded or corrected. */
  Plate plate() {
    return new Plate(plate, plateCountry.strip());
  }

  public UUID id() {
    return id;
  }

  public String officer() {
    return officer;
  }

  public String department() {
    return department;
  }

  public Long syncSessionId() {
    return syncSessionId;
  }
}
