package it.ksanctions.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeviceSecretsTest {

  @Nested
  class ActivationCodes {

    @Test
    void anActivationCodeIsThreeGroupsOfFourReadableCharacters() {
      for (int i = 0; i < 200; i++) {
        assertThat(DeviceSecrets.newActivationCode())
            .hasSize(14)
            .matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")
            .matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789-]+")
            .doesNotContain("0", "O", "1", "I", "L");
      }
    }

    @Test
    void activationCodesDifferEachTime() {
      Set<String> codes = new HashSet<>();
      IntStream.range(0, 100).forEach(i -> codes.add(DeviceSecrets.newActivationCode()));
      assertThat(codes).hasSize(100);
    }

    @Test
    void theHashOfACodeIgnoresDashesAndCase() {
      String stored = DeviceSecrets.hash("K7QM-3XRT-9PWA");
      assertThat(DeviceSecrets.hash("K7QM3XRT9PWA")).isEqualTo(stored);
      assertThat(DeviceSecrets.hash("k7qm-3xrt-9pwa")).isEqualTo(stored);
      assertThat(DeviceSecrets.hash("  k7Qm3xrt-9PWA ")).isEqualTo(stored);
      assertThat(stored)
          .isEqualTo(DeviceSecrets.sha256("K7QM3XRT9PWA".getBytes(StandardCharsets.UTF_8)));
      assertThat(DeviceSecrets.hash("K7QM-3XRT-9PWB")).isNotEqualTo(stored);
    }

    @Test
    void aTypedCodeMatchesItsStoredHash() {
      String code = DeviceSecrets.newActivationCode();
      String stored = DeviceSecrets.hash(code);
      assertThat(DeviceSecrets.matches(code, stored)).isTrue();
      assertThat(DeviceSecrets.matches(code.toLowerCase(), stored)).isTrue();
      assertThat(DeviceSecrets.matches(code.replace("-", ""), stored)).isTrue();
      assertThat(DeviceSecrets.matches("AAAA-AAAA-AAAA", DeviceSecrets.hash("BBBB-BBBB-BBBB")))
          .isFalse();
    }
  }

  @Nested
  class Credentials {

    @Test
    void aCredentialIsFortyThreeBase64UrlCharacters() {
      for (int i = 0; i < 50; i++) {
        assertThat(DeviceSecrets.newCredential()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
      }
    }

    @Test
    void credentialsDifferEachTime() {
      Set<String> credentials = new HashSet<>();
      IntStream.range(0, 100).forEach(i -> credentials.add(DeviceSecrets.newCredential()));
      assertThat(credentials).hasSize(100);
    }

    @Test
    void aCredentialIsCaseSensitive() {
      String credential = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
      String stored = DeviceSecrets.hash(credential);
      assertThat(stored)
          .isEqualTo(DeviceSecrets.sha256(credential.getBytes(StandardCharsets.UTF_8)));
      assertThat(DeviceSecrets.matches(credential, stored)).isTrue();
      assertThat(DeviceSecrets.matches(credential.toLowerCase(), stored)).isFalse();
      assertThat(DeviceSecrets.matches(credential.toUpperCase(), stored)).isFalse();
    }

    @Test
    void aPresentedCredentialMatchesOnlyItsHash() {
      String credential = DeviceSecrets.newCredential();
      String stored = DeviceSecrets.hash(credential);
      assertThat(stored).hasSize(64).matches("[0-9a-f]{64}");
      assertThat(DeviceSecrets.matches(credential, stored)).isTrue();
      assertThat(DeviceSecrets.matches(DeviceSecrets.newCredential(), stored)).isFalse();
      assertThat(DeviceSecrets.matches(credential, stored.toUpperCase())).isFalse();
      assertThat(DeviceSecrets.matches(credential, stored.substring(1))).isFalse();
    }

    @Test
    void missingSecretsNeverMatch() {
      String stored = DeviceSecrets.hash("abc");
      assertThat(DeviceSecrets.matches(null, stored)).isFalse();
      assertThat(DeviceSecrets.matches("abc", null)).isFalse();
      assertThat(DeviceSecrets.matches(null, null)).isFalse();
      assertThat(DeviceSecrets.matches("", DeviceSecrets.hash("abc"))).isFalse();
    }
  }

  @Nested
  class Hashing {

    @Test
    void sha256OfKnownInputs() {
      assertThat(DeviceSecrets.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      assertThat(DeviceSecrets.sha256(new byte[0]))
          .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      assertThat(DeviceSecrets.hash("abc"))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
  }
}
