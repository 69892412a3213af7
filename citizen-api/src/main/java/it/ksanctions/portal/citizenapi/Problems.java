package it.ksanctions.portal.citizenapi;

import it.ksanctions.portal.application.CitizenApi;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Every refusal of the citizen API as an RFC 9457 problem document in Italian ({@code
 * application/problem+json}): the API's own (a {@link CitizenApi.Refused}), JAX-RS's (no such path,
 * method not allowed, a malformed id) and the container's (401 from MicroProfile JWT, through
 * {@link ErrorServlet}). Never a stack trace; an unexpected failure is a 500 with an Italian
 * message, logged here.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(Problems.class);

  private Problems() {}

  /** An RFC 9457 problem; {@code code} names the broken rule when there is one. */
  public record Problem(String type, String title, int status, String detail, String code) {}

  static final String UNAUTHORIZED =
      "Autenticazione richiesta: inviare nell'intestazione Authorization (Bearer) un token di"
          + " accesso valido ottenuto con SPID o CIE dal servizio di accesso dei cittadini. Il token"
          + " manca, non è valido, è scaduto o non è destinato a questo servizio.";
  static final String FORBIDDEN = "Accesso non consentito.";
  static final String NOT_FOUND = "Risorsa non trovata: controllare l'indirizzo.";
  static final String NOT_ALLOWED = "Operazione non consentita su questa risorsa.";
  static final String INTERNAL =
      "Errore interno: la richiesta non è stata completata. Riprovare più tardi.";

  /** The Italian title of an HTTP status. */
  static String title(int status) {
    return switch (status) {
      case 400 -> "Richiesta non valida";
      case 401 -> "Autenticazione richiesta";
      case 403 -> "Accesso negato";
      case 404 -> "Non trovato";
      case 405 -> "Metodo non consentito";
      case 406 -> "Formato non disponibile";
      case 415 -> "Formato non supportato";
      default -> status >= 500 ? "Errore interno" : "Richiesta non accolta";
    };
  }

  /** The default Italian detail of an HTTP status. */
  static String detail(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> NOT_ALLOWED;
      case 406 -> "Il formato chiesto (Accept) non è disponibile per questa risorsa.";
      case 415 -> "Il formato della richiesta non è supportato.";
      default -> status >= 500 ? INTERNAL : "La richiesta non è valida per questa risorsa.";
    };
  }

  static Response response(int status, String detail, String code) {
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(MEDIA_TYPE)
            .entity(new Problem("about:blank", title(status), status, detail, code));
    if (status == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"ksanctions-citizens\"");
    }
    return builder.build();
  }

  /** The same problem as JSON text, for the servlet error pages. */
  static String json(int status, String detail) {
    return "{\"type\":\"about:blank\",\"title\":\""
        + escape(title(status))
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + escape(detail)
        + "\"}";
  }

  static byte[] jsonBytes(int status, String detail) {
    return json(status, detail).getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The API's own refusals: not found (also another citizen's act), suspended, not a person. */
  @Provider
  public static class Refused implements ExceptionMapper<CitizenApi.Refused> {
    @Override
    public Response toResponse(CitizenApi.Refused e) {
      int status =
          switch (e.answer()) {
            case NOT_FOUND -> 404;
            case SUSPENDED, NOT_A_CITIZEN -> 403;
          };
      return response(status, e.italianMessage(), e.code());
    }
  }

  /** JAX-RS's own: no such path (or an id that is not a number), a method not allowed, ... */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e instanceof NotFoundException) {
        return response(404, NOT_FOUND, null);
      }
      if (e instanceof NotAllowedException) {
        return Response.fromResponse(response(405, NOT_ALLOWED, null))
            .allow(e.getResponse().getAllowedMethods())
            .build();
      }
      if (status >= 500) {
        LOG.error("Citizen API request failed", e);
      }
      return response(status, detail(status), null);
    }
  }

  /** Anything else: a 500 without internals. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof CitizenApi.Refused refused) {
          return new Refused().toResponse(refused);
        }
        cause = cause.getCause();
      }
      LOG.error("Citizen API request failed", e);
      return response(500, INTERNAL, null);
    }
  }
}
