package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerbaleNumberPatternTest {

  static void refused(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOf(CommandRuleException.class)
        .satisfies(
            e -> {
              CommandRuleException rule = (CommandRuleException) e;
              assertThat(rule.code()).isEqualTo(code);
              assertThat(rule.italianMessage()).isNotBlank();
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{PREFISSO}/{ANNO}/{N:6}|PL|2026|1|PL/2026/000001",
        "{PREFISSO}/{ANNO}/{N:6}|PL|2026|1234567|PL/2026/1234567",
        "{PREFISSO}-{AA}-{N}|VL|2027|42|VL-27-42",
        "{PREFISSO}-{AA}-{N}|VL|2100|3|VL-00-3",
        "Verb. {N:10} del {ANNO}|ZTL1|2026|7|Verb. 0000000007 del 2026",
        "{N:1}_{ANNO}|X|999|9|9_0999",
      })
  void formatsEveryToken(String pattern, String prefix, int year, long n, String expected) {
    assertThat(VerbaleNumberPattern.of(pattern, true).format(prefix, year, n)).isEqualTo(expected);
  }

  @Test
  void thePreviewChecksThePrefixToo() {
    VerbaleNumberPattern pattern = VerbaleNumberPattern.of(VerbaleNumberPattern.DEFAULT, true);
    assertThat(pattern.preview(" pl ", 2026, 1)).isEqualTo("PL/2026/000001");
    refused(() -> pattern.preview("P-L", 2026, 1), "command.numbering.prefix-invalid");
  }

  @Test
  void withoutAnnualResetTheYearIsOptional() {
    assertThat(VerbaleNumberPattern.of("{PREFISSO}{N:8}", false).format("PL", 2026, 12))
        .isEqualTo("PL00000012");
    refused(
        () -> VerbaleNumberPattern.of("{PREFISSO}{N:8}", true), "command.numbering.year-missing");
  }

  @Test
  void exactlyOneProgressive() {
    refused(
        () -> VerbaleNumberPattern.of("{PREFISSO}/{ANNO}", true),
        "command.numbering.progressive-missing");
    refused(
        () -> VerbaleNumberPattern.of("{ANNO}/{N}/{N:3}", true),
        "command.numbering.progressive-repeated");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' '|command.numbering.pattern-missing",
        "{ANNO}/{N:0}|command.numbering.width-invalid",
        "{ANNO}/{N:11}|command.numbering.width-invalid",
        "{ANNO}/{N:x}|command.numbering.width-invalid",
        "{anno}/{N}|command.numbering.token-unknown",
        "{ANNO}/{NUMERO}|command.numbering.token-unknown",
        "{ANNO}/{N|command.numbering.brace-unclosed",
        "{ANNO}/N}|command.numbering.character-invalid",
        "{ANNO}#{N}|command.numbering.character-invalid",
        "{ANNO}/{N}/è|command.numbering.character-invalid",
      })
  void brokenPatternsAreExplained(String pattern, String code) {
    refused(() -> VerbaleNumberPattern.of(pattern, true), code);
  }

  @Test
  void atMostSixtyCharacters() {
    String sixty = "{ANNO}{N}" + "A".repeat(51);
    assertThat(VerbaleNumberPattern.of(sixty, true).text()).hasSize(60);
    refused(() -> VerbaleNumberPattern.of(sixty + "A", true), "command.numbering.pattern-too-long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "ABCDEFGHIJK", "P L", "PL-", "PÀ"})
  void prefixesAreOneToTenLettersOrDigits(String prefix) {
    refused(
        () -> VerbaleNumberPattern.requireValidPrefix(prefix), "command.numbering.prefix-invalid");
  }

  @Test
  void prefixesAreUpperCased() {
    assertThat(VerbaleNumberPattern.requireValidPrefix(" ztl2026 ")).isEqualTo("ZTL2026");
    assertThat(VerbaleNumberPattern.requireValidPrefix("ABCDEFGHIJ")).isEqualTo("ABCDEFGHIJ");
  }

  @Test
  void tellsWhetherPrefixAndYearArePrinted() {
    VerbaleNumberPattern bare = VerbaleNumberPattern.of("{N}", false);
    assertThat(bare.printsPrefix()).isFalse();
    assertThat(bare.printsYear()).isFalse();
    VerbaleNumberPattern full = VerbaleNumberPattern.of("{PREFISSO} {AA} {N}", true);
    assertThat(full.printsPrefix()).isTrue();
    assertThat(full.printsYear()).isTrue();
  }

  @Test
  void numberingParametersKeepPatternAndResetConsistent() {
    NumberingParameters defaults = NumberingParameters.defaults();
    assertThat(defaults.sequenceYear(2026)).isEqualTo(2026);
    assertThat(NumberingParameters.of("{PREFISSO}/{N}", "pl", false).sequenceYear(2026)).isZero();
    assertThat(NumberingParameters.of("{PREFISSO}/{N}", "pl", false).defaultPrefix())
        .isEqualTo("PL");
    refused(
        () -> new NumberingParameters(VerbaleNumberPattern.of("{N}", false), "PL", true),
        "command.numbering.year-missing");
  }
}
