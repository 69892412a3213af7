package it.ksanctions.sanctions.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsagePeriodTest {

  @Test
  void aPeriodNeedsItsStartNotAfterItsEnd() {
    LocalDate day = LocalDate.of(2026, 3, 10);
    assertThat(new UsagePeriod(day, day).to()).isEqualTo(day);
    assertThatThrownBy(() -> new UsagePeriod(day, day.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UsagePeriod(null, day))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDayStartsAtMidnightInItaly() {
    // Winter (UTC+1) and summer (UTC+2).
    assertThat(UsagePeriod.startOf(LocalDate.of(2026, 1, 15)))
        .isEqualTo(Instant.parse("2026-01-14T23:00:00Z"));
    assertThat(UsagePeriod.startOf(LocalDate.of(2026, 7, 15)))
        .isEqualTo(Instant.parse("2026-07-14T22:00:00Z"));
  }

  @Test
  void oneStatementCountsPreNoticesAndDetectionsNotArchivedPerCode() {
    String sql = UsagePeriod.countsPer("device_code");
    assertThat(sql)
        .contains("from pre_notice p", "from detection d", "union all")
        .contains("p.status <> 'ARCHIVED'", "d.status <> 'ARCHIVED'")
        .contains("p.violation_at >= :startAt", "p.violation_at < :endAt")
        .contains("d.detected_at >= :startLocal", "d.detected_at < :endLocal")
        .endsWith("group by code");
  }

  @Test
  void theCountsOfBothTablesAreAddedPerCode() {
    Map<String, Long> counts =
        UsagePeriod.counts(
            List.of(
                new Object[] {"AV-01", 2L},
                new Object[] {"TAB-1", java.math.BigDecimal.valueOf(3)},
                new Object[] {"AV-01", 5}));
    assertThat(counts).containsExactly(Map.entry("AV-01", 7L), Map.entry("TAB-1", 3L));
  }
}
