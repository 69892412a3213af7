package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devstack.WildFlyServer;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timers once per cluster (issue 15 item 8): a second WildFly node (port offset 300, TCP JGroups on
 * loopback, same PostgreSQL) deploys the same application; while both run, the outbox's persistent
 * timer (every 10 seconds) fires once per period across the two nodes — never twice in a period —,
 * and when the second node stops the firings go on on the first.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterTimersIT {

  static final String EAR = "cluster.ear";
  static final String CATEGORY = "it.ksanctions.sanctions.application.OutboxDispatcher";
  static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.productionEar(EAR);
  }

  /** A firing of the timer: when and where. */
  record Firing(Instant at, String node) {
    long period() {
      return at.getEpochSecond() / 10;
    }
  }

  @Test
  void theOutboxTimerFiresOncePerPeriodAcrossTwoNodesAndGoesOnWhenOneStops() throws Exception {
    Path dir = TestStack.layout().workDir().resolve("cluster");
    Files.createDirectories(dir);
    Path ear = dir.resolve(EAR);
    Deployments.productionEar(EAR).as(ZipExporter.class).exportTo(ear.toFile(), true);
    WildFlyServer a = TestStack.server();
    a.setLoggerLevel(CATEGORY, "DEBUG");

    Instant bothFrom;
    Instant bothTo;
    Path bLog;
    try (WildFlyServer b = TestStack.startNode(300, "wildfly-b", List.of(ear), EAR)) {
      b.setLoggerLevel(CATEGORY, "DEBUG");
      bLog = b.serverLog();
      // the nodes see each other (Infinispan: "ISPN100000: Node … joined the cluster")
      awaitLine(List.of(b.serverLog(), a.serverLog()), "ISPN100000", Duration.ofSeconds(90));
      bothFrom = Instant.now();
      Thread.sleep(45_000);
      bothTo = Instant.now();
    }
    Instant aloneFrom = Instant.now();
    Thread.sleep(25_000);
    Instant aloneTo = Instant.now();

    List<Firing> firings = new ArrayList<>(firings(a.serverLog(), "A"));
    firings.addAll(firings(bLog, "B"));
    // never twice in a period, on either node
    Map<Long, List<Firing>> byPeriod = new HashMap<>();
    for (Firing f : firings) {
      byPeriod.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f);
    }
    assertThat(byPeriod.values())
        .as("firings per period")
        .allSatisfy(l -> assertThat(l).hasSize(1));
    // while both nodes ran: one firing in each of the ~4 periods
    List<Firing> together = between(firings, bothFrom, bothTo);
    assertThat(together).hasSizeGreaterThanOrEqualTo(3);
    assertThat(together).extracting(Firing::node).isSubsetOf("A", "B");
    // the second node stopped: the work goes on on the first
    List<Firing> alone = between(firings, aloneFrom, aloneTo);
    assertThat(alone).hasSizeGreaterThanOrEqualTo(2);
    assertThat(alone).extracting(Firing::node).containsOnly("A");
  }

  private static List<Firing> between(List<Firing> firings, Instant from, Instant to) {
    return firings.stream().filter(f -> !f.at().isBefore(from) && f.at().isBefore(to)).toList();
  }

  private static List<Firing> firings(Path log, String node) throws IOException {
    List<Firing> found = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.contains("Outbox timer fired on") && line.length() > 23) {
        Instant at =
            LocalDateTime.parse(line.substring(0, 23), LOG_TIME)
                .atZone(ZoneId.systemDefault())
                .toInstant();
        found.add(new Firing(at, node));
      }
    }
    return found;
  }

  private static void awaitLine(List<Path> logs, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Path log : logs) {
        if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(text + " not in " + logs + " within " + timeout);
  }
}
