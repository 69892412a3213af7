package it.ksanctions.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericTaxCodeTest {

  /** Tax codes of real public bodies (Comune di Latina, Città di Torino, Roma Capitale). */
  @ParameterizedTest
  @ValueSource(strings = {"00097020598", "00514490010", "02438750586"})
  void realTaxCodesOfPublicBodiesAreValid(String code) {
    assertThat(NumericTaxCode.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00097020597",
        "00097020590",
        "0009702059",
        "000970205981",
        "0009702059A",
        "-0097020598",
        "00514490011"
      })
  void wrongLengthCharactersOrCheckDigitAreInvalid(String code) {
    assertThat(NumericTaxCode.isValid(code)).isFalse();
  }
}
