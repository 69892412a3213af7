package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The small HTTP/JSON toolkit the simulators share: request, response, problems, JSON, hashes. */
final class SimHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private SimHttp() {}

  /** A request as the simulators see it: headers by lower-case name, query decoded. */
  record Request(
      String method,
      String path,
      String rawQuery,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String query(String name) {
      return query.get(name);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; a malformed body ends the request with a 400 problem. */
    JsonNode json() {
      if (body.length == 0) {
        throw new SimException(problem(400, "Bad request", "Empty body: JSON expected"));
      }
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new SimException(problem(400, "Bad request", "Malformed JSON: " + e.getMessage()));
      }
    }

    Map<String, String> form() {
      return parseQuery(bodyText());
    }
  }

  /** An answer: status, extra headers, body and its content type. */
  record Response(int status, Map<String, String> headers, byte[] body, String contentType) {

    static Response json(int status, Object value) {
      try {
        return new Response(
            status, new LinkedHashMap<>(), JSON.writeValueAsBytes(value), "application/json");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Response bytes(int status, byte[] body, String contentType) {
      return new Response(status, new LinkedHashMap<>(), body, contentType);
    }

    static Response text(int status, String body, String contentType) {
      return bytes(status, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    static Response empty(int status) {
      return new Response(status, new LinkedHashMap<>(), new byte[0], null);
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  /** Thrown by a handler to answer at once (validation failures, missing credentials). */
  static final class SimException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Response response;

    SimException(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  /** One entry of a problem's {@code errors[]}. */
  record ProblemError(String code, String element, String detail) {}

  /**
   * A problem as the contracts describe it (SEND {@code Problem}, pagoPA {@code ProblemJson}):
   * {@code status}, {@code title}, {@code detail}, {@code errors[]{code, element, detail}}.
   */
  static Response problem(int status, String title, String detail, List<ProblemError> errors) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("status", status);
    body.put("title", title);
    body.put("detail", detail);
    body.put("timestamp", java.time.Instant.now().toString());
    body.put("traceId", "sim-" + randomAlnum(12));
    ArrayNode list = body.putArray("errors");
    List<ProblemError> all =
        errors.isEmpty() ? List.of(new ProblemError(codeFor(status), null, detail)) : errors;
    for (ProblemError error : all) {
      ObjectNode e = list.addObject();
      e.put("code", error.code());
      if (error.element() != null) {
        e.put("element", error.element());
      }
      e.put("detail", error.detail());
    }
    Response response = Response.json(status, body);
    return new Response(status, response.headers(), response.body(), "application/problem+json");
  }

  static Response problem(int status, String title, String detail) {
    return problem(status, title, detail, List.of());
  }

  static SimException fail(int status, String title, String detail) {
    return new SimException(problem(status, title, detail));
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "PN_GENERIC_INVALIDPARAMETER";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 429 -> "TOO_MANY_REQUESTS";
      default -> "ERROR_" + status;
    };
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  /** Path segments after {@code prefix}, e.g. "/a/b/c" minus "/a" → [b, c]. */
  static List<String> segments(String path, String prefix) {
    List<String> parts = new ArrayList<>();
    for (String part : path.substring(prefix.length()).split("/")) {
      if (!part.isEmpty()) {
        parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
    }
    return parts;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Base64(byte[] data) {
    return Base64.getEncoder().encodeToString(sha256(data));
  }

  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  static String randomAlnum(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
    }
    return s.toString();
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Text of a JSON field, or null when absent, null or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  static String htmlEscape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
