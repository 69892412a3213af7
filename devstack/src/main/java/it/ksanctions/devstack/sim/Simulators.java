package it.ksanctions.devstack.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Simulators of the outside services (PDND voucher, SEND, INAD, INI-PEC, pagoPA GPD and Checkout)
 * on one embedded HTTP server on 127.0.0.1, shaped on the published contracts; all state in memory.
 * See the package documentation for the URLs, the control endpoints and the receipt push.
 */
public final class Simulators implements AutoCloseable {

  /**
   * The {@code aud} every PDND client assertion must carry (the tenant's PDND audience setting in
   * the dev stack; the real PDND publishes its own).
   */
  public static final String PDND_AUDIENCE = "127.0.0.1/pdnd/client-assertion";

  private static final List<String> SERVICES =
      List.of("pdnd", "send", "inad", "inipec", "gpd", "checkout");

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final Consumer<String> log;
  private final String baseUrl;
  private final Journal journal = new Journal();
  private final Faults faults = new Faults();
  private final PdndSimulator pdnd = new PdndSimulator();
  private final InadSimulator inad = new InadSimulator(pdnd);
  private final SendSimulator send;
  private final GpdSimulator gpd;
  private final CheckoutSimulator checkout;

  private Simulators(HttpServer server, Consumer<String> log) {
    this.server = server;
    this.log = log;
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    this.executor = Executors.newFixedThreadPool(16, daemon("sim-http"));
    this.scheduler = Executors.newScheduledThreadPool(2, daemon("sim-timer"));
    this.send = new SendSimulator(() -> baseUrl, pdnd, inad, scheduler);
    this.gpd = new GpdSimulator(scheduler, log);
    this.checkout = new CheckoutSimulator(gpd, () -> baseUrl);
  }

  /** Starts the simulators on 127.0.0.1:{@code port} (0: any free port). */
  public static Simulators start(int port, Consumer<String> log) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    Simulators sims = new Simulators(server, log);
    server.setExecutor(sims.executor);
    server.createContext("/", sims::serve);
    server.start();
    return sims;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Registers a client's public key for PDND client assertions (as the control endpoint). */
  public void registerPdndKey(String clientId, String kid, PublicKey key) {
    pdnd.registerKey(clientId, kid, key);
  }

  /** Registers a company's PEC in INI-PEC (as the control endpoint). */
  public void registerIniPec(String taxCode, String pec) {
    inad.registerCompany(taxCode, pec);
  }

  /** Registers a digital domicile in INAD (as the control endpoint). */
  public void registerInadDomicile(String codiceFiscale, String pec) {
    inad.register(codiceFiscale, pec);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    scheduler.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      SimHttp.Request request = read(exchange);
      String service = serviceOf(request.path());
      SimHttp.Response response;
      Faults.Fault held = null;
      try {
        Faults.Fault fault = faultOf(service, request);
        if (fault != null && !fault.holds()) {
          response = Faults.answer(fault);
        } else {
          held = fault;
          response = answer(service, request);
        }
      } catch (SimHttp.SimException e) {
        response = e.response;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        response = SimHttp.problem(503, "Service unavailable", "Simulators stopping");
      } catch (RuntimeException e) {
        log.accept("Simulators: " + request.method() + " " + request.path() + " failed: " + e);
        response = SimHttp.problem(500, "Internal error", String.valueOf(e));
      }
      if (service != null) {
        journal.add(service, request, response.status());
      }
      if (held != null) {
        // carried out and journaled; the answer is held (the caller may die meanwhile)
        try {
          Thread.sleep(held.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      write(exchange, response);
    }
  }

  private static String serviceOf(String path) {
    for (String service : SERVICES) {
      if (path.equals("/" + service) || path.startsWith("/" + service + "/")) {
        return service;
      }
    }
    return null;
  }

  /** The fault injected for this request, if any (never for the journal and control paths). */
  private Faults.Fault faultOf(String service, SimHttp.Request request) {
    if (service == null) {
      return null;
    }
    return faults.take(service, request.path(), request.body());
  }

  private SimHttp.Response answer(String service, SimHttp.Request request)
      throws InterruptedException {
    String path = request.path();
    if (path.equals("/__journal")) {
      return journal(request);
    }
    if (path.startsWith("/__control/")) {
      return control(request, SimHttp.segments(path, "/__control"));
    }
    if (service == null) {
      return SimHttp.problem(404, "Not found", "No simulator at " + path);
    }
    return switch (service) {
      case "pdnd" -> pdnd.handle(request);
      case "send" -> send.handle(request);
      case "inad" -> inad.handle(request);
      case "inipec" -> inad.handleIniPec(request);
      case "gpd" -> gpd.handle(request);
      default -> checkout.handle(request);
    };
  }

  private SimHttp.Response journal(SimHttp.Request request) {
    if (request.method().equals("DELETE")) {
      journal.clear();
      return SimHttp.Response.empty(204);
    }
    long since;
    try {
      since = Long.parseLong(request.query().getOrDefault("since", "0"));
    } catch (NumberFormatException e) {
      throw SimHttp.fail(400, "Bad request", "since must be a number");
    }
    return SimHttp.Response.json(200, journal.toJson(request.query("service"), since));
  }

  private SimHttp.Response control(SimHttp.Request request, List<String> parts)
      throws InterruptedException {
    if (parts.isEmpty()) {
      throw SimHttp.fail(404, "Not found", "No such control resource");
    }
    List<String> rest = parts.subList(1, parts.size());
    switch (parts.get(0)) {
      case "faults" -> {
        if (request.method().equals("DELETE")) {
          faults.clear();
        } else {
          faults.add(request.json());
        }
        return SimHttp.Response.empty(204);
      }
      case "pdnd" -> {
        return pdnd.control(request, rest);
      }
      case "send" -> {
        return send.control(request, rest);
      }
      case "inad" -> {
        return inad.control(request, rest, false);
      }
      case "inipec" -> {
        return inad.control(request, rest, true);
      }
      case "gpd" -> {
        return gpd.control(request, rest);
      }
      default -> throw SimHttp.fail(404, "Not found", "No such control resource");
    }
  }

  private static SimHttp.Request read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
              }
            });
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new SimHttp.Request(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getPath(),
        rawQuery,
        SimHttp.parseQuery(rawQuery),
        headers,
        body);
  }

  private static void write(HttpExchange exchange, SimHttp.Response response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    byte[] body = response.body();
    boolean noBody =
        body.length == 0 || response.status() == 204 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
