package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItalianHolidayCalendarTest {

  private final ItalianHolidayCalendar national = ItalianHolidayCalendar.nationalOnly();
  private final ItalianHolidayCalendar torino =
      ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(Month.JUNE, 24));

  /** National holidays chosen on weekdays (and Saturdays), so only the holiday rule can fail. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "2026-01-01, New Year (Thu)",
    "2026-01-06, Epiphany (Tue)",
    "2026-04-06, Easter Monday 2026 (Mon)",
    "2027-03-29, Easter Monday 2027 (Mon)",
    "2028-04-17, Easter Monday 2028 (Mon)",
    "2026-04-25, Liberation Day (Sat)",
    "2028-04-25, Liberation Day (Tue)",
    "2026-05-01, Labour Day (Fri)",
    "2026-06-02, Republic Day (Tue)",
    "2027-06-02, Republic Day (Wed)",
    "2026-08-15, Assumption (Sat)",
    "2028-08-15, Assumption (Tue)",
    "2027-10-04, St Francis from 2026 (Mon)",
    "2028-10-04, St Francis from 2026 (Wed)",
    "2027-11-01, All Saints (Mon)",
    "2026-12-08, Immaculate Conception (Tue)",
    "2027-12-08, Immaculate Conception (Wed)",
    "2026-12-25, Christmas (Fri)",
    "2026-12-26, St Stephen (Sat)",
    "2025-12-26, St Stephen (Fri)"
  })
  void nationalHolidaysAreNotWorkingDays(LocalDate day, String name) {
    assertThat(day.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
    assertThat(ItalianHolidayCalendar.isNationalHoliday(day)).as(name).isTrue();
    assertThat(national.isWorkingDay(day)).as(name).isFalse();
  }

  /** Neighbours of holidays, Saturdays, and days that are holidays only elsewhere or later. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "2026-04-07, Tuesday after Easter Monday",
    "2026-04-03, Good Friday is not a holiday",
    "2026-05-25, Whit Monday (holiday only in South Tyrol)",
    "2025-10-04, 4 October before 2026 (Sat)",
    "2024-10-04, 4 October before 2026 (Fri)",
    "2026-06-24, St John (Torino's patron only)",
    "2026-12-07, St Ambrose (Milano's patron only)",
    "2026-12-24, Christmas Eve",
    "2026-12-31, New Year's Eve",
    "2027-01-02, an ordinary Saturday",
    "2026-03-14, an ordinary Saturday",
    "2026-03-16, an ordinary Monday"
  })
  void otherDaysAreWorkingDays(LocalDate day, String name) {
    assertThat(ItalianHolidayCalendar.isNationalHoliday(day)).as(name).isFalse();
    assertThat(national.isWorkingDay(day)).as(name).isTrue();
  }

  @Test
  void theFourthOfOctoberIsANationalHolidayFrom2026Only() {
    assertThat(ItalianHolidayCalendar.isNationalHoliday(LocalDate.of(2025, 10, 4))).isFalse();
    assertThat(ItalianHolidayCalendar.isNationalHoliday(LocalDate.of(2026, 10, 4))).isTrue();
    assertThat(ItalianHolidayCalendar.isNationalHoliday(LocalDate.of(2027, 10, 4))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-15", "2026-11-29", "2027-01-03", "2026-04-05"})
  void sundaysAreNeverWorkingDays(LocalDate sunday) {
    assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(national.isWorkingDay(sunday)).isFalse();
    assertThat(torino.isWorkingDay(sunday)).isFalse();
  }

  @Test
  void year2027HasThirteenNationalHolidaysCountingEasterSunday() {
    LocalDate day = LocalDate.of(2027, 1, 1);
    int holidays = 0;
    while (day.getYear() == 2027) {
      if (ItalianHolidayCalendar.isNationalHoliday(day)) {
        holidays++;
      }
      day = day.plusDays(1);
    }
    // 1/1, 6/1, Easter, Easter Monday, 25/4, 1/5, 2/6, 15/8, 4/10, 1/11, 8/12, 25/12, 26/12
    assertThat(holidays).isEqualTo(13);
  }

  @Test
  void thePatronSaintDayIsAHolidayOnlyForItsTenant() {
    LocalDate stJohn2026 = LocalDate.of(2026, 6, 24);

    assertThat(torino.isWorkingDay(stJohn2026)).isFalse();
    assertThat(national.isWorkingDay(stJohn2026)).isTrue();
    assertThat(torino.isWorkingDay(stJohn2026.plusDays(1))).isTrue();
    assertThat(torino.patronSaintDay()).contains(MonthDay.of(6, 24));
    assertThat(national.patronSaintDay()).isEmpty();
  }

  @Test
  void thePatronSaintDayRecursEveryYear() {
    assertThat(torino.isWorkingDay(LocalDate.of(2027, 6, 24))).isFalse();
    assertThat(torino.isWorkingDay(LocalDate.of(2031, 6, 24))).isFalse();
  }

  @Test
  void aPatronSaintDayOnTheTwentyNinthOfFebruaryOnlyExistsInLeapYears() {
    ItalianHolidayCalendar leap = ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(2, 29));

    assertThat(leap.isWorkingDay(LocalDate.of(2028, 2, 29))).isFalse();
    assertThat(leap.isWorkingDay(LocalDate.of(2027, 2, 27))).isTrue();
    assertThat(leap.isWorkingDay(LocalDate.of(2027, 3, 1))).isTrue();
  }

  @Test
  void aMissingPatronSaintDayIsRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> ItalianHolidayCalendar.withPatronSaintDay(null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-03-16, 2026-03-16, a working Monday stays",
    "2026-03-14, 2026-03-14, a Saturday stays",
    "2026-03-15, 2026-03-16, Sunday moves to Monday",
    "2024-12-25, 2024-12-27, seed 001: 25/12 moves to 27/12",
    "2026-12-25, 2026-12-28, Christmas Fri + St Stephen Sat + Sunday",
    "2025-12-31, 2025-12-31, New Year's Eve stays",
    "2026-01-01, 2026-01-02, New Year moves to 2 January",
    "2026-04-05, 2026-04-07, Easter Sunday and Monday",
    "2026-10-04, 2026-10-05, 4 October 2026 is a Sunday anyway",
    "2027-10-04, 2027-10-05, 4 October 2027 is a Monday holiday",
    "2026-11-01, 2026-11-02, All Saints on a Sunday",
    "2026-08-15, 2026-08-17, Assumption Sat then Sunday",
    "2026-05-01, 2026-05-02, Labour Day Fri to Saturday"
  })
  void firstWorkingDayFromSkipsSundaysAndHolidays(LocalDate day, LocalDate expected, String why) {
    assertThat(national.firstWorkingDayFrom(day)).as(why).isEqualTo(expected);
  }

  @Test
  void firstWorkingDayFromSkipsThePatronSaintDayOfTheTenant() {
    LocalDate stJohn2026 = LocalDate.of(2026, 6, 24);

    assertThat(torino.firstWorkingDayFrom(stJohn2026)).isEqualTo(LocalDate.of(2026, 6, 25));
    assertThat(national.firstWorkingDayFrom(stJohn2026)).isEqualTo(stJohn2026);
  }

  @Test
  void aPatronSaintDayAfterAHolidayExtendsTheShift() {
    // Hypothetical patron on 28 December: 25 (Fri), 26 (Sat), 27 (Sun) and 28 (Mon) are all off.
    ItalianHolidayCalendar calendar =
        ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(12, 28));

    assertThat(calendar.firstWorkingDayFrom(LocalDate.of(2026, 12, 25)))
        .isEqualTo(LocalDate.of(2026, 12, 29));
  }

  @Test
  void aCalendarWithoutWorkingDaysIsReportedInsteadOfLoopingForever() {
    DeadlineCalendar broken = day -> false;

    assertThatThrownBy(() -> broken.firstWorkingDayFrom(LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
