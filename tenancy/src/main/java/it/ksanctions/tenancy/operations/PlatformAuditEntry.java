package it.ksanctions.tenancy.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One action of vendor support staff on the platform, in schema {@code platform}. Append-only. */
@Entity
@Table(name = "platform_audit_event", schema = "platform")
public class PlatformAuditEntry {

  /** Whether the action succeeded. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "platform_user", nullable = false)
  private String platformUser;

  @Column(name = "action", nullable = false)
  private String action;

  @Column(name = "tenant_slug")
  private String tenantSlug;

  @Column(name = "detail")
  private String detail;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "outcome", nullable = false)
  private Outcome outcome;

  protected PlatformAuditEntry() {}

  public PlatformAuditEntry(
      Instant occurredAt,
      String platformUser,
      String action,
      String tenantSlug,
      String detail,
      Outcome outcome) {
    this.occurredAt = occurredAt;
    this.platformUser = platformUser;
    this.action = action;
    this.tenantSlug = tenantSlug;
    this.detail = detail;
    this.outcome = outcome;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getPlatformUser() {
    return platformUser;
  }

  public String getAction() {
    return action;
  }

  public String getTenantSlug() {
    return tenantSlug;
  }

  public String getDetail() {
    return detail;
  }

  public Outcome getOutcome() {
    return outcome;
  }
}
