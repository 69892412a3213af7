package it.ksanctions.permissions.infrastructure;

import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditEvent;
import it.ksanctions.permissions.domain.AuditOperation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of the tenant's {@code audit_event} table. Immutable for Hibernate, and for the database
 * too: the table belongs to the tenant's audit role and the tenant role may only read and insert
 * (tenancy module, {@code TenantSchemaProvisioner}).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventRow {

  @Id
  @Column(name = "sequence_number")
  private long sequenceNumber;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "role_code", nullable = false)
  private String role;

  @Column(name = "module", nullable = false)
  private String module;

  @Column(name = "function_name", nullable = false)
  private String function;

  @Column(name = "operation", nullable = false)
  private String operation;

  @Column(name = "record_reference", nullable = false)
  private String recordReference;

  @Column(name = "previous_hash", nullable = false, length = 64)
  private String previousHash;

  @Column(name = "hash", nullable = false, length = 64)
  private String hash;

  protected AuditEventRow() {}

  static AuditEventRow of(AuditEvent event) {
    AuditEventRow row = new AuditEventRow();
    row.sequenceNumber = event.sequenceNumber();
    row.occurredAt = event.occurredAt();
    row.username = event.username();
    row.role = event.role();
    row.module = event.module().name();
    row.function = event.function();
    row.operation = event.operation().name();
    row.recordReference = event.recordReference();
    row.previousHash = event.previousHash();
    row.hash = event.hash();
    return row;
  }

  /** The stored event, exactly as read: verification decides whether it is intact. */
  public AuditEvent toDomain() {
    return new AuditEvent(
        sequenceNumber,
        occurredAt,
        username,
        role,
        AppModule.valueOf(module),
        function,
        AuditOperation.valueOf(operation),
        recordReference,
        previousHash,
        hash);
  }
}
