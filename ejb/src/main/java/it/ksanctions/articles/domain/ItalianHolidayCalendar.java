package it.ksanctions.articles.domain;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A tenant's {@link DeadlineCalendar}: Sundays, the Italian national public holidays and,
 * optionally, the municipality's patron-saint day.
 *
 * <p>National holidays come from jollyday's calendar for Italy (national level only, never its
 * regional capitals' patron days) so that holidays added by law arrive with a library update rather
 * than a code change: 4 October (St Francis, L. 151/2025) is there from 2026, Easter Monday is
 * computed per year. The patron-saint day is the tenant's setting ({@code patronSaintDay}, {@code
 * MM-DD}) because it differs per municipality (L. 260/1949 art. 5); a command that is a union or a
 * province may have none.
 *
 * <p>The national holidays of a year never change at run time, so they are computed once per year
 * and shared by every tenant's calendar; a calendar itself is a cheap immutable value.
 */
public final class ItalianHolidayCalendar implements DeadlineCalendar {

  private static final Map<Integer, Set<LocalDate>> NATIONAL_HOLIDAYS_BY_YEAR =
      new ConcurrentHashMap<>();

  private final MonthDay patronSaintDay;

  private ItalianHolidayCalendar(MonthDay patronSaintDay) {
    this.patronSaintDay = patronSaintDay;
  }

  /** Sundays and national holidays only: a command without a patron-saint day of its own. */
  public static ItalianHolidayCalendar nationalOnly() {
    return new ItalianHolidayCalendar(null);
  }

  /** Sundays, national holidays and the municipality's patron-saint day. */
  public static ItalianHolidayCalendar withPatronSaintDay(MonthDay patronSaintDay) {
    return new ItalianHolidayCalendar(Objects.requireNonNull(patronSaintDay, "patronSaintDay"));
  }

  /** The local holiday, if the tenant has one. */
  public Optional<MonthDay> patronSaintDay() {
    return Optional.ofNullable(patronSaintDay);
  }

  @Override
  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !isPatronSaintDay(day)
        && !isNationalHoliday(day);
  }

  /** Whether {@code day} is a national public holiday in Italy (Sundays aside). */
  public static boolean isNationalHoliday(LocalDate day) {
    return NATIONAL_HOLIDAYS_BY_YEAR
        .computeIfAbsent(day.getYear(), ItalianHolidayCalendar::nationalHolidaysOf)
        .contains(day);
  }

  private boolean isPatronSaintDay(LocalDate day) {
    return patronSaintDay != null && patronSaintDay.equals(MonthDay.from(day));
  }

  private static Set<LocalDate> nationalHolidaysOf(int year) {
    return withOwnClassLoader(
        () ->
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.ITALY))
                .getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
                .stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * jollyday finds its XML reader (jollyday-jaxb) through {@link java.util.ServiceLoader} on the
   * thread's context class loader. In WildFly a timer or executor thread may carry a class loader
   * that does not see the EAR's {@code lib/}, so the lookup runs with the loader that loaded us.
   */
  private static <T> T withOwnClassLoader(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ItalianHolidayCalendar.class.getClassLoader());
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public String toString() {
    return "ItalianHolidayCalendar[patronSaintDay=" + patronSaintDay + "]";
  }
}
