package it.ksanctions.devstack;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: the product with two demo tenants, in the foreground until Ctrl-C. Data
 * persists between runs (embedded data in devstack/target/run/pgdata); demo tenants are onboarded
 * only when absent (onboarding is idempotent).
 */
public final class DevRun {

  private record Demo(
      String slug, String name, String taxCode, String patronSaintDay, String theme) {
    String administrator() {
      return "admin." + slug;
    }

    String password() {
      return slug + "-demo";
    }
  }

  private static final List<Demo> DEMOS =
      List.of(
          new Demo("latina", "Comune di Latina", "00097020598", "07-06", "verde"),
          new Demo("torino", "Città di Torino", "00514490010", "06-24", "bordeaux"));

  private DevRun() {}

  public static void main(String[] args) throws Exception {
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres =
        Postgres.locate(layout.workDir().resolve("pgdata"), "ksanctions", DevRun::say);
    // The demo commands' PDND client key (development only), kept with the run's data.
    java.security.KeyPair keys = DemoKeys.load(layout.workDir().resolve("demo-pdnd-key.pem"));
    LocalStack stack;
    try {
      stack =
          LocalStack.start(
              layout,
              postgres,
              0,
              "ksanctions-dev",
              false,
              true,
              Map.of(
                  "KSANCTIONS_DEMO_DATA_ENABLED",
                  "true",
                  "KSANCTIONS_DEMO_PDND_PRIVATE_KEY",
                  DemoKeys.privatePem(keys)),
              DevRun::say);
    } catch (Exception e) {
      postgres.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say("Stopping WildFly and PostgreSQL ...");
                  stack.close();
                  stopped.countDown();
                }));
    PlatformClient platform = stack.platformClient();
    for (Demo demo : DEMOS) {
      // The simulators keep nothing between runs: the demo commands' PDND key and where the
      // pagoPA node pushes their receipts are told to them at every start.
      stack.simulators().registerPdndKey("demo-" + demo.slug(), "demo-key", keys.getPublic());
      DemoKeys.registerReceiptEndpoint(
          stack.simulators().baseUrl(),
          demo.taxCode(),
          stack.server().baseUrl() + "/t/" + demo.slug() + "/api/v1/pagopa/receipts",
          "demo-receipts-" + demo.slug());
    }
    for (Demo demo : DEMOS) {
      HttpResponse<String> response =
          platform.onboard(
              demo.slug(), demo.name(), "COMUNE", demo.taxCode(), demo.patronSaintDay(), List.of());
      String outcome =
          switch (response.statusCode()) {
            case 201 -> "onboarded";
            case 200 -> "already present";
            default -> "NOT onboarded: HTTP " + response.statusCode() + " " + response.body();
          };
      say("Demo tenant " + demo.slug() + ": " + outcome);
      if (response.statusCode() == 201) {
        stack.keycloak().setPassword(demo.administrator(), demo.password());
      }
      if (response.statusCode() == 200 || response.statusCode() == 201) {
        HttpResponse<String> seeded =
            platform.post(
                "/api/platform/tenants/" + demo.slug() + "/demo-data?theme=" + demo.theme(), "");
        say(
            "Demo data of "
                + demo.slug()
                + ": "
                + (seeded.statusCode() == 200 ? seeded.body() : "HTTP " + seeded.statusCode()));
      }
    }
    String base = stack.server().baseUrl();
    System.out.println();
    System.out.println("==============================================================");
    System.out.println(" K-Sanctions is running");
    System.out.println("   Comune di Latina   " + base + "/t/latina/");
    System.out.println("   Città di Torino    " + base + "/t/torino/");
    System.out.println(
        "   Back office        " + base + "/t/latina/admin/  (" + base + "/t/torino/admin/)");
    System.out.println("   Platform API       " + base + "/api/platform/tenants");
    if (layout.citizenApiFile() != null) {
      System.out.println(
          "   Citizen API        "
              + base
              + "/citizen-api/t/latina/v1/verbali (OpenAPI "
              + base
              + "/citizen-api/openapi)");
    }
    System.out.println(
        "   Simulators         "
            + stack.simulators().baseUrl()
            + "/__journal (SEND, PDND, INAD, pagoPA; checkout "
            + stack.simulators().baseUrl()
            + "/checkout/)");
    System.out.println(
        "   Mailbox (GreenMail) IMAP 127.0.0.1:3525, user = password = the e-mail address");
    for (Demo demo : DEMOS) {
      System.out.println(
          "   Administrator of "
              + demo.slug()
              + ": "
              + demo.administrator()
              + " / "
              + demo.password());
    }
    System.out.println(
        "   Keycloak           "
            + stack.keycloak().baseUrl()
            + "/admin/ (admin / "
            + stack.keycloak().adminPassword()
            + ")");
    System.out.println(
        "   Vendor support     "
            + DevIdentities.SUPPORT_USER
            + " / "
            + DevIdentities.SUPPORT_PASSWORD
            + " (realm role platform-admin; token from client ksanctions-cli)");
    System.out.println(
        "   PostgreSQL         " + postgres.jdbcUrl() + " (" + postgres.origin() + ")");
    System.out.println("   Server log         " + stack.server().serverLog());
    System.out.println(" Press Ctrl-C to stop.");
    System.out.println("==============================================================");
    while (stack.server().isAlive()) {
      Thread.sleep(1000);
    }
    say("WildFly stopped; see " + stack.server().consoleLog());
    stopped.await();
  }

  static void say(String line) {
    System.out.println("[ksanctions] " + line);
  }
}
