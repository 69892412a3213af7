package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NumberBlockTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  static NumberBlock block() {
    return NumberBlock.reserve(
        "PALM-01",
        "agente.neri",
        "PL",
        2026,
        11,
        List.of("PL/2026/000011", "PL/2026/000012", "PL/2026/000013", "PL/2026/000014"),
        T0);
  }

  static SanctionsRule ruleOf(Throwable e) {
    return ((SanctionsRuleException) e).rule();
  }

  @Test
  void aBlockHasBetweenOneAndAHundredNumbers() {
    assertThat(NumberBlock.requireValidSize(1)).isEqualTo(1);
    assertThat(NumberBlock.requireValidSize(100)).isEqualTo(100);
    assertThatThrownBy(() -> NumberBlock.requireValidSize(0))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.BLOCK_SIZE_INVALID);
    assertThatThrownBy(() -> NumberBlock.requireValidSize(101))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.BLOCK_SIZE_INVALID);
  }

  @Test
  void aNewBlockIsConsecutiveAndOutstanding() {
    NumberBlock block = block();
    assertThat(block.firstProgressive()).isEqualTo(11);
    assertThat(block.lastProgressive()).isEqualTo(14);
    assertThat(block.numbers())
        .extracting(BlockNumber::progressive)
        .containsExactly(11L, 12L, 13L, 14L);
    assertThat(block.report()).isEqualTo(new NumberBlock.Report(4, 0, 0, 4));
    assertThat(block.changedNumbers()).isEmpty();
  }

  @Test
  void usedNumbersAndGivenBackNumbersAccountForTheWholeBlock() {
    NumberBlock block = block();
    UUID first = UUID.randomUUID();
    block.use("PL/2026/000011", first, "agente.neri", T0);
    assertThatThrownBy(() -> block.use("PL/2026/000011", UUID.randomUUID(), "agente.neri", T0))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.BLOCK_NUMBER_USED);
    assertThatThrownBy(() -> block.use("PL/2026/000099", UUID.randomUUID(), "agente.neri", T0))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.BLOCK_NUMBER_UNKNOWN);

    assertThatThrownBy(() -> block.giveBack(null, " ", "agente.neri", T0))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.REASON_REQUIRED);
    assertThatThrownBy(
            () -> block.giveBack(List.of("PL/2026/000011"), "Fine turno", "agente.neri", T0))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.BLOCK_NUMBER_USED);

    List<BlockNumber> annulled =
        block.giveBack(List.of("PL/2026/000014"), "Fine turno", "agente.neri", T0);
    assertThat(annulled).extracting(BlockNumber::text).containsExactly("PL/2026/000014");
    assertThat(block.report()).isEqualTo(new NumberBlock.Report(4, 1, 1, 2));
    // The rest, then the same again: nothing more changes.
    assertThat(block.giveBack(null, "Fine turno", "agente.neri", T0))
        .extracting(BlockNumber::text)
        .containsExactly("PL/2026/000012", "PL/2026/000013");
    assertThat(block.giveBack(null, "Fine turno", "agente.neri", T0)).isEmpty();
    assertThat(block.giveBack(List.of("PL/2026/000014"), "Di nuovo", "agente.neri", T0)).isEmpty();
    assertThat(block.report()).isEqualTo(new NumberBlock.Report(4, 1, 3, 0));
    assertThat(block.returnedAt()).isEqualTo(T0);
    assertThat(block.returnReason()).isEqualTo("Fine turno");
    assertThat(block.numbers())
        .filteredOn(n -> n.status() == BlockNumberStatus.ANNULLED)
        .allSatisfy(n -> assertThat(n.reason()).isEqualTo("Fine turno"));
    assertThatThrownBy(() -> block.use("PL/2026/000012", UUID.randomUUID(), "agente.neri", T0))
        .extracting(NumberBlockTest::ruleOf)
        .isEqualTo(SanctionsRule.BLOCK_NUMBER_ANNULLED);
    assertThat(block.changedNumbers()).hasSize(4);
  }
}
