package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.VerbaleDocument;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The time to render one verbale as PDF/A (three pages, two QR codes, the 126-bis form): the PDF
 * part of the bulk issue benchmark, alone. Figures in docs/benchmarks.md; run with {@code ./mvnw
 * test -Pbench-pdf -pl ejb}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerbalePdfBenchmark {

  private final VerbalePdf pdf = new VerbalePdf();
  private final VerbaleDocument document = VerbalePdfTest.sample();

  @Benchmark
  public byte[] renderOneVerbale() {
    return pdf.render(document);
  }
}
