package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeeTest {

  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  static final String DELIBERA = "Delibera G.C. n. 45 del 12/03/2026";

  static Fee fee(String code, FeeCategory category, NotificationChannel channel, String amount) {
    return new Fee(
        code,
        "Spese di " + category.italianLabel().toLowerCase(),
        category,
        channel,
        FeeAmountKind.FIXED,
        amount == null ? null : new BigDecimal(amount),
        JAN_1,
        null,
        DELIBERA);
  }

  static Fee postFee() {
    return fee("NOT-RAC", FeeCategory.NOTIFICATION, NotificationChannel.POST, "9.50");
  }

  static Fee from(LocalDate from, LocalDate to) {
    Fee f = postFee();
    return new Fee(
        f.code(),
        f.description(),
        f.category(),
        f.channel(),
        f.amountKind(),
        f.amount(),
        from,
        to,
        f.legalReference());
  }

  static String messageOf(Fee f) {
    try {
      f.validated();
    } catch (CommandRuleException e) {
      assertThat(e.code()).isEqualTo("command.fee.invalid");
      assertThat(e.italianMessage()).startsWith("Spesa non valida: ").endsWith(".");
      return e.italianMessage();
    }
    throw new AssertionError("the fee was accepted");
  }

  @Nested
  class Validation {

    @Test
    void aValidFeeIsNormalised() {
      Fee raw =
          new Fee(
              " acc_01 ",
              "  Spese di accertamento ",
              FeeCategory.ASSESSMENT,
              null,
              FeeAmountKind.FIXED,
              new BigDecimal("15"),
              JAN_1,
              null,
              "  " + DELIBERA + " ");
      Fee v = raw.validated();
      assertThat(v.code()).isEqualTo("ACC_01");
      assertThat(v.description()).isEqualTo("Spese di accertamento");
      assertThat(v.amount()).isEqualTo(new BigDecimal("15.00"));
      assertThat(v.legalReference()).isEqualTo(DELIBERA);
    }

    @Test
    void everyWrongFieldIsListed() {
      Fee bad = new Fee("X", "ab", null, null, null, null, null, null, "n. 4");
      assertThat(messageOf(bad))
          .contains("codice voce non valido (2-20 caratteri: lettere maiuscole, cifre, _ e -)")
          .contains("descrizione obbligatoria (3-200 caratteri)")
          .contains("categoria obbligatoria")
          .contains("tipo di importo obbligatorio (fisso o variabile)")
          .contains("importo obbligatorio")
          .contains("data di inizio validità obbligatoria")
          .contains("riferimento normativo o deliberativo obbligatorio");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"A", "-ACC", "_ACC", "ACC 01", "ACC.01", "ABCDEFGHIJKLMNOPQRSTU", "ACCÈ"})
    void codePattern(String code) {
      Fee f = fee(code, FeeCategory.ASSESSMENT, null, "15.00");
      assertThat(messageOf(f))
          .isEqualTo(
              "Spesa non valida: codice voce non valido (2-20 caratteri: lettere maiuscole, cifre,"
                  + " _ e -).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AC", "acc", "NOT-RAC_2", "ABCDEFGHIJKLMNOPQRST", "1A"})
    void acceptedCodes(String code) {
      assertThat(fee(code, FeeCategory.ASSESSMENT, null, "15.00").validated().code())
          .isEqualTo(code.toUpperCase());
    }

    @Test
    void notificationFeesNameTheirChannel() {
      assertThat(messageOf(fee("NOT", FeeCategory.NOTIFICATION, null, "9.50")))
          .isEqualTo(
              "Spesa non valida: una spesa di notifica indica il canale (raccomandata, PEC, SEND,"
                  + " estero).");
      assertThat(postFee().validated().channel()).isEqualTo(NotificationChannel.POST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASSESSMENT", "ADMINISTRATIVE"})
    void otherFeesHaveNoChannel(FeeCategory category) {
      assertThat(messageOf(fee("X1", category, NotificationChannel.PEC, "5.00")))
          .isEqualTo("Spesa non valida: il canale si indica solo per le spese di notifica.");
      assertThat(fee("X1", category, null, "5.00").validated().channel()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1000.00", "1000", "9.5", "15.000", "1E+3"})
    void amountsFromOneCentToOneThousand(String amount) {
      Fee v = fee("ACC", FeeCategory.ASSESSMENT, null, amount).validated();
      assertThat(v.amount()).isEqualByComparingTo(amount);
      assertThat(v.amount().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1.00", "1000.01", "121000"})
    void amountsOutOfRangeAreRefused(String amount) {
      assertThat(messageOf(fee("ACC", FeeCategory.ASSESSMENT, null, amount)))
          .isEqualTo("Spesa non valida: importo tra 0,01 e 1.000,00 euro.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.505", "0.001", "15.0001"})
    void atMostTwoDecimals(String amount) {
      assertThat(messageOf(fee("ACC", FeeCategory.ASSESSMENT, null, amount)))
          .isEqualTo("Spesa non valida: importo con al più due decimali.");
    }

    @Test
    void validityEndMayNotPrecedeStart() {
      assertThat(messageOf(from(JAN_1, JAN_1.minusDays(1))))
          .isEqualTo("Spesa non valida: la fine della validità precede l'inizio.");
      Fee oneDay = from(JAN_1, JAN_1).validated();
      assertThat(oneDay.validTo()).isEqualTo(JAN_1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "L. 1", "abcd"})
    void legalReferenceIsMandatory(String reference) {
      Fee f = postFee();
      Fee without =
          new Fee(
              f.code(),
              f.description(),
              f.category(),
              f.channel(),
              f.amountKind(),
              f.amount(),
              f.validFrom(),
              f.validTo(),
              reference);
      assertThat(messageOf(without))
          .isEqualTo(
              "Spesa non valida: riferimento normativo o deliberativo obbligatorio (es. \"Delibera"
                  + " G.C. n. 45 del 12/03/2026\").");
    }

    @Test
    void variableAmountsAreAccepted() {
      Fee f = postFee();
      Fee variable =
          new Fee(
              f.code(),
              f.description(),
              f.category(),
              f.channel(),
              FeeAmountKind.VARIABLE,
              f.amount(),
              f.validFrom(),
              f.validTo(),
              f.legalReference());
      assertThat(variable.validated().amountKind()).isEqualTo(FeeAmountKind.VARIABLE);
    }
  }

  @Nested
  class Validity {

    @Test
    void inForceFromStartToEndBothIncluded() {
      Fee f = from(JAN_1, LocalDate.of(2026, 6, 30));
      assertThat(f.inForceOn(JAN_1.minusDays(1))).isFalse();
      assertThat(f.inForceOn(JAN_1)).isTrue();
      assertThat(f.inForceOn(LocalDate.of(2026, 3, 15))).isTrue();
      assertThat(f.inForceOn(LocalDate.of(2026, 6, 30))).isTrue();
      assertThat(f.inForceOn(LocalDate.of(2026, 7, 1))).isFalse();
    }

    @Test
    void openEndedIsInForceForever() {
      Fee f = from(JAN_1, null);
      assertThat(f.inForceOn(LocalDate.of(2099, 12, 31))).isTrue();
      assertThat(f.inForceOn(LocalDate.of(2025, 12, 31))).isFalse();
    }

    @Test
    void overlaps() {
      Fee h1 = from(JAN_1, LocalDate.of(2026, 6, 30));
      Fee h2 = from(LocalDate.of(2026, 7, 1), null);
      Fee lastDayOfH1 = from(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 8, 31));
      Fee open = from(LocalDate.of(2025, 1, 1), null);
      Fee before = from(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

      assertThat(h1.overlaps(h2)).isFalse();
      assertThat(h2.overlaps(h1)).isFalse();
      assertThat(h1.overlaps(lastDayOfH1)).isTrue();
      assertThat(lastDayOfH1.overlaps(h1)).isTrue();
      assertThat(lastDayOfH1.overlaps(h2)).isTrue();
      assertThat(open.overlaps(h1)).isTrue();
      assertThat(open.overlaps(h2)).isTrue();
      assertThat(before.overlaps(h1)).isFalse();
      assertThat(before.overlaps(open)).isTrue();
      assertThat(h1.overlaps(h1)).isTrue();
    }
  }

  @Test
  void validatingTwiceChangesNothing() {
    Fee once = postFee().validated();
    assertThat(once.validated()).isEqualTo(once);
    assertThatThrownBy(() -> fee("NOT", FeeCategory.NOTIFICATION, null, "1").validated())
        .isInstanceOf(CommandRuleException.class)
        .hasMessageStartingWith("command.fee.invalid: ");
  }
}
