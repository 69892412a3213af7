package it.ksanctions.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  static final String KEY1 = Base64.getEncoder().encodeToString(new byte[32]);
  static final String KEY2 =
      Base64.getEncoder()
          .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
  static final SecretValue SECRET = SecretValue.of("Pec-Password-2026!");
  static final byte[] AAD =
      SecretCipher.associatedData("alfa", IntegrationKind.PEC_SMTP, "password");

  final SecretCipher cipher = new SecretCipher(MasterKeys.parse("1:" + KEY1 + ", 2:" + KEY2, "1"));

  @Test
  void aSecretRoundTripsWithAFreshNonceEachTime() {
    EncryptedSecret first = cipher.encrypt(SECRET, AAD);
    EncryptedSecret second = cipher.encrypt(SECRET, AAD);
    assertThat(first.keyVersion()).isEqualTo(1);
    assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Pec-Password");
    assertThat(cipher.decrypt(first, AAD).reveal()).isEqualTo("Pec-Password-2026!");
  }

  @Test
  void aTamperedCiphertextDoesNotDecrypt() {
    EncryptedSecret stored = cipher.encrypt(SECRET, AAD);
    byte[] altered = stored.ciphertext();
    altered[0] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(1, stored.iv(), altered), AAD))
        .isInstanceOf(CommandRuleException.class)
        .hasMessageContaining("command.credentials.undecryptable")
        .hasMessageNotContaining("Pec-Password");
  }

  @Test
  void aCiphertextMovedToAnotherTenantOrFieldDoesNotDecrypt() {
    EncryptedSecret stored = cipher.encrypt(SECRET, AAD);
    assertThatThrownBy(
            () ->
                cipher.decrypt(
                    stored,
                    SecretCipher.associatedData("beta", IntegrationKind.PEC_SMTP, "password")))
        .isInstanceOf(CommandRuleException.class);
    assertThatThrownBy(
            () ->
                cipher.decrypt(
                    stored, SecretCipher.associatedData("alfa", IntegrationKind.GIS, "apiKey")))
        .isInstanceOf(CommandRuleException.class);
  }

  @Test
  void rotationReencryptsUnderAnotherVersion() {
    EncryptedSecret old = cipher.encrypt(SECRET, AAD);
    EncryptedSecret rotated = cipher.encrypt(cipher.decrypt(old, AAD), AAD, 2);
    assertThat(rotated.keyVersion()).isEqualTo(2);
    assertThat(cipher.decrypt(rotated, AAD).reveal()).isEqualTo("Pec-Password-2026!");
    // Without key 1 any more, the old value names the missing version.
    SecretCipher onlyTwo = new SecretCipher(MasterKeys.parse("2:" + KEY2, null));
    assertThat(onlyTwo.decrypt(rotated, AAD).reveal()).isEqualTo("Pec-Password-2026!");
    assertThatThrownBy(() -> onlyTwo.decrypt(old, AAD))
        .isInstanceOf(CommandRuleException.class)
        .hasMessageContaining("command.credentials.key-unknown")
        .hasMessageContaining("versione 1");
  }

  @Test
  void missingOrShortKeysAreClearErrorsWithoutKeyMaterial() {
    assertThatThrownBy(() -> MasterKeys.parse(null, null))
        .isInstanceOf(CommandRuleException.class)
        .hasMessageContaining("command.credentials.key-missing")
        .hasMessageContaining("ksanctions.credentials.master-keys");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> MasterKeys.parse("1:" + shortKey, null))
        .hasMessageContaining("32 byte")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> MasterKeys.parse("1:" + KEY1, "3")).hasMessageContaining("versione 3");
    assertThatThrownBy(() -> MasterKeys.parse("uno:" + KEY1, null))
        .hasMessageContaining("versione:chiave");
    assertThat(MasterKeys.parse("1:" + KEY1 + ",2:" + KEY2, null).currentVersion()).isEqualTo(2);
    assertThat(MasterKeys.parse("1:" + KEY1 + ",2:" + KEY2, null).toString())
        .doesNotContain(KEY1)
        .doesNotContain(KEY2);
  }
}
