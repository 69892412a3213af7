package it.ksanctions.command.infrastructure;

import java.util.Objects;

/**
 * A secret as stored: the version of the master key that encrypted it, the 12-byte GCM nonce and
 * the ciphertext with its 16-byte authentication tag.
 */
public record EncryptedSecret(int keyVersion, byte[] iv, byte[] ciphertext) {

  public EncryptedSecret {
    Objects.requireNonNull(iv, "iv");
    Objects.requireNonNull(ciphertext, "ciphertext");
    iv = iv.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] iv() {
    return iv.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public String toString() {
    return "EncryptedSecret[keyVersion=" + keyVersion + "]";
  }
}
