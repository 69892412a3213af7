package it.ksanctions.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every valid code below had its check character computed by an independent script from the
 * INTEGRATIONS.md tables, not copied from memory.
 */
class CodiceFiscaleTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RSSMRA85T10A562S", // the well-known example: Mario Rossi, Rome, 10 Dec 1985
        "BNCNNA90A41H501T", // a woman: day 1 + 40
        "BNCNNA90A71H501W", // a woman born on the 31st
        "RSSMRA85T31A562T",
        "VRDGPP13R10B293P",
        "PLLLCU80D05F205M"
      })
  void validCodesAreAccepted(String code) {
    assertThat(CodiceFiscale.parse(code).value()).isEqualTo(code);
    assertThat(CodiceFiscale.isValid(code)).isTrue();
    assertThat(CodiceFiscale.parse(code).isOmocodic()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "RSSMRA85T10A562, S",
    "BNCNNA90A41H501, T",
    "VRDGPP13R10B293, P",
    "PLLLCU80D05F205, M",
    "RSSMRA85T10A56N, H",
    "RSSMRAURTMLARSN, L"
  })
  void theCheckCharacterFollowsTheOddAndEvenTables(String first15, char expected) {
    assertThat(CodiceFiscale.checkCharacterOf(first15)).isEqualTo(expected);
  }

  @Test
  void inputIsTrimmedAndUpperCased() {
    CodiceFiscale code = CodiceFiscale.parse("  rssmra85t10a562s \t");

    assertThat(code.value()).isEqualTo("RSSMRA85T10A562S");
    assertThat(code)
        .isEqualTo(CodiceFiscale.parse("RSSMRA85T10A562S"))
        .hasToString("RSSMRA85T10A562S");
  }

  @ParameterizedTest(name = "{0} is the omocodic form of {1}")
  @CsvSource({
    "RSSMRA85T10A56NH, RSSMRA85T10A562S", // last digit 2 -> N
    "RSSMRA85T10A5SNT, RSSMRA85T10A562S", // the last two digits
    "RSSMRAURTMLARSNL, RSSMRA85T10A562S", // all seven positions
    "RSSMRA85T1LA562V, RSSMRA85T10A562S", // the day's last digit only: L is 0
    "RSSMRA85T1MA562J, RSSMRA85T11A562R" // M is 1: another person, born on the 11th
  })
  void omocodicCodesAreValidAndKnowTheirBaseCode(String omocodic, String base) {
    CodiceFiscale code = CodiceFiscale.parse(omocodic);

    assertThat(code.isOmocodic()).isTrue();
    assertThat(code.withoutOmocodia()).isEqualTo(CodiceFiscale.parse(base));
    assertThat(code).isNotEqualTo(CodiceFiscale.parse(base));
  }

  @Test
  void aCodeWithoutOmocodiaIsItsOwnBase() {
    CodiceFiscale code = CodiceFiscale.parse("RSSMRA85T10A562S");

    assertThat(code.withoutOmocodia()).isSameAs(code);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RSSMRA85T10A562T", // S expected
        "RSSMRA85T10A562A",
        "RSSMRA85T1LA562S", // L (0) at position 11 is valid omocodia: the check must be V
        "RSSMRA85T10A56NS", // omocodic, but check character of the base code
        "RSSMRA85T10A563S", // one digit changed
        "SRSMRA85T10A562S" // two letters swapped
      })
  void aWrongCheckCharacterIsRejected(String code) {
    assertThatThrownBy(() -> CodiceFiscale.parse(code))
        .isInstanceOf(InvalidTaxCodeException.class)
        .hasMessageContaining("check character")
        .extracting(e -> ((InvalidTaxCodeException) e).reason())
        .isEqualTo(InvalidTaxCodeException.Reason.CHECK_CHARACTER);
    assertThat(CodiceFiscale.isValid(code)).isFalse();
  }

  /** Each malformed code carries the check character it would have, so only the format fails. */
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "RSSMRA85T10A562", // 15 characters
        "RSSMRA85T10A562SX", // 17 characters
        "RSSMRA85 T10A562S",
        "R5SMRA85T10A562F", // digit among the name letters
        "RSSMRA85F10A562R", // F is not a month letter
        "RSSMRAA5T10A562A", // A is not an omocodia letter
        "RSSMRA85T10A56WJ", // W is not an omocodia letter
        "RSSMRA85T101562T", // a digit where the birthplace letter goes
        "RSSMRA85T00A562R", // day 0
        "RSSMRA85T32A562Y", // day 32
        "RSSMRA85T40A562V", // day 40
        "RSSMRA85T72A562C", // day 72
        "00097020598", // a body's numeric code is not a person's
        "RSSMRA85T10A562$"
      })
  void malformedCodesAreRejectedAsFormatErrors(String code) {
    assertThatThrownBy(() -> CodiceFiscale.parse(code))
        .isInstanceOf(InvalidTaxCodeException.class)
        .hasMessageStartingWith("Invalid codice fiscale")
        .satisfies(
            e -> {
              InvalidTaxCodeException refusal = (InvalidTaxCodeException) e;
              assertThat(refusal.reason()).isEqualTo(InvalidTaxCodeException.Reason.FORMAT);
              assertThat(refusal.code()).isEqualTo("tax-code.format");
              assertThat(refusal.italianMessage()).contains("formato");
            });
    assertThat(CodiceFiscale.isValid(code)).isFalse();
  }

  /**
   * The "dispari" table of INTEGRATIONS.md, entry by entry: with the character at position 1 and
   * {@code A} everywhere else, the sum is its odd value plus 7 (seven more A at odd positions,
   * worth 1 each; A at even positions is worth 0).
   */
  @ParameterizedTest(name = "dispari {0} = {1}")
  @CsvSource({
    "0,1", "1,0", "2,5", "3,7", "4,9", "5,13", "6,15", "7,17", "8,19", "9,21",
    "A,1", "B,0", "C,5", "D,7", "E,9", "F,13", "G,15", "H,17", "I,19", "J,21",
    "K,2", "L,4", "M,18", "N,20", "O,11", "P,3", "Q,6", "R,8", "S,12", "T,14",
    "U,16", "V,10", "W,22", "X,25", "Y,24", "Z,23"
  })
  void everyOddPositionValueFollowsTheDispariTable(char c, int oddValue) {
    assertThat(CodiceFiscale.checkCharacterOf(c + "A".repeat(14)))
        .isEqualTo((char) ('A' + (oddValue + 7) % 26));
  }

  /**
   * The "pari" values: digits 0–9 are 0–9, letters A–Z are 0–25; eight A at odd positions add 8.
   */
  @Test
  void everyEvenPositionValueFollowsThePariTable() {
    String characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (char c : characters.toCharArray()) {
      int evenValue = Character.isDigit(c) ? c - '0' : c - 'A';
      assertThat(CodiceFiscale.checkCharacterOf("A" + c + "A".repeat(13)))
          .as("pari %s", c)
          .isEqualTo((char) ('A' + (evenValue + 8) % 26));
    }
  }

  @Test
  void theCheckCharacterIsOnlyComputedOverFifteenLettersOrDigits() {
    assertThatThrownBy(() -> CodiceFiscale.checkCharacterOf("RSSMRA85T10A56"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CodiceFiscale.checkCharacterOf("RSSMRA85T10A56-"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
