package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerbalePinTest {

  @Test
  void aPinMatchesItsHashWhateverTheCaseAndSpacesAndNoOtherPinDoes() {
    String pin = VerbalePin.generate();
    String stored = VerbalePin.hash(pin);

    assertThat(pin).matches("[A-HJ-NP-Z2-9]{10}");
    assertThat(VerbalePin.matches(pin, stored)).isTrue();
    assertThat(
            VerbalePin.matches(
                " " + pin.substring(0, 5).toLowerCase() + " " + pin.substring(5), stored))
        .isTrue();
    assertThat(VerbalePin.matches(VerbalePin.generate(), stored)).isFalse();
    assertThat(VerbalePin.hash(pin)).as("salted").isNotEqualTo(stored);
  }

  @Test
  void theTagIgnoresCaseAndSpacesAndSpreadsPinsOverItsRange() {
    String pin = VerbalePin.generate();
    assertThat(VerbalePin.tag(pin.toLowerCase() + " ")).isEqualTo(VerbalePin.tag(pin));

    Set<Short> tags = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      short tag = VerbalePin.tag(VerbalePin.generate());
      assertThat(tag).isBetween((short) 0, (short) 255);
      tags.add(tag);
    }
    // 2,000 random PINs leave a tag unused with probability (255/256)^2000 < 0.1 %: the owner's
    // other acts are rarely candidates
    assertThat(tags).hasSizeGreaterThan(240);
  }
}
