package it.ksanctions.sanctions.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One HTTP call to an outside service (SEND, PDND, INAD, pagoPA) with MicroProfile Fault Tolerance:
 * a time limit, and a short retry of what a second try may cure at once (no connection,
 * 502/503/504). Longer waits are the outbox's back-off; the circuit is per command, in the outbox
 * (ADR 0009) — Fault Tolerance's own breaker would be one for all the commands.
 */
@ApplicationScoped
public class OutboundCalls {

  /**
   * A MicroProfile REST Client of {@code api} under {@code baseUri} (built per call: each command
   * has its own base address), connecting within 5 s and reading within {@code readSeconds}; its
   * answers are read as {@link Response}s whatever their status (no default exception mapper).
   */
  public static <T> T client(Class<T> api, URI baseUri, int readSeconds) {
    return RestClientBuilder.newBuilder()
        .baseUri(baseUri)
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(readSeconds, TimeUnit.SECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(api);
  }

  /** A gateway status worth a second try now. */
  public static class RetryableStatus extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Duration retryAfter;

    RetryableStatus(int status, Duration retryAfter) {
      super("HTTP " + status);
      this.status = status;
      this.retryAfter = retryAfter;
    }

    public int status() {
      return status;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * Sends {@code request}; the answer (any status but 502/503/504, which are retried twice and then
   * thrown as {@link RetryableStatus}).
   *
   * @throws ProcessingException when the service cannot be reached (after two retries)
   */
  @Timeout(value = 20, unit = ChronoUnit.SECONDS)
  @Retry(
      maxRetries = 2,
      delay = 200,
      jitter = 100,
      retryOn = {ProcessingException.class, RetryableStatus.class})
  public Response call(Supplier<Response> request) {
    Response response = request.get();
    int status = response.getStatus();
    if (status == 502 || status == 503 || status == 504) {
      Duration after = retryAfter(response);
      response.close();
      throw new RetryableStatus(status, after);
    }
    return response;
  }

  /** The {@code retry-after} of an answer in seconds (or an HTTP date, read as one minute). */
  public static Duration retryAfter(Response response) {
    String value = response.getHeaderString("retry-after");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofMinutes(1);
    }
  }

  /** The failure to report for a call that could not be made or kept failing. */
  public static DeliveryFailure failureOf(String service, RuntimeException e) {
    if (e instanceof RetryableStatus r) {
      return new DeliveryFailure(
          service + " non disponibile (HTTP " + r.status() + "): nuovo tentativo più tardi.",
          false,
          r.retryAfter(),
          e);
    }
    if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
      return DeliveryFailure.transientFailure(
          service + " non ha risposto in tempo: nuovo tentativo più tardi.", e);
    }
    return DeliveryFailure.transientFailure(
        service + " non raggiungibile: nuovo tentativo più tardi.", e);
  }

  /** The failure for an answer that is neither success nor retryable at once. */
  public static DeliveryFailure failureOf(String service, Response response, String body) {
    int status = response.getStatus();
    if (status == 429) {
      Duration after = retryAfter(response);
      return new DeliveryFailure(
          service + " chiede di rallentare (HTTP 429): nuovo tentativo più tardi.",
          false,
          after == null ? Duration.ofSeconds(30) : after,
          null);
    }
    if (status == 401 || status == 403) {
      return DeliveryFailure.transientFailure(
          service
              + " ha rifiutato le credenziali del comando (HTTP "
              + status
              + "): verificarle in Comando › Integrazioni.",
          null);
    }
    if (status >= 500) {
      return DeliveryFailure.transientFailure(
          service + " risponde con un errore (HTTP " + status + "): nuovo tentativo più tardi.",
          null);
    }
    return DeliveryFailure.permanent(
        service + " ha rifiutato la richiesta (HTTP " + status + ")" + detail(body) + ".");
  }

  private static String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.replaceAll("\\s+", " ").strip();
    return ": " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
  }
}
