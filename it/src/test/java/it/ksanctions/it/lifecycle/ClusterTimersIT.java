package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import it.ksanctions.devstack.DevIdentities;
import it.ksanctions.devstack.WildFlyServer;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timers once per cluster (issue 15 item 8). Two more WildFly nodes, B (port offset 300) and C
 * (port offset 400), deploy the same application on the same PostgreSQL and form a cluster of their
 * own (TCP JGroups on loopback, a cluster name apart from the test server's, so that the node that
 * owns the timers can be stopped). While both run, the outbox's persistent timer (every 10 seconds)
 * fires once per period across the two — never twice in a period —; when the node that fired stops,
 * the firings go on on the other. Device alerts raised once are e-mailed once, while their job runs
 * at the same time on the test server and on both nodes.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterTimersIT {

  static final String EAR = "cluster.ear";
  static final String CATEGORY = "it.ksanctions.sanctions.application.OutboxDispatcher";
  static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
  static final String SLUG = "cluster-alerts";
  static final String RECIPIENT = "tecnico@cluster-alerts.example";
  static final int ALERTS = 40;
  static final HttpClient HTTP = HttpClient.newHttpClient();

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
  void timersFireOncePerPeriodAcrossTwoNodesMoveWhenTheirNodeStopsAndMailEachAlertOnce()
      throws Exception {
    Path dir = TestStack.layout().workDir().resolve("cluster");
    Files.createDirectories(dir);
    Path ear = dir.resolve(EAR);
    Deployments.productionEar(EAR).as(ZipExporter.class).exportTo(ear.toFile(), true);
    raiseAlerts();
    String cluster = "ksanctions-pair-" + UUID.randomUUID();

    ExecutorService pool = Executors.newFixedThreadPool(6);
    Future<WildFlyServer> startingB =
        pool.submit(() -> TestStack.startNode(300, "wildfly-b", cluster, List.of(ear), EAR));
    Future<WildFlyServer> startingC =
        pool.submit(() -> TestStack.startNode(400, "wildfly-c", cluster, List.of(ear), EAR));
    Map<String, WildFlyServer> nodes = new LinkedHashMap<>();
    try {
      nodes.put("B", startingB.get(8, TimeUnit.MINUTES));
      nodes.put("C", startingC.get(8, TimeUnit.MINUTES));
      for (WildFlyServer node : nodes.values()) {
        node.setLoggerLevel(CATEGORY, "DEBUG");
      }
      Map<String, Path> logs = new LinkedHashMap<>();
      nodes.forEach((name, node) -> logs.put(name, node.serverLog()));
      // the two see each other: a JGroups view of two members (started together, the second
      // joins the first's view; Infinispan's "ISPN100000" is written only for a later join)
      awaitLine(List.copyOf(logs.values()), "(2) [node-", Duration.ofSeconds(90));

      // one e-mail per alert: the job at once on the test server, B and C (twice each)
      String token =
          TestStack.tokens()
              .passwordGrant(DevIdentities.SUPPORT_USER, DevIdentities.SUPPORT_PASSWORD);
      List<String> bases =
          List.of(
              TestStack.baseUrl(),
              TestStack.baseUrl(),
              nodes.get("B").baseUrl(),
              nodes.get("B").baseUrl(),
              nodes.get("C").baseUrl(),
              nodes.get("C").baseUrl());
      List<Future<Integer>> runs = new ArrayList<>();
      for (String base : bases) {
        runs.add(pool.submit(() -> runDeviceAlerts(base, token)));
      }
      for (Future<Integer> run : runs) {
        assertThat(run.get(2, TimeUnit.MINUTES)).as("device-alerts job answer").isEqualTo(200);
      }
      List<String> bodies = mailedBodies();
      assertThat(bodies).hasSize(ALERTS);
      assertThat(new HashSet<>(bodies)).hasSize(ALERTS);
      assertThat(emailedInDatabase()).isEqualTo(ALERTS);

      Instant bothFrom = Instant.now();
      Thread.sleep(45_000);
      Instant bothTo = Instant.now();
      List<Firing> together = between(firings(logs), bothFrom, bothTo);
      // one firing in each of the ~4 periods, never two in one
      assertThat(together).hasSizeGreaterThanOrEqualTo(3);
      assertOncePerPeriod(firings(logs));

      // the node that fired last stops: the other takes the timer over
      String owner = together.get(together.size() - 1).node();
      String other = owner.equals("B") ? "C" : "B";
      nodes.remove(owner).close();
      Instant aloneFrom = Instant.now();
      Thread.sleep(30_000);
      Instant aloneTo = Instant.now();
      List<Firing> all = firings(logs);
      assertOncePerPeriod(all);
      List<Firing> alone = between(all, aloneFrom, aloneTo);
      assertThat(alone).hasSizeGreaterThanOrEqualTo(2);
      assertThat(alone).extracting(Firing::node).containsOnly(other);
    } finally {
      startingB.cancel(true);
      startingC.cancel(true);
      for (WildFlyServer node : nodes.values()) {
        node.close();
      }
      pool.shutdownNow();
    }
  }

  /** A command whose administrator reads the alerts, and {@link #ALERTS} open alerts not mailed. */
  private static void raiseAlerts() throws Exception {
    HttpResponse<String> onboarded =
        TestStack.platform()
            .onboard(SLUG, "Comune di Cluster", "COMUNE", "00097020598", null, List.of());
    assertThat(onboarded.statusCode()).as(onboarded.body()).isIn(200, 201);
    String schema = "t_" + SLUG.replace('-', '_');
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role " + schema);
      assertThat(
              sql.executeUpdate(
                  "update "
                      + schema
                      + ".staff_user set email = '"
                      + RECIPIENT
                      + "' where username = 'admin."
                      + SLUG
                      + "'"))
          .isEqualTo(1);
      sql.executeUpdate(
          "insert into "
              + schema
              + ".device_alert (dedupe_key, kind, device_code, message, raised_at)"
              + " select 'cluster-' || i, 'CALIBRATION_EXPIRING', 'AV-' || i,"
              + " 'Taratura del dispositivo AV-' || i || ' in scadenza (prova n. ' || i || ')',"
              + " now() from generate_series(1, "
              + ALERTS
              + ") i");
    }
  }

  private static int runDeviceAlerts(String base, String token) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/platform/jobs/device-alerts"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return answer.statusCode();
  }

  /** The bodies of the alert e-mails the command's administrator received. */
  private static List<String> mailedBodies() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (MimeMessage m : TestStack.mail().getReceivedMessages()) {
      boolean toRecipient = false;
      for (jakarta.mail.Address a : m.getAllRecipients()) {
        toRecipient |= a.toString().contains(RECIPIENT);
      }
      if (toRecipient && m.getSubject().contains("Taratura in scadenza")) {
        bodies.add(GreenMailUtil.getBody(m).strip());
      }
    }
    return bodies;
  }

  private static int emailedInDatabase() throws Exception {
    String schema = "t_" + SLUG.replace('-', '_');
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role " + schema);
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*) from " + schema + ".device_alert where emailed_at is not null")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void assertOncePerPeriod(List<Firing> firings) {
    Map<Long, List<Firing>> byPeriod = new HashMap<>();
    for (Firing f : firings) {
      byPeriod.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f);
    }
    assertThat(byPeriod.values())
        .as("firings per period")
        .allSatisfy(l -> assertThat(l).hasSize(1));
  }

  private static List<Firing> firings(Map<String, Path> logs) throws IOException {
    List<Firing> all = new ArrayList<>();
    for (Map.Entry<String, Path> log : logs.entrySet()) {
      all.addAll(firings(log.getValue(), log.getKey()));
    }
    all.sort(java.util.Comparator.comparing(Firing::at));
    return all;
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
