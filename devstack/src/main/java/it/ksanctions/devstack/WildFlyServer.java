package it.ksanctions.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * A WildFly process started from the Galleon-provisioned server home, with its own base directory
 * (configuration copy, deployments, logs) so that the run command, the tests and the benchmark
 * never share state. Its settings come from the environment given here (the {@code POSTGRESQL_*}
 * variables read by wildfly-config/cli/datasource.cli, the platform key).
 */
public final class WildFlyServer implements AutoCloseable {

  private final Process process;
  private final ModelControllerClient client;
  private final Path baseDir;
  private final int portOffset;

  private WildFlyServer(
      Process process, ModelControllerClient client, Path baseDir, int portOffset) {
    this.process = process;
    this.client = client;
    this.baseDir = baseDir;
    this.portOffset = portOffset;
  }

  /**
   * Starts a server.
   *
   * @param home the provisioned server (wildfly-config/target/server)
   * @param baseDir a fresh base directory is copied here from {@code home/standalone}
   * @param deployments archives copied into the deployments folder before the start
   */
  public static WildFlyServer start(
      Path home,
      Path baseDir,
      int portOffset,
      String clusterName,
      Map<String, String> environment,
      List<Path> deployments)
      throws IOException {
    Path launcher = home.resolve("bin/standalone.sh");
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalStateException(
          "No provisioned WildFly at " + home + ": build first (./mvnw install -DskipTests)");
    }
    deleteTree(baseDir);
    copyTree(home.resolve("standalone"), baseDir);
    for (Path deployment : deployments) {
      Files.copy(
          deployment,
          baseDir.resolve("deployments").resolve(deployment.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.add("-Djboss.server.base.dir=" + baseDir);
    command.add("-Djboss.node.name=node-" + portOffset);
    command.add("-Djboss.socket.binding.port-offset=" + portOffset);
    command.add("-Dksanctions.cluster.name=" + clusterName);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // Metaspace: the integration tests deploy and undeploy about fifty EARs in one server. An
    // undeployed EAR's classes (~27 MB of metaspace each) are unloaded only once nothing pins them,
    // and idle worker threads (a stale task on their stack), fault-tolerance timers and HTTP
    // client threads (their context class loader) pin recent ones for a while: the suite measured
    // peaks of ~1.1 GB before a collection brought it back to ~0.6 GB, and a 512 MB cap failed a
    // deployment with "OutOfMemoryError: Metaspace". The heap holds those EARs' objects meanwhile.
    builder
        .environment()
        .putIfAbsent(
            "JAVA_OPTS",
            "-Xms256m -Xmx2g -XX:MetaspaceSize=128M -XX:MaxMetaspaceSize=2g"
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
    builder.redirectErrorStream(true);
    builder.redirectOutput(baseDir.resolve("console.log").toFile());
    Process process = builder.start();
    ModelControllerClient client =
        ModelControllerClient.Factory.create(
            "remote+http", InetAddress.getByName("127.0.0.1"), 9990 + portOffset);
    return new WildFlyServer(process, client, baseDir, portOffset);
  }

  /** Waits until the server runs and {@code deploymentName} is deployed; fails fast on errors. */
  public void awaitDeployment(String deploymentName, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path failedMarker = baseDir.resolve("deployments").resolve(deploymentName + ".failed");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "WildFly exited with " + process.exitValue() + "; see " + consoleLog());
      }
      if (Files.exists(failedMarker)) {
        throw new IllegalStateException(
            "The deployment "
                + deploymentName
                + " failed: "
                + readQuietly(failedMarker)
                + " (see "
                + consoleLog()
                + ")");
      }
      if ("running".equals(read(new ModelNode().setEmptyList(), "server-state"))
          && (deploymentName == null
              || "OK".equals(read(address("deployment", deploymentName), "status")))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "WildFly was not ready within " + timeout + "; see " + consoleLog());
  }

  /** Heap in use after a full garbage collection, in bytes. */
  public long heapUsedAfterGc() throws IOException {
    ModelNode memory = address("core-service", "platform-mbean").add("type", "memory");
    ModelNode gc = new ModelNode();
    gc.get("operation").set("gc");
    gc.get("address").set(memory);
    client.execute(gc);
    ModelNode op = new ModelNode();
    op.get("operation").set("read-attribute");
    op.get("address").set(memory);
    op.get("name").set("heap-memory-usage");
    ModelNode result = client.execute(op);
    return result.get("result", "used").asLong();
  }

  /** Sets (adds) the level of a logger category, e.g. to DEBUG for a test that reads the log. */
  public void setLoggerLevel(String category, String level) throws IOException {
    ModelNode address = address("subsystem", "logging").add("logger", category);
    ModelNode read = new ModelNode();
    read.get("operation").set("read-resource");
    read.get("address").set(address);
    boolean exists = "success".equals(client.execute(read).get("outcome").asString());
    ModelNode op = new ModelNode();
    op.get("address").set(address);
    if (exists) {
      op.get("operation").set("write-attribute");
      op.get("name").set("level");
      op.get("value").set(level);
    } else {
      op.get("operation").set("add");
      op.get("level").set(level);
    }
    ModelNode result = client.execute(op);
    if (!"success".equals(result.get("outcome").asString())) {
      throw new IOException("Logger " + category + " not set: " + result);
    }
  }

  /**
   * Sets a system property of the running server (its {@code system-property} resource), e.g. a
   * maintenance switch read at each timer firing; {@code null} removes it.
   */
  public void setSystemProperty(String name, String value) throws IOException {
    ModelNode address = address("system-property", name);
    ModelNode remove = new ModelNode();
    remove.get("operation").set("remove");
    remove.get("address").set(address);
    client.execute(remove); // fails harmlessly when the property is not there
    if (value == null) {
      return;
    }
    ModelNode add = new ModelNode();
    add.get("operation").set("add");
    add.get("address").set(address);
    add.get("value").set(value);
    ModelNode result = client.execute(add);
    if (!"success".equals(result.get("outcome").asString())) {
      throw new IOException("System property " + name + " not set: " + result);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + (8080 + portOffset);
  }

  public int managementPort() {
    return 9990 + portOffset;
  }

  public Path consoleLog() {
    return baseDir.resolve("console.log");
  }

  public Path serverLog() {
    return baseDir.resolve("log/server.log");
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the server at once, as a power cut would: no shutdown, nothing recorded. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        ModelNode op = new ModelNode();
        op.get("operation").set("shutdown");
        op.get("address").setEmptyList();
        client.execute(op);
      } catch (IOException | RuntimeException e) {
        process.destroy();
      }
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    try {
      client.close();
    } catch (IOException ignored) {
      // the server is gone
    }
  }

  private String read(ModelNode addr, String attribute) {
    try {
      ModelNode op = new ModelNode();
      op.get("operation").set("read-attribute");
      op.get("address").set(addr);
      op.get("name").set(attribute);
      ModelNode result = client.execute(op);
      return "success".equals(result.get("outcome").asString())
          ? result.get("result").asString()
          : null;
    } catch (IOException | RuntimeException e) {
      return null; // not up yet
    }
  }

  private static ModelNode address(String type, String name) {
    ModelNode addr = new ModelNode();
    addr.add(type, name);
    return addr;
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(
                    source,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
