package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretValueTest {

  @Test
  void aLongSecretShowsItsLastFourCharactersOnly() {
    SecretValue secret = SecretValue.of("sk-live-0123456789abcd1234");
    assertThat(secret.mask()).isEqualTo("••••••••1234");
    assertThat(secret.toString()).isEqualTo("••••••••").doesNotContain("1234");
  }

  @Test
  void aShortSecretShowsNothing() {
    assertThat(SecretValue.of("pass1234").mask()).isEqualTo("••••••••");
  }

  @Test
  void blankIsNoSecretAndComparisonIsByValue() {
    assertThat(SecretValue.ofNullable("  ")).isNull();
    assertThat(SecretValue.of(" abc ").sameAs(SecretValue.of("abc"))).isTrue();
    assertThat(SecretValue.of("abc").sameAs(SecretValue.of("abd"))).isFalse();
    assertThat(SecretValue.of("abc").hashCode()).isEqualTo(SecretValue.of("xyz").hashCode());
  }
}
