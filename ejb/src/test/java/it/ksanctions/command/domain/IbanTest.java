package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanTest {

  @Test
  void theMod97CheckHolds() {
    assertThat(Iban.isValidItalian("IT60X0542811101000000123456")).isTrue();
    assertThat(Iban.isValidItalian("it60 x054 2811 1010 0000 0123 456")).isTrue();
    assertThat(Iban.checksumHolds("GB82WEST12345698765432")).isTrue();
  }

  @Test
  void aWrongDigitOrShapeIsRefused() {
    assertThat(Iban.isValidItalian("IT60X0542811101000000123457")).isFalse();
    assertThat(Iban.isValidItalian("IT60X054281110100000012345")).isFalse();
    assertThat(Iban.isValidItalian("GB82WEST12345698765432")).isFalse();
    assertThat(Iban.isValidItalian(null)).isFalse();
  }
}
