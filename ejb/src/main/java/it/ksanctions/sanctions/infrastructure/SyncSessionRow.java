package it.ksanctions.sanctions.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One call of the mobile app's upload, with its counts and anomalies (DEV-4). */
@Entity
@Table(name = "mobile_sync_session")
public class SyncSessionRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code", nullable = false)
  private String deviceCode;

  @Column(nullable = false)
  private String officer;

  @Column(nullable = false)
  private String operation;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "items_received", nullable = false)
  private int itemsReceived;

  @Column(name = "items_accepted", nullable = false)
  private int itemsAccepted;

  @Column(name = "items_duplicate", nullable = false)
  private int itemsDuplicate;

  @Column(name = "items_refused", nullable = false)
  private int itemsRefused;

  @Column(nullable = false)
  private long bytes;

  private String anomalies;

  protected SyncSessionRow() {}

  public SyncSessionRow(
      String deviceCode,
      String officer,
      String operation,
      Instant startedAt,
      int itemsReceived,
      long bytes) {
    this.deviceCode = deviceCode;
    this.officer = officer;
    this.operation = operation;
    this.startedAt = startedAt;
    this.itemsReceived = itemsReceived;
    this.bytes = bytes;
  }

  public void end(Instant at, int accepted, int duplicate, int refused, String anomalies) {
    this.endedAt = at;
    this.itemsAccepted = accepted;
    this.itemsDuplicate = duplicate;
    this.itemsRefused = refused;
    this.anomalies = anomalies;
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String officer() {
    return officer;
  }

  public String operation() {
    return operation;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public int itemsReceived() {
    return itemsReceived;
  }

  public int itemsAccepted() {
    return itemsAccepted;
  }

  public int itemsDuplicate() {
    return itemsDuplicate;
  }

  public int itemsRefused() {
    return itemsRefused;
  }

  public long bytes() {
    return bytes;
  }

  public String anomalies() {
    return anomalies;
  }
}
