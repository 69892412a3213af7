package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM encryption of the integration secrets at rest (PLT-6), with the JDK's own provider: a
 * fresh random 12-byte nonce per value, a 128-bit tag, and as associated data the tenant, the
 * integration and the field ({@code slug/KIND/field}). A ciphertext copied into another tenant's
 * schema, or onto another field, therefore fails its tag check instead of decrypting.
 */
public final class SecretCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MasterKeys keys;

  public SecretCipher(MasterKeys keys) {
    this.keys = keys;
  }

  /** The associated data binding a secret to its tenant, integration and field. */
  public static byte[] associatedData(String tenantSlug, IntegrationKind kind, String field) {
    return (tenantSlug + "/" + kind.name() + "/" + field).getBytes(StandardCharsets.UTF_8);
  }

  /** Encrypts under the current key version. */
  public EncryptedSecret encrypt(SecretValue secret, byte[] associatedData) {
    return encrypt(secret, associatedData, keys.currentVersion());
  }

  /** Encrypts under {@code version} (a rotation names its target). */
  public EncryptedSecret encrypt(SecretValue secret, byte[] associatedData, int version) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.key(version), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData);
      return new EncryptedSecret(
          version, iv, cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // The JDK always has AES-GCM; the message of a failure here holds no secret.
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getName(), e);
    }
  }

  /** Decrypts, or a clear error when the key is unknown or the value was altered or moved. */
  public SecretValue decrypt(EncryptedSecret stored, byte[] associatedData) {
    if (stored.iv().length != IV_BYTES) {
      throw tampered();
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          keys.key(stored.keyVersion()),
          new GCMParameterSpec(TAG_BITS, stored.iv()));
      cipher.updateAAD(associatedData);
      return SecretValue.of(
          new String(cipher.doFinal(stored.ciphertext()), StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      throw tampered();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw tampered();
    }
  }

  private static CommandRuleException tampered() {
    return new CommandRuleException(
        "command.credentials.undecryptable",
        "Un segreto memorizzato non si può decifrare (dato alterato, oppure copiato da un altro"
            + " comando o da un altro campo): inserirlo di nuovo.");
  }

  public MasterKeys keys() {
    return keys;
  }
}
