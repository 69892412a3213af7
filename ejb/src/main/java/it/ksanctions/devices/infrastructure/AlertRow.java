package it.ksanctions.devices.infrastructure;

import it.ksanctions.devices.domain.AnomalyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An alert of the in-app list, e-mailed to the command's administrators (DEV-7). */
@Entity
@Table(name = "device_alert")
public class AlertRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dedupe_key")
  private String dedupeKey;

  @Enumerated(EnumType.STRING)
  private AnomalyKind kind;

  @Column(name = "device_code")
  private String deviceCode;

  private String message;

  @Column(name = "raised_at")
  private Instant raisedAt;

  @Column(name = "emailed_at")
  private Instant emailedAt;

  @Column(name = "email_attempts")
  private int emailAttempts;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "acknowledged_by")
  private String acknowledgedBy;

  protected AlertRow() {}

  public Long id() {
    return id;
  }

  public String dedupeKey() {
    return dedupeKey;
  }

  public AnomalyKind kind() {
    return kind;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String message() {
    return message;
  }

  public Instant raisedAt() {
    return raisedAt;
  }

  public Instant emailedAt() {
    return emailedAt;
  }

  public int emailAttempts() {
    return emailAttempts;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public String acknowledgedBy() {
    return acknowledgedBy;
  }

  public void emailed(Instant at) {
    emailedAt = at;
    emailAttempts++;
  }

  public void emailFailed() {
    emailAttempts++;
  }

  public void acknowledge(Instant at, String by) {
    if (acknowledgedAt == null) {
      acknowledgedAt = at;
      acknowledgedBy = by;
    }
  }
}
