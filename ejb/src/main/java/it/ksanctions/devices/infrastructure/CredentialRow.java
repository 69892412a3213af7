package it.ksanctions.devices.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An activation code or a credential of a mobile device, stored as its SHA-256 only. */
@Entity
@Table(name = "device_credential")
public class CredentialRow {

  public static final String ACTIVATION = "ACTIVATION";
  public static final String CREDENTIAL = "CREDENTIAL";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code", nullable = false)
  private String deviceCode;

  private String kind;

  @Column(name = "secret_hash")
  private String secretHash;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "issued_by")
  private String issuedBy;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  protected CredentialRow() {}

  public CredentialRow(
      String deviceCode,
      String kind,
      String secretHash,
      Instant issuedAt,
      String issuedBy,
      Instant expiresAt) {
    this.deviceCode = deviceCode;
    this.kind = kind;
    this.secretHash = secretHash;
    this.issuedAt = issuedAt;
    this.issuedBy = issuedBy;
    this.expiresAt = expiresAt;
  }

  /** Usable now: not used (activation codes are single-use), not revoked, not expired. */
  public boolean usable(Instant now) {
    return revokedAt == null
        && now.isBefore(expiresAt)
        && (CREDENTIAL.equals(kind) || usedAt == null);
  }

  public void use(Instant at) {
    usedAt = at;
  }

  public void revoke(Instant at, String by) {
    if (revokedAt == null) {
      revokedAt = at;
      revokedBy = by;
    }
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String kind() {
    return kind;
  }

  public String secretHash() {
    return secretHash;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokedBy() {
    return revokedBy;
  }
}
