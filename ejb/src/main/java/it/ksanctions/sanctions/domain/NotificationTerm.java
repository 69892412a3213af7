package it.ksanctions.sanctions.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The term of art. 201 c. 1 CdS for notifying a violation not contested on the spot: 90 days from
 * the assessment, 360 when the owner resides abroad; a verbale notified later is void. The last day
 * is counted as the assessment day plus the days (the assessment day itself is not counted). A term
 * ending on a holiday is not moved here: the product stays on the earlier, safe side.
 */
public record NotificationTerm(LocalDate assessedOn, boolean ownerAbroad, LocalDate lastDay) {

  public static final int DAYS_IN_ITALY = 90;
  public static final int DAYS_ABROAD = 360;

  public NotificationTerm {
    Objects.requireNonNull(assessedOn, "assessedOn");
    Objects.requireNonNull(lastDay, "lastDay");
  }

  public static NotificationTerm of(LocalDate assessedOn, boolean ownerAbroad) {
    return new NotificationTerm(
        assessedOn, ownerAbroad, assessedOn.plusDays(ownerAbroad ? DAYS_ABROAD : DAYS_IN_ITALY));
  }

  /** Days left on {@code today} (0 on the last day, negative once it has passed). */
  public long daysLeft(LocalDate today) {
    return ChronoUnit.DAYS.between(today, lastDay);
  }

  public boolean lapsed(LocalDate today) {
    return today.isAfter(lastDay);
  }

  public long daysLeft(Clock clock) {
    return daysLeft(LocalDate.now(clock));
  }
}
