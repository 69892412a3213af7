package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AllocationPlanTest {

  static final Set<String> REVENUE = Set.of("3010.01", "3010.02", "3010.03");

  static ChapterAllocation share(String chapter, String percentage) {
    return new ChapterAllocation(
        null, chapter, percentage == null ? null : new BigDecimal(percentage));
  }

  /** Shares "chapter:percentage" over the revenue chapters in order. */
  static List<ChapterAllocation> shares(String... percentages) {
    List<ChapterAllocation> list = new ArrayList<>();
    for (int i = 0; i < percentages.length; i++) {
      list.add(share("3010.0" + (i + 1), percentages[i]));
    }
    return list;
  }

  static CommandRuleException refusal(String type, List<ChapterAllocation> shares) {
    try {
      AllocationPlan.checkType(type, shares, REVENUE);
    } catch (CommandRuleException e) {
      return e;
    }
    throw new AssertionError("the plan was accepted");
  }

  @Nested
  class Totals {

    @Test
    void halfAndHalfForSpeedCameras() {
      List<ChapterAllocation> plan =
          AllocationPlan.checkType(" Velocità ", shares("50", "50"), REVENUE);
      assertThat(plan)
          .containsExactly(
              new ChapterAllocation("Velocità", "3010.01", new BigDecimal("50.00")),
              new ChapterAllocation("Velocità", "3010.02", new BigDecimal("50.00")));
    }

    @Test
    void thirdsWithTwoDecimals() {
      assertThat(AllocationPlan.checkType("TUTTE", shares("33.33", "33.33", "33.34"), REVENUE))
          .extracting(ChapterAllocation::percentage)
          .containsExactly(
              new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
    }

    @Test
    void oneChapterTakingEverything() {
      assertThat(AllocationPlan.checkType("TUTTE", shares("100.000"), REVENUE))
          .singleElement()
          .extracting(ChapterAllocation::percentage)
          .isEqualTo(new BigDecimal("100.00"));
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "60,30; 90,00",
          "33.33,33.33,33.33; 99,99",
          "50,50.01; 100,01",
          "70,40; 110,00",
          "99.99; 99,99"
        })
    void sharesMustTotalExactlyOneHundred(String percentages, String shownSum) {
      CommandRuleException e = refusal("Velocità", shares(percentages.split(",")));
      assertThat(e.code()).isEqualTo("command.allocation.total-not-100");
      assertThat(e.italianMessage())
          .isEqualTo(
              "Le percentuali di Velocità sommano "
                  + shownSum
                  + "%: devono fare esattamente 100%.");
    }
  }

  @Nested
  class Percentages {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-50", "100.01", "150", "33.333", "0.001"})
    void aboveZeroUpToOneHundredWithTwoDecimals(String percentage) {
      CommandRuleException e =
          refusal("TUTTE", List.of(share("3010.01", percentage), share("3010.02", "50")));
      assertThat(e.code()).isEqualTo("command.allocation.percentage-invalid");
      assertThat(e.italianMessage())
          .isEqualTo(
              "Percentuale del capitolo 3010.01 non valida: un numero maggiore di 0 e fino a 100,"
                  + " con al più due decimali.");
    }

    @Test
    void missingPercentageIsRefused() {
      assertThat(refusal("TUTTE", List.of(share("3010.01", null))).code())
          .isEqualTo("command.allocation.percentage-invalid");
    }

    @Test
    void trailingZerosAreNotDecimals() {
      assertThat(AllocationPlan.checkType("TUTTE", shares("50.0000", "50.000"), REVENUE))
          .extracting(ChapterAllocation::percentage)
          .containsOnly(new BigDecimal("50.00"));
    }
  }

  @Nested
  class Chapters {

    @Test
    void onlyActiveRevenueChapters() {
      CommandRuleException e =
          refusal("TUTTE", List.of(share("3010.01", "50"), share("1010.01", "50")));
      assertThat(e.code()).isEqualTo("command.allocation.chapter-not-revenue");
      assertThat(e.italianMessage())
          .isEqualTo(
              "Il capitolo 1010.01 non esiste, non è attivo o non è un capitolo di entrata: le"
                  + " sanzioni si imputano solo a capitoli di entrata attivi.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aShareWithoutChapterIsRefused(String chapter) {
      CommandRuleException e = refusal("Sosta", List.of(share(chapter, "100")));
      assertThat(e.code()).isEqualTo("command.allocation.chapter-not-revenue");
      assertThat(e.italianMessage())
          .isEqualTo("Indicare il capitolo di entrata di ogni quota di Sosta.");
    }

    @Test
    void chapterCodesAreTrimmed() {
      assertThat(AllocationPlan.checkType("TUTTE", List.of(share(" 3010.01 ", "100")), REVENUE))
          .extracting(ChapterAllocation::chapterCode)
          .containsExactly("3010.01");
    }

    @Test
    void aRepeatedChapterIsRefused() {
      CommandRuleException e =
          refusal("Velocità", List.of(share("3010.01", "50"), share("3010.01 ", "50")));
      assertThat(e.code()).isEqualTo("command.allocation.chapter-repeated");
      assertThat(e.italianMessage())
          .isEqualTo("Il capitolo 3010.01 compare due volte per Velocità: unire le quote.");
    }

    @Test
    void noSharesIsRefused() {
      CommandRuleException e = refusal("Sosta", List.of());
      assertThat(e.code()).isEqualTo("command.allocation.empty");
      assertThat(e.italianMessage())
          .isEqualTo("Indicare almeno un capitolo per il tipo di violazione Sosta.");
    }
  }

  @Nested
  class Types {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
        strings = {
          "   ",
          "-Velocità",
          "*",
          "Velocità; DROP",
          "VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVV"
        })
    void blankOrInvalidTypeIsRefused(String type) {
      CommandRuleException e = refusal(type, shares("100"));
      assertThat(e.code()).isEqualTo("command.allocation.type-invalid");
      assertThat(e.italianMessage())
          .isEqualTo(
              "Tipo di violazione non valido: indicare una categoria di articoli (es. Velocità) o"
                  + " TUTTE.");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"TUTTE", "Velocità", "Sosta e fermata", "Art. 7 c. 1/a (ZTL)", "Cinture d'uso"})
    void articleCategoriesAreAccepted(String type) {
      assertThat(AllocationPlan.checkType(type, shares("100"), REVENUE))
          .extracting(ChapterAllocation::violationType)
          .containsExactly(type);
    }
  }

  @Nested
  class IncompleteTypes {

    @Test
    void wholePlansAreNotListed() {
      List<ChapterAllocation> all = new ArrayList<>();
      all.addAll(AllocationPlan.checkType("TUTTE", shares("100"), REVENUE));
      all.addAll(AllocationPlan.checkType("Velocità", shares("33.33", "33.33", "33.34"), REVENUE));
      assertThat(AllocationPlan.incompleteTypes(all)).isEmpty();
      assertThat(AllocationPlan.incompleteTypes(List.of())).isEmpty();
    }

    @Test
    void brokenPlansAreListedWithTheirSumInOrder() {
      List<ChapterAllocation> all =
          List.of(
              new ChapterAllocation("Velocità", "3010.01", new BigDecimal("60.00")),
              new ChapterAllocation("TUTTE", "3010.01", new BigDecimal("100.00")),
              new ChapterAllocation("Velocità", "3010.02", new BigDecimal("30.00")),
              new ChapterAllocation("Sosta", "3010.03", new BigDecimal("100.50")));
      assertThat(AllocationPlan.incompleteTypes(all))
          .containsExactly(
              entry("Velocità", new BigDecimal("90.00")), entry("Sosta", new BigDecimal("100.50")));
    }
  }
}
