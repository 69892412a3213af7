package it.ksanctions.devices.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sync session or a refused attempt of the mobile API (DEV-4, DEV-7). */
@Entity
@Table(name = "device_access")
public class AccessRow {

  public static final String OK = "OK";
  public static final String REFUSED = "REFUSED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code")
  private String deviceCode;

  @Column(name = "presented_id")
  private String presentedId;

  private String username;
  private Instant at;
  private String operation;
  private String outcome;
  private int records;
  private long bytes;
  private String anomalies;

  protected AccessRow() {}

  public AccessRow(
      String deviceCode,
      String presentedId,
      String username,
      Instant at,
      String operation,
      String outcome,
      int records,
      long bytes,
      String anomalies) {
    this.deviceCode = deviceCode;
    this.presentedId =
        presentedId == null ? null : presentedId.substring(0, Math.min(64, presentedId.length()));
    this.username = username;
    this.at = at;
    this.operation = operation;
    this.outcome = outcome;
    this.records = records;
    this.bytes = bytes;
    this.anomalies = anomalies;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String presentedId() {
    return presentedId;
  }

  public String username() {
    return username;
  }

  public Instant at() {
    return at;
  }

  public String operation() {
    return operation;
  }

  public String outcome() {
    return outcome;
  }

  public int records() {
    return records;
  }

  public long bytes() {
    return bytes;
  }

  public String anomalies() {
    return anomalies;
  }
}
