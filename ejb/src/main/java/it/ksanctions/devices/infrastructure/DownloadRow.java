package it.ksanctions.devices.infrastructure;

import it.ksanctions.devices.domain.DownloadOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data download from a fixed device (DEV-5). */
@Entity
@Table(name = "device_download")
public class DownloadRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code", nullable = false)
  private String deviceCode;

  @Column(name = "downloaded_at")
  private Instant downloadedAt;

  private String operator;

  @Enumerated(EnumType.STRING)
  private DownloadOutcome outcome;

  private String notes;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "file_sha256")
  private String fileSha256;

  @Column(name = "registered_at")
  private Instant registeredAt;

  @Column(name = "registered_by")
  private String registeredBy;

  protected DownloadRow() {}

  public DownloadRow(
      String deviceCode,
      Instant downloadedAt,
      String operator,
      DownloadOutcome outcome,
      String notes,
      String fileName,
      String fileSha256,
      Instant registeredAt,
      String registeredBy) {
    this.deviceCode = deviceCode;
    this.downloadedAt = downloadedAt;
    this.operator = operator;
    this.outcome = outcome;
    this.notes = notes;
    this.fileName = fileName;
    this.fileSha256 = fileSha256;
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public Instant downloadedAt() {
    return downloadedAt;
  }

  public String operator() {
    return operator;
  }

  public DownloadOutcome outcome() {
    return outcome;
  }

  public String notes() {
    return notes;
  }

  public String fileName() {
    return fileName;
  }

  public String fileSha256() {
    return fileSha256;
  }

  public String registeredBy() {
    return registeredBy;
  }
}
