package it.ksanctions.sanctions.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A plate corrected on a detection, with its reason (table {@code detection_plate_correction}). */
@Entity
@Table(name = "detection_plate_correction")
public class DetectionPlateCorrectionRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "detection_id")
  private Long detectionId;

  @Column(name = "old_plate")
  private String oldPlate;

  @Column(name = "new_plate")
  private String newPlate;

  private String reason;

  private String author;

  private Instant at;

  protected DetectionPlateCorrectionRow() {}

  public DetectionPlateCorrectionRow(
      long detectionId,
      String oldPlate,
      String newPlate,
      String reason,
      String author,
      Instant at) {
    this.detectionId = detectionId;
    this.oldPlate = oldPlate;
    this.newPlate = newPlate;
    this.reason = reason;
    this.author = author;
    this.at = at;
  }
}
