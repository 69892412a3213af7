package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateTest {

  @Test
  void italianPlatesAreNormalised() {
    Plate plate = Plate.of(" ab 123-cd ", null);
    assertThat(plate.number()).isEqualTo("AB123CD");
    assertThat(plate.country()).isEqualTo("IT");
    assertThat(plate.italian()).isTrue();
    assertThat(plate.display()).isEqualTo("AB123CD");
    assertThat(Plate.of("AB123CD", "it")).isEqualTo(plate);
    assertThat(Plate.of("AB123CD", "I")).isEqualTo(plate);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AB123CD",
        "XA123AB",
        "AB12345",
        "X2B3CD",
        "LT123456",
        "ROMA12345",
        "MIA12345",
        "EI123AB",
        "VF12345",
        "CRI123AB"
      })
  void italianFormatsInCirculationAreAccepted(String number) {
    assertThat(Plate.of(number, "IT").number()).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A1", "AB12C", "AI123BC", "AB1234CD", "ABC1234D", "ÄB123CD", "123"})
  void malformedItalianPlatesAreRefused(String number) {
    assertThatThrownBy(() -> Plate.of(number, "IT"))
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PLATE_INVALID);
  }

  @Test
  void foreignPlatesAreFreeButNotEmptyNorTooLong() {
    Plate french = Plate.of("ab-123-cd", "fr");
    assertThat(french.number()).isEqualTo("AB123CD");
    assertThat(french.display()).isEqualTo("AB123CD (FR)");
    assertThat(Plate.of("M ÖK 1234", "DE").number()).isEqualTo("MÖK1234");
    assertThat(Plate.of("1", "CH").number()).isEqualTo("1");
    assertThatThrownBy(() -> Plate.of("ABCDEFGHIJKLMNOP", "DE"))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.FOREIGN_PLATE_INVALID);
    assertThatThrownBy(() -> Plate.of("AB/12", "DE"))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.FOREIGN_PLATE_INVALID);
  }

  @Test
  void blankPlatesAndUnknownCountriesAreRefused() {
    assertThatThrownBy(() -> Plate.of("  ", "IT"))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PLATE_REQUIRED);
    assertThatThrownBy(() -> Plate.of("AB123CD", "XX"))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PLATE_COUNTRY_INVALID);
    assertThatThrownBy(() -> Plate.of("AB123CD", "FRA"))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PLATE_COUNTRY_INVALID);
  }
}
