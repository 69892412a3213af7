package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults to inject: the next {@code times} matching requests get the configured answer. A fault
 * matches by service, path prefix and, when given, a text the request's body contains. A fault that
 * {@code holds} does not replace the answer: the request is carried out, and its answer is held for
 * {@code delayMillis} (an answer lost on the way, or a caller that dies while waiting for it).
 */
final class Faults {

  /** status 0: hang for {@code delayMillis}, then answer 504. */
  record Fault(
      String service,
      String pathPrefix,
      int status,
      int remaining,
      int retryAfterSeconds,
      long delayMillis,
      String bodyContains,
      boolean holds) {}

  private final List<Fault> faults = new ArrayList<>();

  synchronized void add(JsonNode spec) {
    String service = SimHttp.text(spec, "service");
    if (SimHttp.blank(service)) {
      throw SimHttp.fail(400, "Bad request", "service is required");
    }
    int status = spec.path("status").asInt(500);
    boolean holds = spec.path("holds").asBoolean(false);
    if (status != 0 && (status < 100 || status > 599)) {
      throw SimHttp.fail(400, "Bad request", "status must be 0 or an HTTP status");
    }
    faults.add(
        new Fault(
            service,
            SimHttp.text(spec, "pathPrefix"),
            status,
            Math.max(1, spec.path("times").asInt(1)),
            spec.path("retryAfterSeconds").asInt(1),
            spec.path("delayMillis").asLong(status == 0 || holds ? 30_000 : 0),
            SimHttp.text(spec, "bodyContains"),
            holds));
  }

  synchronized void clear() {
    faults.clear();
  }

  /** Takes one use of the first fault matching the request, if any. */
  synchronized Fault take(String service, String path, byte[] body) {
    String text = null; // decoded only for a fault that looks into bodies
    for (int i = 0; i < faults.size(); i++) {
      Fault f = faults.get(i);
      if (!f.service().equals(service)
          || (f.pathPrefix() != null && !path.startsWith(f.pathPrefix()))) {
        continue;
      }
      if (f.bodyContains() != null) {
        text = text != null ? text : new String(body, java.nio.charset.StandardCharsets.UTF_8);
      }
      if (f.bodyContains() == null || text.contains(f.bodyContains())) {
        if (f.remaining() <= 1) {
          faults.remove(i);
        } else {
          faults.set(
              i,
              new Fault(
                  f.service(),
                  f.pathPrefix(),
                  f.status(),
                  f.remaining() - 1,
                  f.retryAfterSeconds(),
                  f.delayMillis(),
                  f.bodyContains(),
                  f.holds()));
        }
        return f;
      }
    }
    return null;
  }

  /** The answer of a fault, after its delay. */
  static SimHttp.Response answer(Fault fault) throws InterruptedException {
    if (fault.delayMillis() > 0) {
      Thread.sleep(fault.delayMillis());
    }
    int status = fault.status() == 0 ? 504 : fault.status();
    SimHttp.Response response =
        SimHttp.problem(status, "Injected fault", "Simulated failure (fault injection)");
    if (status == 429 || status == 503) {
      response.header("retry-after", String.valueOf(fault.retryAfterSeconds()));
    }
    return response;
  }
}
