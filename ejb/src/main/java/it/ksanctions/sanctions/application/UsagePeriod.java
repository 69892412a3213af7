package it.ksanctions.sanctions.application;

import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A period of Europe/Rome days as the usage queries bind it: pre-notices keep the violation as an
 * instant ({@code :startAt}, {@code :endAt}), detections as the camera's local time ({@code
 * :startLocal}, {@code :endLocal}); the end is exclusive (the day after {@code to}).
 */
record UsagePeriod(LocalDate from, LocalDate to) {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  UsagePeriod {
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException("A period needs a start not after its end");
    }
  }

  /** The instant the Europe/Rome {@code day} starts. */
  static java.time.Instant startOf(LocalDate day) {
    return day.atStartOfDay(ITALY).toInstant();
  }

  /** Binds {@code :startAt}, {@code :endAt}, {@code :startLocal} and {@code :endLocal}. */
  Query bind(Query query) {
    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    return query
        .setParameter("startAt", startOf(from))
        .setParameter("endAt", startOf(to.plusDays(1)))
        .setParameter("startLocal", start)
        .setParameter("endLocal", end);
  }

  /**
   * The SQL counting not archived pre-notices and detections per value of {@code column} (a column
   * both tables have under that name) in the period: one statement.
   */
  static String countsPer(String column) {
    return "select code, sum(n) from (select p."
        + column
        + " as code, count(*) as n from pre_notice p where p."
        + column
        + " is not null and p.status <> 'ARCHIVED' and p.violation_at >= :startAt and"
        + " p.violation_at < :endAt group by p."
        + column
        + " union all select d."
        + column
        + ", count(*) from detection d where d.status <> 'ARCHIVED' and d.detected_at >="
        + " :startLocal and d.detected_at < :endLocal group by d."
        + column
        + ") u group by code";
  }

  /** The rows of a {@link #countsPer} query as a map. */
  static Map<String, Long> counts(List<?> rows) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      counts.merge((String) columns[0], ((Number) columns[1]).longValue(), Long::sum);
    }
    return counts;
  }
}
