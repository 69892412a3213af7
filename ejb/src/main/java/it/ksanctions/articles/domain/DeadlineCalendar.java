package it.ksanctions.articles.domain;

import java.time.LocalDate;

/**
 * The calendar a tenant's payment terms run on: on which days a term may end.
 *
 * <p>A term whose last day falls on a Sunday or a public holiday moves to the next day that is
 * neither (art. 2963 c.c.; seed 001 "Articoli": a 5th day on a Sunday moves to Monday, on 25/12 to
 * 27/12). Public holidays are the national ones and the patron-saint day of the municipality (L.
 * 260/1949 art. 5), which is why the calendar belongs to the tenant. Saturdays are working days
 * here: the Civil Code rule names only Sundays and holidays.
 */
public interface DeadlineCalendar {

  /** Whether a term may end on this day: not a Sunday, a national holiday or the local holiday. */
  boolean isWorkingDay(LocalDate day);

  /** The day itself when it is a working day, else the first working day after it. */
  default LocalDate firstWorkingDayFrom(LocalDate day) {
    LocalDate candidate = day;
    // Italy never has more than three days off in a row; the bound only guards a broken calendar.
    for (int i = 0; i < 31; i++) {
      if (isWorkingDay(candidate)) {
        return candidate;
      }
      candidate = candidate.plusDays(1);
    }
    throw new IllegalStateException("No working day within 31 days from " + day);
  }
}
