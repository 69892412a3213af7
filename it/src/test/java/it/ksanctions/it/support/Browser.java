package it.ksanctions.it.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven by Selenium, for browser end-to-end tests. It runs Debian's {@code
 * chromium} through Debian's {@code chromium-driver}, both at fixed paths: Selenium Manager is
 * never asked for a driver or a browser (it would try to download them, and the download hosts are
 * not reachable). Each browser has a fresh profile, deleted on {@link #close()}, an Italian locale
 * and a 1366x900 window; its ChromeDriver log is {@code target/browser/chromedriver-N.log}.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *   browser.open(TestStack.baseUrl() + "/t/latina/");
 *   assertThat(browser.text("h1")).isEqualTo("Comune di Latina");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path APT_GET = Path.of("/usr/bin/apt-get");

  /** Headless on a closed network, as root: no sandbox, no GPU, nothing that calls home. */
  public static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  public static final int WIDTH = 1366;
  public static final int HEIGHT = 900;

  /** How long {@link #waitFor} waits for an element. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private static final Duration DRIVER_START = Duration.ofSeconds(20);
  private static final Duration SESSION_START = Duration.ofSeconds(45);
  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
  private static final Duration COMMAND = Duration.ofSeconds(60);
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Selenium looks for DevTools (CDP) bindings matching the browser at every session start and
   * warns when it finds none. These tests use WebDriver only, so no selenium-devtools-vNNN module
   * is on the class path and Debian's Chromium is always newer than the bindings would be anyway.
   */
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  private static final AtomicInteger STARTED = new AtomicInteger();
  private static boolean ensured;
  private static RuntimeException ensureFailure;

  private final Path profile;
  private final Path driverLog;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(Path profile, Path driverLog, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.driverLog = driverLog;
    this.service = service;
    this.driver = driver;
  }

  /**
   * Starts ChromeDriver and a headless Chromium (installing both first if needed, see {@link
   * #ensureChromium()}). Fails with what happened and the tail of the ChromeDriver log when either
   * does not come up in time.
   */
  public static Browser start() {
    ensureChromium();
    long started = System.nanoTime();
    int number = STARTED.incrementAndGet();
    Path logDir = buildDir().resolve("browser");
    Path profile;
    try {
      Files.createDirectories(logDir);
      profile = Files.createTempDirectory("ksanctions-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the browser's folders", e);
    }
    Path driverLog = logDir.resolve("chromedriver-" + number + ".log");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments(
        "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=it-IT");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it-IT,it"));
    options.setPageLoadTimeout(PAGE_LOAD);
    options.setScriptTimeout(PAGE_LOAD);

    // An explicit executable: neither the service nor the driver consults Selenium Manager.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(DRIVER_START)
            .withLogFile(driverLog.toFile())
            .withLogLevel(ChromiumDriverLogLevel.INFO)
            .build();
    try {
      service.start();
    } catch (IOException | WebDriverException e) {
      cleanUp(service, profile);
      throw new IllegalStateException(
          "ChromeDriver ("
              + CHROMEDRIVER
              + ") did not start within "
              + DRIVER_START.toSeconds()
              + " s: "
              + firstLine(e)
              + logTail(driverLog),
          e);
    }

    ClientConfig client =
        ClientConfig.defaultConfig().connectionTimeout(Duration.ofSeconds(10)).readTimeout(COMMAND);
    ExecutorService starter =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "chromium-start-" + number);
              thread.setDaemon(true);
              return thread;
            });
    Future<ChromeDriver> session = starter.submit(() -> new ChromeDriver(service, options, client));
    ChromeDriver driver;
    try {
      driver = session.get(SESSION_START.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      session.cancel(true);
      cleanUp(service, profile);
      throw new IllegalStateException(
          "Chromium ("
              + CHROMIUM
              + ") did not open a session within "
              + SESSION_START.toSeconds()
              + " s"
              + logTail(driverLog),
          e);
    } catch (ExecutionException e) {
      cleanUp(service, profile);
      throw new IllegalStateException(
          "ChromeDriver could not start Chromium ("
              + CHROMIUM
              + "): "
              + firstLine(e.getCause())
              + logTail(driverLog),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cleanUp(service, profile);
      throw new IllegalStateException("Interrupted while starting Chromium", e);
    } finally {
      starter.shutdownNow();
    }
    log(
        "Chromium "
            + driver.getCapabilities().getBrowserVersion()
            + " started in "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
            + " ms (profile "
            + profile
            + ", log "
            + driverLog
            + ")");
    return new Browser(profile, driverLog, service, driver);
  }

  /**
   * Makes sure Debian's Chromium and ChromeDriver are installed: when either is missing and this
   * process is root with apt-get, installs the packages {@code chromium} and {@code
   * chromium-driver} (once per JVM, apt's output in the test log); otherwise fails saying what to
   * install.
   */
  public static synchronized void ensureChromium() {
    if (ensured) {
      if (ensureFailure != null) {
        throw ensureFailure;
      }
      return;
    }
    ensured = true;
    try {
      if (!installed()) {
        install();
      }
    } catch (RuntimeException e) {
      ensureFailure = e;
      throw e;
    }
  }

  private static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  private static void install() {
    String missing =
        Stream.of(CHROMIUM, CHROMEDRIVER)
            .filter(p -> !Files.isExecutable(p))
            .map(Path::toString)
            .reduce((a, b) -> a + " and " + b)
            .orElse("");
    String what =
        "Browser tests need Debian's Chromium and ChromeDriver, and "
            + missing
            + " is missing. Install them with: apt-get install chromium chromium-driver";
    if (!isRoot() || !Files.isExecutable(APT_GET)) {
      throw new IllegalStateException(
          what + " (not done automatically: that needs root and " + APT_GET + ")");
    }
    log(missing + " missing: installing chromium and chromium-driver with apt-get");
    apt("update");
    apt("install", "-y", "--no-install-recommends", "chromium", "chromium-driver");
    if (!installed()) {
      throw new IllegalStateException(
          what + " (apt-get install succeeded, yet " + missing + " is still not executable)");
    }
  }

  private static void apt(String... arguments) {
    List<String> command = new ArrayList<>(List.of(APT_GET.toString(), "-q"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    try {
      Process process = builder.start();
      // Copied line by line: the forked test JVM's own stdout is its channel to Maven.
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  lines.lines().forEach(line -> log("apt-get: " + line));
                } catch (IOException | UncheckedIOException e) {
                  log("apt-get output lost: " + e);
                }
              },
              "apt-get-output");
      pump.setDaemon(true);
      pump.start();
      if (!process.waitFor(APT_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command)
                + " did not finish within "
                + APT_TIMEOUT.toMinutes()
                + " min");
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed with exit code "
                + process.exitValue()
                + " (its output is in the test log above, lines starting [browser] apt-get:)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    }
  }

  private static boolean isRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (RuntimeException | LinkageError e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** Loads {@code url} and waits for the page load to finish (at most 30 s). */
  public Browser open(String url) {
    try {
      driver.get(url);
    } catch (TimeoutException e) {
      throw new AssertionError(
          url + " did not finish loading within " + PAGE_LOAD.toSeconds() + " s", e);
    }
    return this;
  }

  /** The first element matching {@code cssSelector} once visible, waiting at most 20 s. */
  public WebElement waitFor(String cssSelector) {
    try {
      return new WebDriverWait(driver, WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "No visible element "
              + cssSelector
              + " within "
              + WAIT.toSeconds()
              + " s on "
              + driver.getCurrentUrl()
              + " (title \""
              + driver.getTitle()
              + "\"), page text: "
              + pageText(),
          e);
    }
  }

  /** Replaces the content of the field {@code cssSelector} with {@code text}. */
  public Browser type(String cssSelector, String text) {
    WebElement field = waitFor(cssSelector);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  /** Clicks {@code cssSelector} once it is visible and enabled. */
  public Browser click(String cssSelector) {
    waitFor(cssSelector);
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)))
        .click();
    return this;
  }

  /**
   * Clicks a link or button that loads a new document (full postback, navigation) and waits until
   * the new document has loaded, so that what is read next belongs to the new page.
   *
   * <p>The old document is marked with a property on {@code window}; the new one does not have it.
   * This avoids element staleness checks, which Chromium sometimes answers with "Node with given id
   * does not belong to the document" instead of a stale-element error. A click that fails before
   * anything happened (the button was being replaced) is retried; a click that failed after the
   * page changed is not repeated.
   */
  public Browser clickAndWaitForNewPage(String cssSelector) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__ksOldPage = true;");
    for (int attempt = 1; ; attempt++) {
      try {
        click(cssSelector);
        break;
      } catch (WebDriverException e) {
        if (isNewPage()) {
          break;
        }
        if (attempt == 3) {
          throw e;
        }
      }
    }
    try {
      new WebDriverWait(driver, PAGE_LOAD).until(d -> isNewPage());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Clicking " + cssSelector + " did not load a new page on " + driver.getCurrentUrl(), e);
    }
    return this;
  }

  private boolean isNewPage() {
    try {
      Object loaded =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "return window.__ksOldPage !== true && document.readyState === 'complete';");
      return Boolean.TRUE.equals(loaded);
    } catch (WebDriverException e) {
      // The document is being replaced right now: not loaded yet.
      return false;
    }
  }

  /** The visible text of {@code cssSelector}, once visible. */
  public String text(String cssSelector) {
    return waitFor(cssSelector).getText();
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  /** Saves the visible page as {@code target/screenshots/<name>.png} and returns that path. */
  public Path screenshot(String name) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("Not a file name: " + name);
    }
    Path file = buildDir().resolve("screenshots").resolve(name + ".png");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the screenshot " + file, e);
    }
    log("screenshot " + file.toAbsolutePath());
    return file;
  }

  /** The Selenium driver, for what this class does not wrap. */
  public WebDriver driver() {
    return driver;
  }

  /** Quits Chromium and ChromeDriver and deletes the profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } catch (RuntimeException e) {
      log("Chromium did not quit cleanly: " + firstLine(e) + " (see " + driverLog + ")");
    }
    cleanUp(service, profile);
  }

  private static void cleanUp(ChromeDriverService service, Path profile) {
    try {
      service.stop();
    } catch (RuntimeException e) {
      log("ChromeDriver did not stop cleanly: " + firstLine(e));
    }
    // A Chromium left behind by a failed start or quit: only ours use this profile.
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(profile.toString()))
        .forEach(ProcessHandle::destroyForcibly);
    for (int attempt = 0; attempt < 10 && Files.exists(profile); attempt++) {
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException | UncheckedIOException e) {
        // Chromium may still be writing while it exits: try again shortly.
      }
      if (Files.exists(profile)) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (Files.exists(profile)) {
      log("Could not delete the browser profile " + profile);
    }
  }

  private String pageText() {
    try {
      String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
      return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    } catch (RuntimeException e) {
      return "(unreadable: " + firstLine(e) + ")";
    }
  }

  /** The module's build folder ({@code it/target}), where screenshots and logs go. */
  private static Path buildDir() {
    return Path.of(System.getProperty("ksanctions.it.build.dir", "target"));
  }

  private static String logTail(Path driverLog) {
    try {
      List<String> lines = Files.readAllLines(driverLog, StandardCharsets.UTF_8);
      return "\nLast lines of the ChromeDriver log "
          + driverLog
          + ":\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return " (no ChromeDriver log at " + driverLog + ")";
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage();
    return message == null
        ? e.toString()
        : e.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
  }

  private static void log(String line) {
    System.out.println("[browser] " + line);
  }
}
