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
 * at the same time on the test server and on both nodes. Last, the node left dies (SIGKILL) while
 * SEND, having accepted an act's notification request, holds its answer: the outbox message comes
 * back, the test server sends it again under the same idempotence token, SEND answers 409 and the
 * act keeps the one notification SEND made, which goes on to NOTIFIED (nothing sent twice, nothing
 * lost).
 */
@ExtendWith(ArquillianExtension.class)
class ClusterTimersIT {

  static final String EAR = "cluster.ear";
  static final String CATEGORY = "it.ksanctions.sanctions.application.OutboxDispatcher";
  static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
  static final String SLUG = "cluster-alerts";
  static final String RECIPIENT = "tecnico@cluster-alerts.example";
  static final int ALERTS = 40;
  static final String SEND_SLUG = "cluster-send";
  static final String SEND_ADMIN = "admin." + SEND_SLUG;
  static final String SEND_PASSWORD = "Cluster-Send-2026!";
  static final String PAUSED = "ksanctions.outbox.paused";
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
  void
      timersFireOncePerPeriodMoveWhenTheirNodeStopsMailEachAlertOnceAndANodeDyingMidSendLosesNothing()
          throws Exception {
    Path dir = TestStack.layout().workDir().resolve("cluster");
    Files.createDirectories(dir);
    Path ear = dir.resolve(EAR);
    Deployments.productionEar(EAR).as(ZipExporter.class).exportTo(ear.toFile(), true);
    raiseAlerts();
    long act = demoCommandWithAnIssuedAct();
    // the test server's outbox firings in its log, for the last part
    TestStack.server().setLoggerLevel(CATEGORY, "DEBUG");
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
        runs.add(pool.submit(() -> runJob(base, "device-alerts", token)));
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

      diesMidSend(nodes.get(other), act, token);
    } finally {
      TestStack.server().setSystemProperty(PAUSED, null);
      TestStack.server().setLoggerLevel(CATEGORY, "INFO");
      HTTP.send(
          HttpRequest.newBuilder(URI.create(TestStack.simulators().baseUrl() + "/__control/faults"))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
      startingB.cancel(true);
      startingC.cancel(true);
      for (WildFlyServer node : nodes.values()) {
        node.close();
      }
      pool.shutdownNow();
    }
  }

  /**
   * {@code node} dies while SEND holds its answer to the act's notification request, which SEND has
   * accepted. The test server's outbox timer is paused meanwhile, so that the message is the
   * node's; then the test server sends it again.
   */
  private static void diesMidSend(WildFlyServer node, long act, String supportToken)
      throws Exception {
    TestStack.keycloak().setPassword(SEND_ADMIN, SEND_PASSWORD);
    String staff = TestStack.tokens().passwordGrant(SEND_ADMIN, SEND_PASSWORD);
    WildFlyServer server = TestStack.server();
    server.setSystemProperty(PAUSED, "true");
    awaitNoFiringUnderWay(server.serverLog());
    // SEND carries out the request naming this command's creditor, and holds its answer
    HttpResponse<String> fault =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(TestStack.simulators().baseUrl() + "/__control/faults"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"service\":\"send\",\"pathPrefix\":\"/send/delivery/v2.6/requests\","
                            + "\"bodyContains\":\""
                            + it.ksanctions.it.support.TestCreditors.CLUSTER_MID_SEND
                            + "\",\"holds\":true,\"delayMillis\":120000}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(fault.statusCode()).isEqualTo(204);
    HttpResponse<String> queued =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(TestStack.baseUrl() + "/t/" + SEND_SLUG + "/api/v1/notifications"))
                .header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"verbaleId\":" + act + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(queued.statusCode()).as(queued.body()).isBetween(200, 299);
    String idempotenceToken =
        sendQuery("select idempotence_token from notification where verbale_id = " + act, 1).get(0);

    // the node sends (its "run now" or its timer; either waits for SEND's answer, held) ...
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      caller.submit(() -> runJob(node.baseUrl(), "outbox", supportToken));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (sendRequests(idempotenceToken).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      // ... SEND has made the notification, and the node dies before hearing it
      assertThat(sendRequests(idempotenceToken)).containsExactly(202);
      node.kill();
    } finally {
      caller.shutdownNow();
    }
    assertThat(node.isAlive()).isFalse();
    assertThat(outboxMessage(act)).as("the message is back, untouched").isEqualTo("PENDING/0");

    // the test server sends it again: SEND knows the token (409), the request is looked up
    server.setSystemProperty(PAUSED, null);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!outboxMessage(act).startsWith("DONE") && System.nanoTime() < deadline) {
      assertThat(runJob(TestStack.baseUrl(), "outbox", supportToken)).isEqualTo(200);
      Thread.sleep(500);
    }
    assertThat(outboxMessage(act)).isEqualTo("DONE/1");
    assertThat(sendRequests(idempotenceToken)).containsExactly(202, 409);
    assertThat(
            sendQuery(
                "select count(*) || '/' || count(request_id) from notification where verbale_id = "
                    + act,
                1))
        .containsExactly("1/1");

