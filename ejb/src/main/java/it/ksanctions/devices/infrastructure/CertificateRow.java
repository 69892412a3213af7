package it.ksanctions.devices.infrastructure;

import it.ksanctions.devices.domain.CalibrationCertificate;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A stored calibration certificate with its PDF (loaded only when downloaded). */
@Entity
@Table(name = "calibration_certificate")
public class CertificateRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code", nullable = false)
  private String deviceCode;

  private String number;
  private String issuer;

  @Column(name = "calibrated_on")
  private LocalDate calibratedOn;

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "file_sha256")
  private String fileSha256;

  @Basic(fetch = FetchType.LAZY)
  private byte[] content;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  protected CertificateRow() {}

  public static CertificateRow of(
      String deviceCode,
      CalibrationCertificate c,
      byte[] content,
      Instant uploadedAt,
      String uploadedBy) {
    CertificateRow row = new CertificateRow();
    row.deviceCode = deviceCode;
    row.number = c.number();
    row.issuer = c.issuer();
    row.calibratedOn = c.calibratedOn();
    row.validUntil = c.validUntil();
    row.fileName = c.fileName();
    row.fileSha256 = c.sha256();
    row.content = content;
    row.uploadedAt = uploadedAt;
    row.uploadedBy = uploadedBy;
    return row;
  }

  public CalibrationCertificate toDomain() {
    return new CalibrationCertificate(
        number, issuer, calibratedOn, validUntil, fileName, fileSha256);
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public byte[] content() {
    return content;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  public String uploadedBy() {
    return uploadedBy;
  }
}
