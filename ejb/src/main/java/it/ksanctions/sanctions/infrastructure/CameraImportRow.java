package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.sanctions.domain.ImportStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An import of a camera file and its progress (table {@code camera_import}). */
@Entity
@Table(name = "camera_import")
public class CameraImportRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code")
  private String deviceCode;

  @Column(name = "file_name")
  private String fileName;

  @Enumerated(EnumType.STRING)
  @Column(name = "file_format")
  private OutputFormat fileFormat;

  @Column(name = "file_sha256")
  private String fileSha256;

  @Column(name = "photos_file_name")
  private String photosFileName;

  private String operator;

  @Column(name = "service_note")
  private String serviceNote;

  @Enumerated(EnumType.STRING)
  private ImportStatus status;

  @Column(name = "rows_total")
  private int rowsTotal;

  @Column(name = "rows_processed")
  private int rowsProcessed;

  @Column(name = "rows_refused")
  private int rowsRefused;

  @Column(name = "rows_violations")
  private int rowsViolations;

  @Column(name = "rows_no_violation")
  private int rowsNoViolation;

  @Column(name = "job_execution_id")
  private Long jobExecutionId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "heartbeat_at")
  private Instant heartbeatAt;

  @Column(name = "outcome_message")
  private String outcomeMessage;

  protected CameraImportRow() {}

  public CameraImportRow(
      String deviceCode,
      String fileName,
      OutputFormat fileFormat,
      String fileSha256,
      String photosFileName,
      String operator,
      String serviceNote,
      int rowsTotal,
      Instant createdAt,
      String createdBy) {
    this.deviceCode = deviceCode;
    this.fileName = fileName;
    this.fileFormat = fileFormat;
    this.fileSha256 = fileSha256;
    this.photosFileName = photosFileName;
    this.operator = operator;
    this.serviceNote = serviceNote;
    this.status = ImportStatus.QUEUED;
    this.rowsTotal = rowsTotal;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /**
   * The job execution now working on this import; a cancelled or finished import keeps its status
   * (the job was started or resumed just before the operator cancelled).
   */
  public void running(long executionId) {
    this.jobExecutionId = executionId;
    this.heartbeatAt = Instant.now();
    if (status == ImportStatus.QUEUED || status == ImportStatus.STOPPED) {
      this.status = ImportStatus.RUNNING;
    }
  }

  public void finish(ImportStatus outcome, String message, Instant at) {
    this.status = outcome;
    this.outcomeMessage = message;
    this.finishedAt = at;
  }

  public void counted(int refused, int violations, int noViolation) {
    this.rowsRefused = refused;
    this.rowsViolations = violations;
    this.rowsNoViolation = noViolation;
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String fileName() {
    return fileName;
  }

  public OutputFormat fileFormat() {
    return fileFormat;
  }

  public String fileSha256() {
    return fileSha256;
  }

  public String photosFileName() {
    return photosFileName;
  }

  public String operator() {
    return operator;
  }

  public String serviceNote() {
    return serviceNote;
  }

  public ImportStatus status() {
    return status;
  }

  public int rowsTotal() {
    return rowsTotal;
  }

  public int rowsProcessed() {
    return rowsProcessed;
  }

  public int rowsRefused() {
    return rowsRefused;
  }

  public int rowsViolations() {
    return rowsViolations;
  }

  public int rowsNoViolation() {
    return rowsNoViolation;
  }

  public Long jobExecutionId() {
    return jobExecutionId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  /**
   * Whether the import is in progress but its job has given no sign of life (a chunk staged, a
   * start) since {@code silentFor} before {@code now}: the server running it stopped.
   */
  public boolean interrupted(Instant now, java.time.Duration silentFor) {
    Instant lastSign = heartbeatAt != null ? heartbeatAt : createdAt;
    return status.inProgress() && lastSign.isBefore(now.minus(silentFor));
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String outcomeMessage() {
    return outcomeMessage;
  }
}
