package it.ksanctions.devstack;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Onboards N tenants one after the other on a fresh stack and prints how onboarding time and heap
 * evolve with the number of tenants (target: tenant #N at most 1.25 x tenant #1 and at most 1 s).
 * Figures go to docs/benchmarks.md. Not a test: it prints, it does not assert.
 */
public final class OnboardingBenchmark {

  private static final Pattern DURATION = Pattern.compile("\"onboardingDurationMillis\":(\\d+)");

  private OnboardingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tenants = Integer.getInteger("bench.tenants", 200);
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres = LocalStack.freshEmbeddedPostgres(layout, "ksanctions_bench", DevRun::say);
    try (LocalStack stack =
        LocalStack.start(
            layout, postgres, 300, "ksanctions-bench", true, true, Map.of(), DevRun::say)) {
      PlatformClient platform = stack.platformClient();
      long heapBefore = stack.server().heapUsedAfterGc();
      List<long[]> samples = new ArrayList<>(); // {client ms, server ms}
      for (int i = 1; i <= tenants; i++) {
        String slug = String.format("bench-%04d", i);
        long start = System.nanoTime();
        HttpResponse<String> response =
            platform.onboard(
                slug, "Comune di prova " + i, "COMUNE", "00097020598", "01-20", List.of());
        long clientMs = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 201) {
          throw new IllegalStateException(
              "Onboarding " + slug + " gave " + response.statusCode() + " " + response.body());
        }
        Matcher m = DURATION.matcher(response.body());
        long serverMs = m.find() ? Long.parseLong(m.group(1)) : -1;
        samples.add(new long[] {clientMs, serverMs});
        if (i % 50 == 0) {
          DevRun.say("onboarded " + i + " tenants");
        }
      }
      long heapAfter = stack.server().heapUsedAfterGc();
      report(tenants, samples, heapBefore, heapAfter);
      // A restart migrates every onboarded tenant before the application serves requests.
      long restartStart = System.nanoTime();
      stack.restartServer();
      long restartMs = (System.nanoTime() - restartStart) / 1_000_000;
      System.out.printf(
          "  restart with %d tenants (stop, start, start-up migration check of every tenant): %d ms%n",
          tenants, restartMs);
      // The server log of the restarted node: its start-up migration summary and boot time.
      List<String> log = java.nio.file.Files.readAllLines(stack.server().serverLog());
      log.stream()
          .filter(line -> line.contains("Tenant schemas migrated") || line.contains("WFLYSRV0025"))
          .skip(
              Math.max(
                  0,
                  log.stream()
                          .filter(
                              line ->
                                  line.contains("Tenant schemas migrated")
                                      || line.contains("WFLYSRV0025"))
                          .count()
                      - 2))
          .forEach(line -> System.out.println("    " + line.substring(line.indexOf(')') + 2)));
    }
  }

  private static void report(int n, List<long[]> samples, long heapBefore, long heapAfter) {
    long[] first = samples.get(0);
    long[] last = samples.get(n - 1);
    int window = Math.min(10, n);
    System.out.println();
    System.out.println(
        "Onboarding benchmark: " + n + " tenants, sequential, fresh embedded PostgreSQL");
    System.out.printf("  tenant #1    client %5d ms   server %5d ms%n", first[0], first[1]);
    System.out.printf("  tenant #%-4d client %5d ms   server %5d ms%n", n, last[0], last[1]);
    System.out.printf(
        "  ratio #%d/#1 (client): %.2f%n", n, (double) last[0] / Math.max(1, first[0]));
    System.out.printf(
        "  median of first %d: %d ms; median of last %d: %d ms; ratio %.2f%n",
        window,
        median(samples.subList(0, window)),
        window,
        median(samples.subList(n - window, n)),
        (double) median(samples.subList(n - window, n))
            / Math.max(1, median(samples.subList(0, window))));
    System.out.printf(
        "  WildFly heap after GC: before %.1f MiB, after %.1f MiB (+%.1f MiB, %.1f KiB per tenant)%n",
        heapBefore / 1048576.0,
        heapAfter / 1048576.0,
        (heapAfter - heapBefore) / 1048576.0,
        (heapAfter - heapBefore) / 1024.0 / n);
    boolean met = last[0] <= 1000 && last[0] <= 1.25 * first[0];
    System.out.println("  target (#N <= 1.25 x #1 and <= 1 s): " + (met ? "met" : "NOT met"));
  }

  private static long median(List<long[]> values) {
    long[] sorted = values.stream().mapToLong(v -> v[0]).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
