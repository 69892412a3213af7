package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every request the simulators received, with secrets masked; thread-safe. */
final class Journal {

  static final int MAX_BODY = 64 * 1024;
  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "x-api-key",
          "ocp-apim-subscription-key",
          "authorization",
          "x-amz-meta-secret",
          "x-receipt-key");

  record Entry(
      long seq,
      Instant at,
      String service,
      String method,
      String path,
      String query,
      int status,
      Map<String, String> headers,
      String body) {}

  /** The oldest entries are dropped beyond this many (long runs of the dev stack). */
  static final int MAX_ENTRIES = 20_000;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long nextSeq = 1;

  synchronized Entry add(String service, SimHttp.Request request, int status) {
    Map<String, String> headers = new TreeMap<>();
    request.headers().forEach((name, value) -> headers.put(name, mask(name, value)));
    Entry entry =
        new Entry(
            nextSeq++,
            Instant.now(),
            service,
            request.method(),
            request.path(),
            request.rawQuery(),
            status,
            headers,
            bodyOf(request));
    entries.addLast(entry);
    if (entries.size() > MAX_ENTRIES) {
      entries.removeFirst();
    }
    return entry;
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized ArrayNode toJson(String service, long since) {
    ArrayNode list = SimHttp.JSON.createArrayNode();
    for (Entry e : entries) {
      if (e.seq() <= since || (service != null && !service.equals(e.service()))) {
        continue;
      }
      ObjectNode node = list.addObject();
      node.put("seq", e.seq());
      node.put("at", e.at().toString());
      node.put("service", e.service());
      node.put("method", e.method());
      node.put("path", e.path());
      node.put("query", e.query());
      node.put("status", e.status());
      ObjectNode headers = node.putObject("headers");
      e.headers().forEach(headers::put);
      node.put("body", e.body());
    }
    return list;
  }

  static String mask(String name, String value) {
    if (value == null || !SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return "••••" + (value.length() > 4 ? value.substring(value.length() - 4) : "");
  }

  /** UTF-8 text truncated at 64 KiB, or "sha256:<hex>" for bodies that are not text. */
  private static String bodyOf(SimHttp.Request request) {
    byte[] body = request.body();
    if (body.length == 0) {
      return "";
    }
    String type = request.header("content-type");
    boolean declaredBinary =
        type != null
            && !(type.contains("json")
                || type.startsWith("text/")
                || type.contains("xml")
                || type.contains("x-www-form-urlencoded"));
    if (declaredBinary) {
      return "sha256:" + SimHttp.sha256Hex(body);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      if (text.indexOf('\0') >= 0) {
        return "sha256:" + SimHttp.sha256Hex(body);
      }
      return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
    } catch (CharacterCodingException e) {
      return "sha256:" + SimHttp.sha256Hex(body);
    }
  }
}
