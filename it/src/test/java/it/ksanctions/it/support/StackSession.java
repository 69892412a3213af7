package it.ksanctions.it.support;

import it.ksanctions.devstack.LocalStack;
import it.ksanctions.devstack.Postgres;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the stack the integration tests run against, once per test JVM: a fresh embedded
 * PostgreSQL, a fresh Keycloak (HTTP 18280) and one WildFly node with port offset 200 (HTTP 8280,
 * management 10190), so a product started with the run command can stay up meanwhile. Arquillian's
 * remote adapter deploys each test class's archive into it. Stopped when the launcher session
 * closes.
 */
public class StackSession implements LauncherSessionListener {

  public static final int PORT_OFFSET = 200;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (TestStack.isStarted() || System.getProperty("ksanctions.work.dir") == null) {
      return;
    }
    try {
      LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
      Postgres postgres =
          LocalStack.freshEmbeddedPostgres(layout, "ksanctions_it", StackSession::log);
      java.security.KeyPair demoKey = it.ksanctions.devstack.DemoKeys.generate();
      LocalStack stack =
          LocalStack.start(
              layout,
              postgres,
              PORT_OFFSET,
              "ksanctions-it",
              true,
              false,
              // The demo content (as the run command enables it): CameraImportBrowserIT starts from
              // it.
              // The demo commands' PDND key, as the run command gives it: a test registers the
              // public half with the simulators for the commands it seeds.
              Map.of(
                  "KSANCTIONS_DEMO_DATA_ENABLED",
                  "true",
                  "KSANCTIONS_DEMO_PDND_PRIVATE_KEY",
                  it.ksanctions.devstack.DemoKeys.privatePem(demoKey)),
              StackSession::log);
      TestStack.set(stack, layout, demoKey);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the integration-test stack", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    TestStack.stop();
  }

  private static void log(String line) {
    System.out.println("[it-stack] " + line);
  }
}