    // the one notification goes on: accepted, viewed, NOTIFIED
    deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!sendQuery("select status from verbale where id = " + act, 1).get(0).equals("NOTIFIED")
        && System.nanoTime() < deadline) {
      assertThat(runJob(TestStack.baseUrl(), "send-progress", supportToken)).isEqualTo(200);
      Thread.sleep(300);
    }
    assertThat(sendQuery("select status from verbale where id = " + act, 1))
        .containsExactly("NOTIFIED");
    assertThat(
            sendQuery("select count(distinct iun) from notification where verbale_id = " + act, 1))
        .containsExactly("1");
  }

  /**
   * Waits until the last outbox firing in {@code log} has ended (the timer being paused, no other
   * begins): the last of the timer's DEBUG lines is not a "fired".
   */
  private static void awaitNoFiringUnderWay(Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      boolean underWay = false;
      try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
        for (var it = lines.iterator(); it.hasNext(); ) {
          String l = it.next();
          if (l.contains("Outbox timer fired on")) {
            underWay = true;
          } else if (l.contains("Outbox timer run ended on")) {
            underWay = false;
          }
        }
      }
      if (!underWay) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("an outbox firing of the test server did not end within 60 s");
  }

  /** The statuses SEND answered to the notification requests carrying {@code token}, in order. */
  private static List<Integer> sendRequests(String token) throws Exception {
    HttpResponse<String> journal =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(TestStack.simulators().baseUrl() + "/__journal?service=send"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<Integer> statuses = new ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode entries =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(journal.body());
    for (com.fasterxml.jackson.databind.JsonNode e : entries) {
      if (e.path("method").asText().equals("POST")
          && e.path("path").asText().equals("/send/delivery/v2.6/requests")
          && e.path("body").asText().contains(token)) {
        statuses.add(e.path("status").asInt());
      }
    }
    return statuses;
  }

  /** "status/attempts" of the act's notification.send message. */
  private static String outboxMessage(long act) throws Exception {
    return sendQuery(
            "select status || '/' || attempts from outbox_message"
                + " where topic = 'notification.send' and verbale_id = "
                + act,
            1)
        .get(0);
  }

  /** The first column of a query in the SEND command's schema, as text; {@code rows} expected. */
  private static List<String> sendQuery(String query, int rows) throws Exception {
    String schema = "t_" + SEND_SLUG.replace('-', '_');
    List<String> values = new ArrayList<>();
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role " + schema);
      sql.execute("set search_path to " + schema);
      try (ResultSet rs = sql.executeQuery(query)) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    assertThat(values).as(query).hasSize(rows);
    return values;
  }

  /**
   * A command with the demo content, wired to the simulators with a creditor of its own; the id of
   * its issued act (plate AB123CD), not yet sent.
   */
  private static long demoCommandWithAnIssuedAct() throws Exception {
    String creditor = it.ksanctions.it.support.TestCreditors.CLUSTER_MID_SEND;
    HttpResponse<String> onboarded =
        TestStack.platform()
            .onboard(SEND_SLUG, "Comune di Cluster Send", "COMUNE", creditor, null, List.of());
    assertThat(onboarded.statusCode()).as(onboarded.body()).isIn(200, 201);
    TestStack.wireDemoCommand(SEND_SLUG, creditor);
    HttpResponse<String> seeded =
        TestStack.platform().post("/api/platform/tenants/" + SEND_SLUG + "/demo-data", "");
    assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    return Long.parseLong(
        sendQuery("select id from verbale where plate = 'AB123CD' and status = 'ISSUED'", 1)
            .get(0));
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

  private static int runJob(String base, String job, String token) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/platform/jobs/" + job))
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
