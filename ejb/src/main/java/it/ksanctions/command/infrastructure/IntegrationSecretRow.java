package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.IntegrationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One secret field of an integration, encrypted ({@link EncryptedSecret}): the key version, nonce
 * and ciphertext, and when and by whom it was last set (what the page shows next to the mask).
 */
@Entity
@Table(name = "integration_secret")
public class IntegrationSecretRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private IntegrationKind kind;

  private String field;

  @Column(name = "key_version")
  private int keyVersion;

  private byte[] iv;

  private byte[] ciphertext;

  @Column(name = "set_at")
  private Instant setAt;

  @Column(name = "set_by")
  private String setBy;

  protected IntegrationSecretRow() {}

  public IntegrationSecretRow(IntegrationKind kind, String field) {
    this.kind = kind;
    this.field = field;
  }

  public IntegrationKind kind() {
    return kind;
  }

  public String field() {
    return field;
  }

  public EncryptedSecret encrypted() {
    return new EncryptedSecret(keyVersion, iv, ciphertext);
  }

  /** A new value typed by {@code by}. */
  public void set(EncryptedSecret secret, Instant at, String by) {
    store(secret);
    this.setAt = at;
    this.setBy = by;
  }

  /** The same value under another key (rotation): who set it and when stay. */
  public void reencrypted(EncryptedSecret secret) {
    store(secret);
  }

  private void store(EncryptedSecret secret) {
    this.keyVersion = secret.keyVersion();
    this.iv = secret.iv();
    this.ciphertext = secret.ciphertext();
  }

  public int keyVersion() {
    return keyVersion;
  }

  public Instant setAt() {
    return setAt;
  }

  public String setBy() {
    return setBy;
  }
}
