package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.VerbaleStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Storage of a verbale (table {@code verbale}): what was frozen at issue and its current state.
 * Windows, fees, events and documents have tables of their own.
 */
@Entity
@Table(name = "verbale")
public class VerbaleRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String number;

  @Column(name = "source_kind")
  private String sourceKind;

  @Column(name = "source_id")
  private String sourceId;

  @Column(name = "violation_at")
  private LocalDateTime violationAt;

  @Column(name = "place_code")
  private String placeCode;

  @Column(name = "place_description")
  private String placeDescription;

  @Column(name = "device_code")
  private String deviceCode;

  @Column(name = "calibration_number")
  private String calibrationNumber;

  @Column(name = "calibrated_on")
  private LocalDate calibratedOn;

  @Column(name = "article_code")
  private String articleCode;

  @Column(name = "article_valid_from")
  private LocalDate articleValidFrom;

  @Column(name = "article_title")
  private String articleTitle;

  @Column(name = "article_text")
  private String articleText;

  @Column(name = "legal_source")
  private String legalSource;

  private int points;

  @Column(name = "accessory_sanctions")
  private String accessorySanctions;

  @Column(name = "decided_rule")
  private String decidedRule;

  private String plate;
  private String country;

  @Column(name = "vehicle_type")
  private String vehicleType;

  @Column(name = "measured_speed")
  private BigDecimal measuredSpeed;

  @Column(name = "speed_limit")
  private Integer speedLimit;

  @Column(name = "owner_kind")
  private String ownerKind;

  @Column(name = "owner_name")
  private String ownerName;

  @Column(name = "owner_tax_code")
  private String ownerTaxCode;

  @Column(name = "owner_address")
  private String ownerAddress;

  @Column(name = "owner_pec")
  private String ownerPec;

  @Column(name = "owner_abroad")
  private boolean ownerAbroad;

  private String officer;
  private String department;
  private String channel;

  @Column(name = "notification_deadline")
  private LocalDate notificationDeadline;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "issued_by")
  private String issuedBy;

  @Enumerated(EnumType.STRING)
  private VerbaleStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "notified_on")
  private LocalDate notifiedOn;

  @Column(name = "pin_hash")
  private String pinHash;

  @Column(name = "pin_tag")
  private Short pinTag;

  @Version private int version;

  protected VerbaleRow() {}

  /** The frozen facts of an act being issued; {@link #issued} completes it. */
  public record Facts(
      String sourceKind,
      String sourceId,
      LocalDateTime violationAt,
      String placeCode,
      String placeDescription,
      String deviceCode,
      String calibrationNumber,
      LocalDate calibratedOn,
      String articleCode,
      LocalDate articleValidFrom,
      String articleTitle,
      String articleText,
      String legalSource,
      int points,
      String accessorySanctions,
      String decidedRule,
      String plate,
      String country,
      String vehicleType,
      BigDecimal measuredSpeed,
      Integer speedLimit,
      String ownerKind,
      String ownerName,
      String ownerTaxCode,
      String ownerAddress,
      String ownerPec,
      boolean ownerAbroad,
      String officer,
      String department,
      String contestedNumber) {

    /** Whether the violation was contested on the spot with a number of a device's block. */
    public boolean contestedOnTheSpot() {
      return contestedNumber != null;
    }
  }

  public static VerbaleRow issued(
      Facts f,
      String number,
      String channel,
      LocalDate notificationDeadline,
      LocalDate issuedOn,
      Instant issuedAt,
      String issuedBy,
      String pinHash,
      short pinTag) {
    VerbaleRow r = new VerbaleRow();
    r.sourceKind = f.sourceKind();
    r.sourceId = f.sourceId();
    r.violationAt = f.violationAt();
    r.placeCode = f.placeCode();
    r.placeDescription = f.placeDescription();
    r.deviceCode = f.deviceCode();
    r.calibrationNumber = f.calibrationNumber();
    r.calibratedOn = f.calibratedOn();
    r.articleCode = f.articleCode();
    r.articleValidFrom = f.articleValidFrom();
    r.articleTitle = f.articleTitle();
    r.articleText = f.articleText();
    r.legalSource = f.legalSource();
    r.points = f.points();
    r.accessorySanctions = f.accessorySanctions();
    r.decidedRule = f.decidedRule();
    r.plate = f.plate();
    r.country = f.country();
    r.vehicleType = f.vehicleType();
    r.measuredSpeed = f.measuredSpeed();
    r.speedLimit = f.speedLimit();
    r.ownerKind = f.ownerKind();
    r.ownerName = f.ownerName();
    r.ownerTaxCode = f.ownerTaxCode();
    r.ownerAddress = f.ownerAddress();
    r.ownerPec = f.ownerPec();
    r.ownerAbroad = f.ownerAbroad();
    r.officer = f.officer();
    r.department = f.department();
    r.number = number;
    r.channel = channel;
    r.notificationDeadline = notificationDeadline;
    r.issuedOn = issuedOn;
    r.issuedAt = issuedAt;
    r.issuedBy = issuedBy;
    r.pinHash = pinHash;
    r.pinTag = pinTag;
    r.status = VerbaleStatus.ISSUED;
    return r;
  }

  /** Moves the act to {@code target}; the caller has checked the move. */
  public void moveTo(VerbaleStatus target, String reason) {
    this.status = target;
    this.statusReason = reason;
  }

  public void notifiedOn(LocalDate day) {
    this.notifiedOn = day;
  }

  public Facts facts() {
    return new Facts(
        sourceKind,
        sourceId,
        violationAt,
        placeCode,
        placeDescription,
        deviceCode,
        calibrationNumber,
        calibratedOn,
        articleCode,
        articleValidFrom,
        articleTitle,
        articleText,
        legalSource,
        points,
        accessorySanctions,
        decidedRule,
        plate,
        country,
        vehicleType,
        measuredSpeed,
        speedLimit,
        ownerKind,
        ownerName,
        ownerTaxCode,
        ownerAddress,
        ownerPec,
        ownerAbroad,
        officer,
        department,
        null);
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public String channel() {
    return channel;
  }

  public LocalDate notificationDeadline() {
    return notificationDeadline;
  }

  public LocalDate issuedOn() {
    return issuedOn;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public VerbaleStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public LocalDate notifiedOn() {
    return notifiedOn;
  }

  public String pinHash() {
    return pinHash;
  }

  public String officer() {
    return officer;
  }

  public String department() {
    return department;
  }
}
