package it.ksanctions.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertSettingsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Nested
  class Defaults {

    @Test
    void theDefaultsAreThirtySevenAndOneDaysThreeDaysAndThirtyDays() {
      AlertSettings defaults = AlertSettings.DEFAULTS;
      assertThat(defaults.calibrationLeadDays()).containsExactly(30, 7, 1);
      assertThat(defaults.syncMaxDays()).isEqualTo(3);
      assertThat(defaults.credentialDays()).isEqualTo(30);
      assertThat(defaults.longestLead()).isEqualTo(30);
      assertThat(defaults.leadDaysText()).isEqualTo("30, 7, 1");
    }

    @Test
    void missingStoredValuesTakeTheDefaults() {
      assertThat(AlertSettings.parse(null, null, null)).isEqualTo(AlertSettings.DEFAULTS);
      AlertSettings partial = AlertSettings.parse(null, " 5 ", null);
      assertThat(partial.calibrationLeadDays()).containsExactly(30, 7, 1);
      assertThat(partial.syncMaxDays()).isEqualTo(5);
      assertThat(partial.credentialDays()).isEqualTo(30);
    }
  }

  @Nested
  class Parsing {

    @Test
    void leadDaysAreParsedFromAList() {
      assertThat(AlertSettings.leadDays("30, 7,1")).containsExactly(30, 7, 1);
      assertThat(AlertSettings.leadDays(" 60;15  3 ")).containsExactly(60, 15, 3);
      assertThat(AlertSettings.leadDays("")).isEmpty();
    }

    @Test
    void storedValuesAreParsed() {
      AlertSettings settings = AlertSettings.parse("30, 7,1", "10", "90");
      assertThat(settings.calibrationLeadDays()).containsExactly(30, 7, 1);
      assertThat(settings.syncMaxDays()).isEqualTo(10);
      assertThat(settings.credentialDays()).isEqualTo(90);
    }

    @Test
    void leadDaysAreSortedDescendingWithoutDuplicates() {
      AlertSettings settings = AlertSettings.parse("1, 30, 7, 7, 1", "3", "30");
      assertThat(settings.calibrationLeadDays()).containsExactly(30, 7, 1);
      assertThat(settings.leadDaysText()).isEqualTo("30, 7, 1");
      assertThat(new AlertSettings(List.of(15, 60), 3, 30).calibrationLeadDays())
          .containsExactly(60, 15);
    }

    @Test
    void duplicatesDoNotCountTowardsTheFiveValues() {
      AlertSettings settings = AlertSettings.parse("30,30,15,15,7,7,1,1", "3", "30");
      assertThat(settings.calibrationLeadDays()).containsExactly(30, 15, 7, 1);
    }

    @Test
    void theLeadDaysAreUnmodifiable() {
      List<Integer> mutable = new ArrayList<>(List.of(7, 30));
      AlertSettings settings = new AlertSettings(mutable, 3, 30);
      mutable.add(90);
      assertThat(settings.calibrationLeadDays()).containsExactly(30, 7);
      assertThatThrownBy(() -> settings.calibrationLeadDays().add(2))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30,sette,1", "30.5", "trenta"})
    void nonNumericLeadDaysAreRefused(String text) {
      assertThatThrownBy(() -> AlertSettings.parse(text, null, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Valore non numerico per preavvisi di scadenza");
    }

    @Test
    void nonNumericDaysAreRefused() {
      assertThatThrownBy(() -> AlertSettings.parse(null, "tre", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Valore non numerico per giorni di sincronizzazione: tre");
      assertThatThrownBy(() -> AlertSettings.parse(null, null, "30g"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("durata delle credenziali");
    }
  }

  @Nested
  class Ranges {

    @ParameterizedTest
    @ValueSource(strings = {"", " , ", "0", "-1", "366", "30,7,0", "60,30,15,7,3,1"})
    void leadDaysOutOfRangeAreRefused(String text) {
      assertThatThrownBy(() -> AlertSettings.parse(text, "3", "30"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Preavvisi di scadenza taratura");
    }

    @Test
    void leadDaysAtTheBordersAreAccepted() {
      assertThat(AlertSettings.parse("365,1", "1", "1").calibrationLeadDays())
          .containsExactly(365, 1);
      assertThat(AlertSettings.parse("90,60,30,7,1", "3", "30").calibrationLeadDays()).hasSize(5);
    }

    @Test
    void missingOrNullLeadDaysAreRefused() {
      assertThatThrownBy(() -> new AlertSettings(null, 3, 30))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new AlertSettings(List.of(), 3, 30))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new AlertSettings(Arrays.asList(30, null), 3, 30))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, 91})
    void syncDaysOutOfRangeAreRefused(int days) {
      assertThatThrownBy(() -> new AlertSettings(List.of(30), days, 30))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tra 1 e 90");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 366})
    void credentialDaysOutOfRangeAreRefused(int days) {
      assertThatThrownBy(() -> new AlertSettings(List.of(30), 3, days))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tra 1 e 365");
    }

    @Test
    void daysAtTheBordersAreAccepted() {
      assertThat(new AlertSettings(List.of(1), 90, 365).syncMaxDays()).isEqualTo(90);
      assertThat(new AlertSettings(List.of(1), 1, 1).credentialDays()).isEqualTo(1);
    }
  }

  @Nested
  class CalibrationThreshold {

    @ParameterizedTest(name = "{0} days left → threshold {1}")
    @CsvSource({
      "31,", "40,", "365,", "30,30", "25,30", "8,30", "7,7", "5,7", "2,7", "1,1", "0,1", "-1,-1",
      "-30,-1"
    })
    void theThresholdIsTheSmallestLeadNotShorterThanTheDaysLeft(long daysLeft, Integer expected) {
      OptionalInt threshold =
          AlertSettings.DEFAULTS.calibrationThreshold(TODAY.plusDays(daysLeft), TODAY);
      if (expected == null) {
        assertThat(threshold).isEmpty();
      } else {
        assertThat(threshold).hasValue(expected);
      }
    }

    @Test
    void aCertificateExpiringTodayIsAtTheLastThreshold() {
      assertThat(AlertSettings.DEFAULTS.calibrationThreshold(TODAY, TODAY)).hasValue(1);
    }

    @Test
    void aCertificateExpiredYesterdayIsExpired() {
      assertThat(AlertSettings.DEFAULTS.calibrationThreshold(TODAY.minusDays(1), TODAY))
          .hasValue(-1);
    }

    @Test
    void theDaysAreCountedAcrossAYearBoundary() {
      LocalDate newYear = LocalDate.of(2027, 1, 5);
      assertThat(AlertSettings.DEFAULTS.calibrationThreshold(newYear, LocalDate.of(2026, 12, 29)))
          .hasValue(7);
      assertThat(AlertSettings.DEFAULTS.calibrationThreshold(newYear, LocalDate.of(2026, 12, 6)))
          .hasValue(30);
      assertThat(AlertSettings.DEFAULTS.calibrationThreshold(newYear, LocalDate.of(2026, 12, 5)))
          .isEmpty();
      assertThat(AlertSettings.DEFAULTS.calibrationThreshold(newYear, LocalDate.of(2027, 1, 4)))
          .hasValue(1);
      assertThat(
              AlertSettings.DEFAULTS.calibrationThreshold(
                  LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)))
          .hasValue(-1);
    }

    @Test
    void theDaysAreCountedAcrossALeapDay() {
      assertThat(
              AlertSettings.DEFAULTS.calibrationThreshold(
                  LocalDate.of(2028, 3, 1), LocalDate.of(2028, 2, 23)))
          .hasValue(7);
      assertThat(
              AlertSettings.DEFAULTS.calibrationThreshold(
                  LocalDate.of(2028, 3, 1), LocalDate.of(2028, 2, 22)))
          .hasValue(30);
    }

    @Test
    void customLeadsAreUsed() {
      AlertSettings settings = AlertSettings.parse("60, 15", "3", "30");
      assertThat(settings.longestLead()).isEqualTo(60);
      assertThat(settings.calibrationThreshold(TODAY.plusDays(61), TODAY)).isEmpty();
      assertThat(settings.calibrationThreshold(TODAY.plusDays(45), TODAY)).hasValue(60);
      assertThat(settings.calibrationThreshold(TODAY.plusDays(15), TODAY)).hasValue(15);
      assertThat(settings.calibrationThreshold(TODAY, TODAY)).hasValue(15);
    }
  }
}
