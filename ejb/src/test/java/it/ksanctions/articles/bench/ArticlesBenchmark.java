package it.ksanctions.articles.bench;

import it.ksanctions.articles.domain.AmountAndDeadlineEngine;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.ItalianHolidayCalendar;
import it.ksanctions.articles.domain.PaymentWindows;
import it.ksanctions.articles.infrastructure.ArticleCsvReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the amount-and-deadline engine (one violation priced per call, night increase and a
 * holiday shift included) and the time to read and check an import file of 10,000 article versions.
 * Figures in docs/benchmarks.md; run with {@code ./mvnw test -Pbench-articles -pl ejb}.
 */
@State(Scope.Benchmark)
public class ArticlesBenchmark {

  private final AmountAndDeadlineEngine engine = new AmountAndDeadlineEngine();
  private ArticleVersion speeding;
  private ItalianHolidayCalendar torino;
  private byte[] tenThousandRows;
  private final ArticleCsvReader reader = new ArticleCsvReader(16L * 1024 * 1024);
  private int day;

  @Setup
  public void setUp() {
    speeding =
        ArticleVersion.ofHighwayCode(
            ArticleCode.parse("142c8"),
            new BigDecimal("173"),
            new BigDecimal("694"),
            Set.of(),
            LocalDate.of(2021, 1, 1),
            null);
    torino = ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(6, 24));
    StringBuilder csv =
        new StringBuilder(
            "codice;descrizione;importo_minimo;importo_massimo;sanzioni_accessorie;valido_dal;fonte_normativa\n");
    for (int i = 1; i <= 10_000; i++) {
      csv.append("R")
          .append(i)
          .append(";Regolamento comunale, articolo ")
          .append(i)
          .append(";25,00;500,00;")
          .append(i % 10 == 0 ? "sequestro" : "")
          .append(";01/01/2025;Delibera C.C. n. ")
          .append(i)
          .append("/2024\n");
    }
    tenThousandRows = csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One violation at night, notified on a varying day of 2026 (holidays and Sundays included). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public PaymentWindows priceAViolation() {
    day = (day + 1) % 365;
    LocalDate notified = LocalDate.of(2026, 1, 1).plusDays(day);
    return engine.paymentWindows(speeding, notified.atTime(23, 15), notified, torino);
  }

  /** Read and check 10,000 rows (all valid): the whole file, all-or-nothing. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ArticleImport readTenThousandRows() {
    ArticleImport result = reader.read(new ByteArrayInputStream(tenThousandRows));
    if (!result.acceptable() || result.versions().size() != 10_000) {
      throw new IllegalStateException(
          "The benchmark file should be valid: " + result.problems().stream().limit(3).toList());
    }
    return result;
  }
}
