package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.DetectionStatus;
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
import java.time.LocalDateTime;

/** A detection published from a camera file (table {@code detection}). */
@Entity
@Table(name = "detection")
public class DetectionRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "import_id")
  private Long importId;

  @Column(name = "row_number")
  private int rowNumber;

  @Column(name = "device_code")
  private String deviceCode;

  @Column(name = "place_code")
  private String placeCode;

  @Column(name = "detected_at")
  private LocalDateTime detectedAt;

  private String plate;

  private String country;

  @Column(name = "vehicle_type")
  private String vehicleType;

  @Column(name = "measured_speed")
  private BigDecimal measuredSpeed;

  @Column(name = "speed_limit")
  private Integer speedLimit;

  @Column(name = "article_code")
  private String articleCode;

  @Column(name = "article_valid_from")
  private LocalDate articleValidFrom;

  @Column(name = "decided_rule")
  private String decidedRule;

  private String photos;

  @Enumerated(EnumType.STRING)
  private DetectionStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected DetectionRow() {}

  public void review(DetectionStatus target, String reason, String by, Instant at) {
    this.status = target;
    this.statusReason = reason;
    this.reviewedBy = by;
    this.reviewedAt = at;
  }

  public void correctPlate(String plate) {
    this.plate = plate;
  }

  public Long id() {
    return id;
  }

  public Long importId() {
    return importId;
  }

  public int rowNumber() {
    return rowNumber;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String placeCode() {
    return placeCode;
  }

  public LocalDateTime detectedAt() {
    return detectedAt;
  }

  public String plate() {
    return plate;
  }

  public String country() {
    return country;
  }

  public String vehicleType() {
    return vehicleType;
  }

  public BigDecimal measuredSpeed() {
    return measuredSpeed;
  }

  public Integer speedLimit() {
    return speedLimit;
  }

  public String articleCode() {
    return articleCode;
  }

  public LocalDate articleValidFrom() {
    return articleValidFrom;
  }

  public String decidedRule() {
    return decidedRule;
  }

  public String photos() {
    return photos;
  }

  public DetectionStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public String reviewedBy() {
    return reviewedBy;
  }

  public Instant reviewedAt() {
    return reviewedAt;
  }
}
