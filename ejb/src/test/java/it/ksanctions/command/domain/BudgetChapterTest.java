package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetChapterTest {

  static BudgetChapter chapter(String code) {
    return new BudgetChapter(
        code,
        "Proventi da sanzioni al codice della strada",
        ChapterType.REVENUE,
        "Sanzione CdS verbale",
        "IT60X0542811101000000123456",
        null);
  }

  static String messageOf(BudgetChapter c) {
    try {
      c.validated();
    } catch (CommandRuleException e) {
      assertThat(e.code()).isEqualTo("command.chapter.invalid");
      assertThat(e.italianMessage()).startsWith("Capitolo non valido: ").endsWith(".");
      return e.italianMessage();
    }
    throw new AssertionError("the chapter was accepted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3010.01", "E.3.02.02.01.004", "A", "2026/12-B", "0"})
  void validCodes(String code) {
    assertThat(BudgetChapter.validCode(code)).isTrue();
    assertThat(chapter(code).validated().code()).isEqualTo(code);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        ".3010",
        "-3010",
        "3010 01",
        "3010,01",
        "CAP_1",
        "E.3.02.02.01.004.000.0000001.99"
      })
  void invalidCodes(String code) {
    assertThat(BudgetChapter.validCode(code)).isFalse();
    assertThat(messageOf(chapter(code)))
        .isEqualTo(
            "Capitolo non valido: codice di capitolo non valido (1-30 caratteri: cifre, lettere"
                + " maiuscole, punto, barra, trattino).");
  }

  @Test
  void codeIsTrimmedAndUpperCasedBeforeTheCheck() {
    assertThat(BudgetChapter.validCode("e.3.02")).isFalse();
    assertThat(chapter("  e.3.02 ").validated().code()).isEqualTo("E.3.02");
  }

  @Test
  void thirtyCharactersAtMost() {
    assertThat(BudgetChapter.validCode("A".repeat(30))).isTrue();
    assertThat(BudgetChapter.validCode("A".repeat(31))).isFalse();
  }

  @Test
  void everyWrongFieldIsListed() {
    BudgetChapter bad =
        new BudgetChapter("cap 1", " ab ", null, "x".repeat(141), "y".repeat(61), "z".repeat(1001));
    assertThat(messageOf(bad))
        .isEqualTo(
            "Capitolo non valido: codice di capitolo non valido (1-30 caratteri: cifre, lettere"
                + " maiuscole, punto, barra, trattino); descrizione obbligatoria (3-200"
                + " caratteri); tipologia obbligatoria (entrata o spesa); causale di versamento"
                + " troppo lunga (massimo 140 caratteri); conto di tesoreria troppo lungo"
                + " (massimo 60 caratteri); note troppo lunghe (massimo 1000 caratteri).");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "ab"})
  void descriptionIsMandatory(String description) {
    BudgetChapter c =
        new BudgetChapter("3010.01", description, ChapterType.REVENUE, null, null, null);
    assertThat(messageOf(c))
        .isEqualTo("Capitolo non valido: descrizione obbligatoria (3-200 caratteri).");
  }

  @Test
  void typeIsMandatoryAndBothTypesAreAccepted() {
    assertThat(messageOf(new BudgetChapter("1010", "Spese di notifica", null, null, null, null)))
        .isEqualTo("Capitolo non valido: tipologia obbligatoria (entrata o spesa).");
    assertThat(
            new BudgetChapter("1010", "Spese di notifica", ChapterType.EXPENSE, null, null, null)
                .validated()
                .type())
        .isEqualTo(ChapterType.EXPENSE);
  }

  @Test
  void paymentReasonFitsPagoPaRemittanceOf140Characters() {
    BudgetChapter at140 =
        new BudgetChapter(
            "3010.01", "Proventi CdS", ChapterType.REVENUE, "c".repeat(140), null, null);
    assertThat(at140.validated().paymentReason()).hasSize(140);

    BudgetChapter at141 =
        new BudgetChapter(
            "3010.01", "Proventi CdS", ChapterType.REVENUE, "c".repeat(141), null, null);
    assertThat(messageOf(at141))
        .isEqualTo(
            "Capitolo non valido: causale di versamento troppo lunga (massimo 140 caratteri).");

    BudgetChapter padded =
        new BudgetChapter(
            "3010.01",
            "Proventi CdS",
            ChapterType.REVENUE,
            "  " + "c".repeat(140) + "  ",
            null,
            null);
    assertThat(padded.validated().paymentReason()).as("spaces around do not count").hasSize(140);
  }

  @Test
  void optionalTextIsTrimmedAndBlankBecomesNull() {
    BudgetChapter v =
        new BudgetChapter(
                " 3010.01 ", "  Proventi CdS ", ChapterType.REVENUE, "  ", " IT60X05 ", " nota ")
            .validated();
    assertThat(v)
        .isEqualTo(
            new BudgetChapter(
                "3010.01", "Proventi CdS", ChapterType.REVENUE, null, "IT60X05", "nota"));
  }
}
