package it.ksanctions.permissions.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A creating request already carried out, with what it created. */
@Entity
@Table(name = "request_key")
public class RequestKeyRow {

  @Id
  @Column(name = "request_key", length = 80)
  private String key;

  @Column(name = "outcome", nullable = false)
  private String outcome;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RequestKeyRow() {}

  public RequestKeyRow(String key, String outcome) {
    this.key = key;
    this.outcome = outcome;
    this.createdAt = Instant.now();
  }

  public String outcome() {
    return outcome;
  }
}
