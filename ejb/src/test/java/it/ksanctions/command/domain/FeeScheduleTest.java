package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeScheduleTest {

  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate JUL_1 = LocalDate.of(2026, 7, 1);
  static final String DELIBERA = "Delibera G.C. n. 45 del 12/03/2026";

  static Fee fee(
      String code,
      FeeCategory category,
      NotificationChannel channel,
      String amount,
      LocalDate from,
      LocalDate to) {
    return new Fee(
        code,
        "Voce " + code,
        category,
        channel,
        FeeAmountKind.FIXED,
        new BigDecimal(amount),
        from,
        to,
        DELIBERA);
  }

  static Fee assessment(String amount, LocalDate from, LocalDate to) {
    return fee("ACC", FeeCategory.ASSESSMENT, null, amount, from, to);
  }

  static Fee notification(String code, NotificationChannel channel, String amount) {
    return fee(code, FeeCategory.NOTIFICATION, channel, amount, JAN_1, null);
  }

  /** The example of the seed: 15.00 assessment, 9.50 registered mail, 3.00 PEC. */
  static FeeSchedule latina() {
    return new FeeSchedule(
        List.of(
            notification("NOT-RAC", NotificationChannel.POST, "9.50"),
            notification("NOT-PEC", NotificationChannel.PEC, "3.00"),
            assessment("15.00", JAN_1, null)));
  }

  @Nested
  class Charged {

    @Test
    void assessmentAndTheChannelsNotificationFees() {
      assertThat(latina().charged(LocalDate.of(2026, 3, 10), NotificationChannel.POST))
          .extracting(FeeLine::code, FeeLine::category, FeeLine::amount)
          .containsExactly(
              tuple("ACC", FeeCategory.ASSESSMENT, new BigDecimal("15.00")),
              tuple("NOT-RAC", FeeCategory.NOTIFICATION, new BigDecimal("9.50")));
      assertThat(latina().charged(LocalDate.of(2026, 3, 10), NotificationChannel.PEC))
          .extracting(FeeLine::code)
          .containsExactly("ACC", "NOT-PEC");
    }

    @Test
    void noChannelYetMeansNoNotificationFee() {
      assertThat(latina().charged(LocalDate.of(2026, 3, 10), null))
          .extracting(FeeLine::code)
          .containsExactly("ACC");
    }

    @Test
    void aChannelWithoutFeesChargesOnlyTheOthers() {
      assertThat(latina().charged(LocalDate.of(2026, 3, 10), NotificationChannel.SEND))
          .extracting(FeeLine::code)
          .containsExactly("ACC");
    }

    @Test
    void administrativeFeesAreAlwaysCharged() {
      List<Fee> versions = new ArrayList<>(latina().versions());
      versions.add(fee("ADM", FeeCategory.ADMINISTRATIVE, null, "2.00", JAN_1, null));
      FeeSchedule schedule = new FeeSchedule(versions);
      assertThat(schedule.charged(JAN_1, NotificationChannel.POST))
          .extracting(FeeLine::code)
          .containsExactly("ACC", "NOT-RAC", "ADM");
      assertThat(schedule.charged(JAN_1, null))
          .extracting(FeeLine::code)
          .containsExactly("ACC", "ADM");
    }

    @Test
    void sortedByCategoryThenCode() {
      FeeSchedule schedule =
          new FeeSchedule(
              List.of(
                  fee("ZADM", FeeCategory.ADMINISTRATIVE, null, "1.00", JAN_1, null),
                  notification("NOT-B", NotificationChannel.POST, "2.00"),
                  fee("ACC-B", FeeCategory.ASSESSMENT, null, "3.00", JAN_1, null),
                  fee("AADM", FeeCategory.ADMINISTRATIVE, null, "4.00", JAN_1, null),
                  notification("NOT-A", NotificationChannel.POST, "5.00"),
                  fee("ACC-A", FeeCategory.ASSESSMENT, null, "6.00", JAN_1, null)));
      assertThat(schedule.charged(JAN_1, NotificationChannel.POST))
          .extracting(FeeLine::code)
          .containsExactly("ACC-A", "ACC-B", "NOT-A", "NOT-B", "AADM", "ZADM");
    }

    @ParameterizedTest
    @CsvSource({
      "2025-12-31, ''",
      "2026-01-01, 10.00",
      "2026-06-30, 10.00",
      "2026-07-01, 12.00",
      "2030-01-01, 12.00"
    })
    void onlyTheVersionInForceThatDay(LocalDate day, String expected) {
      FeeSchedule schedule =
          new FeeSchedule(
              List.of(
                  assessment("10.00", JAN_1, JUL_1.minusDays(1)),
                  assessment("12.00", JUL_1, null)));
      List<FeeLine> lines = schedule.charged(day, null);
      if (expected.isEmpty()) {
        assertThat(lines).isEmpty();
      } else {
        assertThat(lines)
            .singleElement()
            .extracting(FeeLine::amount)
            .isEqualTo(new BigDecimal(expected));
      }
    }

    @Test
    void dayIsRequired() {
      assertThatThrownBy(() -> latina().charged(null, NotificationChannel.POST))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Total {

    @Test
    void sanctionPlusFeesNeverDiscounted() {
      List<FeeLine> lines = latina().charged(LocalDate.of(2026, 3, 10), NotificationChannel.POST);
      assertThat(FeeSchedule.sum(lines)).isEqualTo(new BigDecimal("24.50"));
      // 173.00 reduced by 30 % within 5 days is 121.10; the fees stay 15.00 + 9.50.
      assertThat(FeeSchedule.total(new BigDecimal("121.10"), lines))
          .isEqualTo(new BigDecimal("145.60"));
    }

    @ParameterizedTest
    @CsvSource({"121.10, 145.60", "173.00, 197.50", "173, 197.50", "346.00, 370.50"})
    void theSameFeeLinesForEveryPaymentWindow(String sanction, String expected) {
      List<FeeLine> lines = latina().charged(LocalDate.of(2026, 3, 10), NotificationChannel.POST);
      assertThat(FeeSchedule.total(new BigDecimal(sanction), lines))
          .isEqualTo(new BigDecimal(expected));
    }

    @Test
    void noFeesMeansTheSanctionAlone() {
      assertThat(FeeSchedule.sum(List.of())).isEqualTo(new BigDecimal("0.00"));
      assertThat(FeeSchedule.total(new BigDecimal("42.00"), List.of()))
          .isEqualTo(new BigDecimal("42.00"));
    }
  }

  @Nested
  class NewVersion {

    @Test
    void closesTheCurrentVersionTheDayBefore() {
      FeeSchedule schedule = latina();
      List<Fee> after = schedule.withNewVersion(assessment("18.00", JUL_1, null));

      assertThat(after)
          .filteredOn(f -> f.code().equals("ACC"))
          .extracting(Fee::amount, Fee::validFrom, Fee::validTo)
          .containsExactly(
              tuple(new BigDecimal("15.00"), JAN_1, LocalDate.of(2026, 6, 30)),
              tuple(new BigDecimal("18.00"), JUL_1, null));
      assertThat(after)
          .filteredOn(f -> f.code().startsWith("NOT"))
          .containsExactlyElementsOf(schedule.versions().subList(0, 2));

      FeeSchedule next = new FeeSchedule(after);
      assertThat(FeeSchedule.sum(next.charged(LocalDate.of(2026, 6, 30), null)))
          .isEqualTo(new BigDecimal("15.00"));
      assertThat(FeeSchedule.sum(next.charged(JUL_1, null))).isEqualTo(new BigDecimal("18.00"));
      assertThat(schedule.versions())
          .as("the schedule itself is unchanged")
          .isEqualTo(latina().versions());
    }

    @Test
    void theNewVersionIsValidatedAndNormalised() {
      Fee raw = fee(" acc ", FeeCategory.ASSESSMENT, null, "18", JUL_1, null);
      List<Fee> after = latina().withNewVersion(raw);
      assertThat(after.get(after.size() - 1).code()).isEqualTo("ACC");
      assertThat(after.get(after.size() - 1).amount()).isEqualTo(new BigDecimal("18.00"));
      assertThat(after).filteredOn(f -> f.code().equals("ACC")).hasSize(2);

      assertThatThrownBy(
              () ->
                  latina()
                      .withNewVersion(fee("ACC", FeeCategory.ASSESSMENT, null, "0", JUL_1, null)))
          .isInstanceOf(CommandRuleException.class)
          .extracting(e -> ((CommandRuleException) e).code())
          .isEqualTo("command.fee.invalid");
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01", "2025-12-01"})
    void aVersionStartingOnOrBeforeAnExistingStartIsRefused(LocalDate from) {
      CommandRuleException e = null;
      try {
        latina().withNewVersion(assessment("18.00", from, null));
      } catch (CommandRuleException x) {
        e = x;
      }
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo("command.fee.version-not-after");
      assertThat(e.italianMessage())
          .isEqualTo(
              "La spesa ACC ha già una versione dal 01/01/2026: la nuova versione deve iniziare"
                  + " dopo.");
    }

    @Test
    void historyIsNotRewrittenEvenByALaterClosedVersion() {
      FeeSchedule schedule =
          new FeeSchedule(
              List.of(
                  assessment("10.00", JAN_1, JUL_1.minusDays(1)),
                  assessment("12.00", JUL_1, null)));
      assertThatThrownBy(
              () -> schedule.withNewVersion(assessment("11.00", LocalDate.of(2026, 3, 1), null)))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("command.fee.version-not-after")
          .hasMessageContaining("01/07/2026");
    }

    @Test
    void onlyTheVersionInForceIsClosed() {
      Fee old = assessment("10.00", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
      FeeSchedule schedule = new FeeSchedule(List.of(old, assessment("12.00", JAN_1, null)));
      List<Fee> after = schedule.withNewVersion(assessment("14.00", JUL_1, null));
      assertThat(after).contains(old);
      assertThat(after)
          .extracting(Fee::validFrom, Fee::validTo)
          .containsExactly(
              tuple(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
              tuple(JAN_1, LocalDate.of(2026, 6, 30)),
              tuple(JUL_1, null));
      for (int i = 0; i < after.size(); i++) {
        for (int j = i + 1; j < after.size(); j++) {
          assertThat(after.get(i).overlaps(after.get(j))).isFalse();
        }
      }
    }

    @Test
    void aVersionAfterAClosedOneLeavesItAsItIs() {
      Fee closed = assessment("10.00", JAN_1, LocalDate.of(2026, 3, 31));
      List<Fee> after =
          new FeeSchedule(List.of(closed)).withNewVersion(assessment("12.00", JUL_1, null));
      assertThat(after).containsExactly(closed, assessment("12.00", JUL_1, null));
    }

    @Test
    void aNewCodeIsSimplyAdded() {
      Fee send = notification("NOT-SEND", NotificationChannel.SEND, "5.45");
      List<Fee> after = latina().withNewVersion(send);
      assertThat(after).hasSize(4).endsWith(send.validated());
      assertThat(after.subList(0, 3)).isEqualTo(latina().versions());
    }
  }
}
