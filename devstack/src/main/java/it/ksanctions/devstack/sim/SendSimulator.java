package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * SEND (Piattaforma Notifiche) B2B for public administrations, base path {@code /send}: preload and
 * upload of the documents, new notification requests (v2.6), acceptance, progress streams (v2.9),
 * legal facts and the sent notification (v2.9).
 */
final class SendSimulator {

  static final String PREFIX = "/send";
  private static final String S3 = PREFIX + "/__s3/";
  private static final String SAFESTORAGE = "safestorage://";
  private static final int MAX_EVENTS = 50;
  private static final long RETRY_AFTER_MILLIS = 1000;

  private static final Set<String> RECIPIENT_FIELDS =
      Set.of(
          "recipientType",
          "taxId",
          "denomination",
          "digitalDomicile",
          "physicalAddress",
          "payments");

  private final Supplier<String> baseUrl;
  private final PdndSimulator pdnd;
  private final InadSimulator inad;
  private final ScheduledExecutorService scheduler;

  private volatile boolean view = true;
  private volatile long autoAcceptMillis = 3000;
  private volatile long refinementDays = 0;
  private final Map<String, ObjectNode> refusals = new ConcurrentHashMap<>();

  private static final class Upload {
    final String key;
    final String secret;
    final String sha256;
    final String contentType;
    final String apiKey;
    volatile byte[] content;
    volatile String versionId;

    Upload(String key, String secret, String sha256, String contentType, String apiKey) {
      this.key = key;
      this.secret = secret;
      this.sha256 = sha256;
      this.contentType = contentType;
      this.apiKey = apiKey;
    }
  }

  private record LegalFact(String key, String iun, String category, String apiKey, byte[] pdf) {}

  private static final class Notification {
    final String requestId;
    final String apiKey;
    final ObjectNode request;
    final Instant sentAt = Instant.now();
    int polls;
    String status = "WAITING";
    String iun;
    ArrayNode errors;
    final List<ObjectNode> timeline = new ArrayList<>();
    final ArrayNode statusHistory = SimHttp.JSON.createArrayNode();
    boolean view;
    long refinementDays;

    Notification(String requestId, String apiKey, ObjectNode request) {
      this.requestId = requestId;
      this.apiKey = apiKey;
      this.request = request;
    }
  }

  private record Event(long id, String apiKey, boolean statusChange, ObjectNode body) {}

  private record Stream(String id, String apiKey, ObjectNode meta, Set<String> filters) {
    boolean timeline() {
      return "TIMELINE".equals(meta.path("eventType").asText());
    }
  }

  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final Map<String, LegalFact> legalFacts = new ConcurrentHashMap<>();
  private final Map<String, Notification> byRequestId = new ConcurrentHashMap<>();
  private final Map<String, String> byUniqueKey = new ConcurrentHashMap<>();
  private final Map<String, Notification> byIun = new ConcurrentHashMap<>();
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private final List<Event> events = new ArrayList<>();
  private long nextEventId = 1;

  SendSimulator(
      Supplier<String> baseUrl,
      PdndSimulator pdnd,
      InadSimulator inad,
      ScheduledExecutorService scheduler) {
    this.baseUrl = baseUrl;
    this.pdnd = pdnd;
    this.inad = inad;
    this.scheduler = scheduler;
  }

  SimHttp.Response handle(SimHttp.Request request) {
    String path = request.path();
    if (path.startsWith(S3)) {
      return s3(request, path.substring(S3.length()));
    }
    String apiKey = request.header("x-api-key");
    if (SimHttp.blank(apiKey)) {
      throw SimHttp.fail(403, "Forbidden", "x-api-key is required");
    }
    if (pdnd.clientOf(request.header("authorization")) == null) {
      throw SimHttp.fail(
          403, "Forbidden", "Authorization: Bearer <PDND voucher> is required and must be valid");
    }
    String method = request.method();
    List<String> parts = SimHttp.segments(path, PREFIX);
    String route = String.join("/", parts);
    if (route.equals("delivery/attachments/preload") && method.equals("POST")) {
      return preload(request, apiKey);
    }
    if (route.equals("delivery/v2.6/requests") && method.equals("POST")) {
      return newNotification(request, apiKey);
    }
    if (route.equals("delivery/v2.6/requests") && method.equals("GET")) {
      return requestStatus(request, apiKey);
    }
    if (route.equals("delivery-progresses/v2.9/streams")) {
      if (method.equals("POST")) {
        return createStream(request, apiKey);
      }
      if (method.equals("GET")) {
        ArrayNode list = SimHttp.JSON.createArrayNode();
        streams.values().stream()
            .filter(s -> s.apiKey().equals(apiKey))
            .forEach(
                s ->
                    list.addObject()
                        .put("streamId", s.id())
                        .put("title", s.meta().path("title").asText()));
        return SimHttp.Response.json(200, list);
      }
    }
    if (parts.size() >= 4 && route.startsWith("delivery-progresses/v2.9/streams/")) {
      Stream stream = streams.get(parts.get(3));
      if (stream == null) {
        throw SimHttp.fail(404, "Not found", "Stream not found");
      }
      if (!stream.apiKey().equals(apiKey)) {
        throw SimHttp.fail(403, "Forbidden", "Stream of another sender");
      }
      if (parts.size() == 4 && method.equals("GET")) {
        return SimHttp.Response.json(200, stream.meta());
      }
      if (parts.size() == 4 && method.equals("DELETE")) {
        streams.remove(stream.id());
        return SimHttp.Response.empty(204);
      }
      if (parts.size() == 5 && parts.get(4).equals("events") && method.equals("GET")) {
        return events(stream, request.query("lastEventId"));
      }
    }
    if (parts.size() >= 5
        && parts.get(0).equals("delivery-push")
        && parts.get(2).equals("download")
        && parts.get(3).equals("legal-facts")
        && method.equals("GET")) {
      // The id may be "safestorage://<key>" (encoded or not): everything after the prefix.
      String marker = "/download/legal-facts/";
      return legalFactMetadata(
          parts.get(1), path.substring(path.indexOf(marker) + marker.length()), apiKey);
    }
    if (parts.size() == 5
        && route.startsWith("delivery/v2.9/notifications/sent/")
        && method.equals("GET")) {
      return sentNotification(parts.get(4), apiKey);
    }
    throw SimHttp.fail(404, "Not found", "No such SEND resource: " + method + " " + path);
  }

  // ---- documents ------------------------------------------------------------------------

  private SimHttp.Response preload(SimHttp.Request request, String apiKey) {
    JsonNode body = request.json();
    Checks checks = new Checks();
    if (!body.isArray() || body.isEmpty() || body.size() > 15) {
      checks.error(Checks.SIZE, "body", "An array of 1 to 15 PreLoadRequest is expected");
      throw checks.failure();
    }
    for (int i = 0; i < body.size(); i++) {
      String at = "[" + i + "]";
      checks.string(body.get(i), at, "preloadIdx", false, 1, 512, "[a-zA-Z0-9._-]{1,512}");
      checks.string(body.get(i), at, "contentType", false, 15, 16, "application/(pdf|json)");
      checks.string(
          body.get(i), at, "sha256", true, 44, 44, "[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44}");
    }
    if (!checks.ok()) {
      throw checks.failure();
    }
    ArrayNode answer = SimHttp.JSON.createArrayNode();
    for (JsonNode item : body) {
      String contentType = item.path("contentType").asText("application/pdf");
      String key =
          "PN_NOTIFICATION_ATTACHMENTS-"
              + UUID.randomUUID().toString().replace("-", "")
              + (contentType.endsWith("json") ? ".json" : ".pdf");
      Upload upload =
          new Upload(
              key, SimHttp.randomAlnum(32), item.get("sha256").asText(), contentType, apiKey);
      uploads.put(key, upload);
      ObjectNode out = answer.addObject();
      if (item.hasNonNull("preloadIdx")) {
        out.put("preloadIdx", item.get("preloadIdx").asText());
      }
      out.put("secret", upload.secret);
      out.put("httpMethod", "PUT");
      out.put("url", baseUrl.get() + S3 + key);
      out.put("key", key);
    }
    return SimHttp.Response.json(200, answer);
  }

  /** The pre-signed storage: PUT of an uploaded document, GET of documents and legal facts. */
  private SimHttp.Response s3(SimHttp.Request request, String key) {
    if (request.method().equals("GET")) {
      LegalFact fact = legalFacts.get(key);
      if (fact != null) {
        return SimHttp.Response.bytes(200, fact.pdf(), "application/pdf");
      }
      Upload upload = uploads.get(key);
      if (upload != null && upload.content != null) {
        return SimHttp.Response.bytes(200, upload.content, upload.contentType);
      }
      return SimHttp.Response.text(404, "<Error><Code>NoSuchKey</Code></Error>", "application/xml");
    }
    if (!request.method().equals("PUT")) {
      return SimHttp.Response.empty(405);
    }
    Upload upload = uploads.get(key);
    if (upload == null) {
      return SimHttp.Response.text(404, "<Error><Code>NoSuchKey</Code></Error>", "application/xml");
    }
    if (!upload.secret.equals(request.header("x-amz-meta-secret"))) {
      return SimHttp.Response.text(
          403, "<Error><Code>AccessDenied</Code></Error>", "application/xml");
    }
    if (!SimHttp.sha256Base64(request.body()).equals(upload.sha256)) {
      return SimHttp.Response.text(
          400,
          "<Error><Code>BadDigest</Code><Message>The SHA-256 of the body does not match the"
              + " preload's</Message></Error>",
          "application/xml");
    }
    upload.content = request.body();
    upload.versionId = SimHttp.randomAlnum(32);
    return SimHttp.Response.empty(200).header("x-amz-version-id", upload.versionId);
  }

  // ---- new notification -----------------------------------------------------------------

  private SimHttp.Response newNotification(SimHttp.Request request, String apiKey) {
    JsonNode body = request.json();
    if (!body.isObject()) {
      throw SimHttp.fail(400, "Bad Request", "A NewNotificationRequestV26 object is expected");
    }
    Checks c = new Checks();
    validate(body, apiKey, c);
    if (!c.ok()) {
      throw c.failure();
    }
    String uniqueKey =
        body.get("senderTaxId").asText()
            + "\n"
            + body.get("paProtocolNumber").asText()
            + "\n"
            + body.path("idempotenceToken").asText("");
    String requestId = SimHttp.randomAlnum(36);
    if (byUniqueKey.putIfAbsent(uniqueKey, requestId) != null) {
      throw new SimHttp.SimException(
          SimHttp.problem(
              409,
              "Conflict",
              "A notification with the same paProtocolNumber and idempotenceToken exists",
              List.of(
                  new SimHttp.ProblemError(
                      "PN_DELIVERY_NOTIFICATION_ALREADY_EXISTS",
                      "paProtocolNumber",
                      "Duplicated notification request"))));
    }
    Notification n = new Notification(requestId, apiKey, ((ObjectNode) body).deepCopy());
    n.view = view;
    n.refinementDays = refinementDays;
    byRequestId.put(requestId, n);
    scheduler.schedule(() -> resolve(n), autoAcceptMillis, TimeUnit.MILLISECONDS);
    ObjectNode answer = SimHttp.JSON.createObjectNode();
    answer.put("notificationRequestId", requestId);
    answer.put("paProtocolNumber", body.get("paProtocolNumber").asText());
    if (body.hasNonNull("idempotenceToken")) {
      answer.put("idempotenceToken", body.get("idempotenceToken").asText());
    }
    return SimHttp.Response.json(202, answer);
  }

  private void validate(JsonNode body, String apiKey, Checks c) {
    c.string(body, "", "idempotenceToken", false, 0, 256, "[ -~]*");
    c.string(body, "", "paProtocolNumber", true, 1, 256, ".*");
    c.string(body, "", "subject", true, 1, 134, ".*");
    c.string(body, "", "abstract", false, 0, 1024, ".*");
    c.string(body, "", "senderDenomination", true, 1, 88, ".*");
    c.string(body, "", "senderTaxId", true, 11, 11, "\\d+");
    c.string(body, "", "taxonomyCode", true, 7, 7, "[0-9]{6}[A-Z]");
    c.string(body, "", "group", false, 0, 1024, "[ -~]*");
    c.string(
        body,
        "",
        "paymentExpirationDate",
        false,
        10,
        10,
        "([0-9]{4})-(1[0-2]|0[1-9])-(3[01]|[12][0-9]|0[1-9])");
    c.string(
        body, "", "cancelledIun", false, 25, 25, "[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[0-9]{6}-[A-Z]-[0-9]");
    c.integer(body, "", "amount", false, 0, Integer.MAX_VALUE);
    c.oneOf(body, "", "pagoPaIntMode", false, Set.of("NONE", "SYNC", "ASYNC"));
    c.oneOf(
        body,
        "",
        "physicalCommunicationType",
        true,
        Set.of("AR_REGISTERED_LETTER", "REGISTERED_LETTER_890"));
    String policy =
        c.oneOf(body, "", "notificationFeePolicy", true, Set.of("FLAT_RATE", "DELIVERY_MODE"));
    boolean deliveryMode = "DELIVERY_MODE".equals(policy);
    c.integer(body, "", "paFee", deliveryMode, 0, 100);
    c.integer(body, "", "vat", deliveryMode, 0, 100);
    JsonNode recipients = c.array(body, "", "recipients", true, 1, Integer.MAX_VALUE);
    if (recipients != null) {
      for (int i = 0; i < recipients.size(); i++) {
        recipient(recipients.get(i), "recipients[" + i + "]", apiKey, c);
      }
    }
    JsonNode documents = c.array(body, "", "documents", true, 1, Integer.MAX_VALUE);
    if (documents != null) {
      for (int i = 0; i < documents.size(); i++) {
        String at = "documents[" + i + "]";
        if (!documents.get(i).isObject()) {
          c.error(Checks.TYPE, at, at + " must be an object");
          continue;
        }
        c.string(documents.get(i), at, "docIdx", false, 0, 3, "\\d+");
        attachment(documents.get(i), at, apiKey, c);
      }
    }
  }

  private void recipient(JsonNode r, String at, String apiKey, Checks c) {
    if (!r.isObject()) {
      c.error(Checks.TYPE, at, at + " must be an object");
      return;
    }
    c.onlyFields(r, at, RECIPIENT_FIELDS);
    c.oneOf(r, at, "recipientType", true, Set.of("PF", "PG"));
    // The shape of the tax id is checked at acceptance (REFUSED with TAXID_NOT_VALID).
    c.string(r, at, "taxId", true, 11, 16, null);
    c.string(r, at, "denomination", true, 1, 88, ".*");
    JsonNode domicile = c.object(r, at, "digitalDomicile", false);
    if (domicile != null) {
      String d = at + ".digitalDomicile";
      c.oneOf(domicile, d, "type", true, Set.of("PEC"));
      c.string(domicile, d, "address", true, 3, 320, "[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
    JsonNode address = c.object(r, at, "physicalAddress", true);
    if (address != null) {
      String p = at + ".physicalAddress";
      c.string(address, p, "at", false, 0, 44, ".*");
      c.string(address, p, "address", true, 2, 1024, ".*");
      c.string(address, p, "addressDetails", false, 0, 1024, ".*");
      String foreign = c.string(address, p, "foreignState", false, 0, 256, ".*");
      boolean italy = SimHttp.blank(foreign) || foreign.trim().equalsIgnoreCase("ITALIA");
      c.string(address, p, "zip", italy, italy ? 5 : 0, 15, "(\\w| |-)*");
      c.string(address, p, "municipality", true, 2, 256, ".*");
      c.string(address, p, "municipalityDetails", false, 0, 256, ".*");
      c.string(address, p, "province", false, 0, 256, ".*");
    }
    JsonNode payments = c.array(r, at, "payments", false, 0, Integer.MAX_VALUE);
    if (payments != null) {
      for (int j = 0; j < payments.size(); j++) {
        String pay = at + ".payments[" + j + "]";
        JsonNode item = payments.get(j);
        if (!item.isObject() || (!item.has("pagoPa") && !item.has("f24"))) {
          c.error(Checks.REQUIRED, pay, pay + " needs pagoPa or f24");
          continue;
        }
        c.onlyFields(item, pay, Set.of("pagoPa", "f24"));
        JsonNode pagoPa = c.object(item, pay, "pagoPa", false);
        if (pagoPa != null) {
          String pp = pay + ".pagoPa";
          c.string(pagoPa, pp, "noticeCode", true, 18, 18, "\\d+");
          c.string(pagoPa, pp, "creditorTaxId", true, 11, 11, "\\d+");
          c.bool(pagoPa, pp, "applyCost", true);
          JsonNode attachment = c.object(pagoPa, pp, "attachment", false);
          if (attachment != null) {
            attachment(attachment, pp + ".attachment", apiKey, c);
          }
        }
      }
    }
  }

  /** digests.sha256, contentType application/pdf, ref{key, versionToken} of an uploaded file. */
  private void attachment(JsonNode doc, String at, String apiKey, Checks c) {
    JsonNode digests = c.object(doc, at, "digests", true);
    String sha =
        digests == null
            ? null
            : c.string(
                digests,
                at + ".digests",
                "sha256",
                true,
                44,
                44,
                "[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44}");
    c.string(doc, at, "contentType", true, 15, 15, "application/pdf");
    JsonNode ref = c.object(doc, at, "ref", true);
    if (ref == null) {
      return;
    }
    String key =
        c.string(ref, at + ".ref", "key", true, 1, 512, "(safestorage://)?[A-Za-z0-9._-]+");
    String version = c.string(ref, at + ".ref", "versionToken", true, 1, 256, ".*");
    if (key == null) {
      return;
    }
    Upload upload = uploads.get(key.startsWith(SAFESTORAGE) ? key.substring(14) : key);
    if (upload == null || !upload.apiKey.equals(apiKey) || upload.content == null) {
      c.error("PN_DELIVERY_FILENOTFOUND", at + ".ref.key", "No uploaded file with key " + key);
      return;
    }
    if (sha != null && !sha.equals(upload.sha256)) {
      c.error(
          "PN_DELIVERY_INVALID_SHA256",
          at + ".digests.sha256",
          "The digest differs from the uploaded file's");
    }
    if (version != null && !version.equals(upload.versionId)) {
      c.error(
          "PN_DELIVERY_INVALID_VERSIONTOKEN",
          at + ".ref.versionToken",
          "The versionToken is not the uploaded file's x-amz-version-id");
    }
  }

  // ---- acceptance ---------------------------------------------------------------------------

  private SimHttp.Response requestStatus(SimHttp.Request request, String apiKey) {
    String id = request.query("notificationRequestId");
    Notification n;
    if (!SimHttp.blank(id)) {
      n = byRequestId.get(id);
    } else {
      String protocol = request.query("paProtocolNumber");
      if (SimHttp.blank(protocol)) {
        throw SimHttp.fail(
            400,
            "Bad Request",
            "notificationRequestId or paProtocolNumber and idempotenceToken are required");
      }
      String token = request.query("idempotenceToken");
      n =
          byRequestId.values().stream()
              .filter(
                  x ->
                      x.apiKey.equals(apiKey)
                          && protocol.equals(x.request.path("paProtocolNumber").asText())
                          && (token == null ? "" : token)
                              .equals(x.request.path("idempotenceToken").asText("")))
              .findFirst()
              .orElse(null);
    }
    if (n == null || !n.apiKey.equals(apiKey)) {
      throw SimHttp.fail(404, "Not found", "No such notification request");
    }
    ObjectNode answer;
    synchronized (n) {
      n.polls++;
      if (n.polls >= 2) {
        resolve(n);
      }
      answer = n.request.deepCopy();
      answer.put("notificationRequestId", n.requestId);
      answer.put("notificationRequestStatus", n.status);
      if (n.iun != null) {
        answer.put("iun", n.iun);
      }
      if (n.errors != null) {
        answer.set("errors", n.errors);
      }
      if ("WAITING".equals(n.status)) {
        answer.put("retryAfter", 1);
      }
    }
    return SimHttp.Response.json(200, answer);
  }

  /** WAITING → ACCEPTED (the notification's life is produced at once) or REFUSED. */
  private void resolve(Notification n) {
    synchronized (n) {
      if (!"WAITING".equals(n.status)) {
        return;
      }
      ArrayNode errors = SimHttp.JSON.createArrayNode();
      String protocol = n.request.path("paProtocolNumber").asText();
      if (protocol.startsWith("RIFIUTA")) {
        errors
            .addObject()
            .put("code", "SIMULATED_REFUSAL")
            .put("element", "paProtocolNumber")
            .put("detail", "Refused on request (paProtocolNumber starts with RIFIUTA)");
      }
      JsonNode recipients = n.request.path("recipients");
      for (int i = 0; i < recipients.size(); i++) {
        String taxId = recipients.get(i).path("taxId").asText();
        if (!taxId.matches("[A-Z0-9]{16}|[0-9]{11}")) {
          errors
              .addObject()
              .put("code", "TAXID_NOT_VALID")
              .put("element", "recipients[" + i + "].taxId")
              .put("detail", "Not a codice fiscale or partita IVA: " + taxId)
              .put("recIndex", i);
        }
        ObjectNode refusal = refusals.get(taxId);
        if (refusal != null) {
          errors
              .addObject()
              .put("code", refusal.path("code").asText("SIMULATED_REFUSAL"))
              .put("element", "recipients[" + i + "].taxId")
              .put("detail", refusal.path("detail").asText("Refused on request for " + taxId))
              .put("recIndex", i);
        }
      }
      Instant t0 = Instant.now();
      if (!errors.isEmpty()) {
        n.status = "REFUSED";
        n.errors = errors;
        ObjectNode element = element(n, "REQUEST_REFUSED", t0, null, null);
        ((ObjectNode) element.get("details")).set("refusalReasons", errors);
        record(n, element, "REFUSED", true);
        return;
      }
      n.status = "ACCEPTED";
      n.iun = newIun();
      byIun.put(n.iun, n);
      life(n, t0);
    }
  }

  private void life(Notification n, Instant t0) {
    record(n, element(n, "REQUEST_ACCEPTED", t0, "SENDER_ACK", null), "ACCEPTED", true);
    JsonNode recipients = n.request.path("recipients");
    int count = recipients.size();
    for (int i = 0; i < count; i++) {
      JsonNode r = recipients.get(i);
      String pec = r.path("digitalDomicile").path("address").asText(null);
      if (pec == null) {
        pec = inad.pecOf(r.path("taxId").asText());
      }
      Instant sent = t0.plusSeconds(2);
      Instant delivered = t0.plusSeconds(4);
      if (pec != null) {
        ObjectNode send = element(n, "SEND_DIGITAL_DOMICILE", sent, null, i);
        ((ObjectNode) send.get("details"))
            .putObject("digitalAddress")
            .put("type", "PEC")
            .put("address", pec);
        record(n, send, "DELIVERING", i == 0);
        ObjectNode ok = element(n, "DIGITAL_SUCCESS_WORKFLOW", delivered, "DIGITAL_DELIVERY", i);
        ((ObjectNode) ok.get("details"))
            .putObject("digitalAddress")
            .put("type", "PEC")
            .put("address", pec);
        record(n, ok, i == count - 1 ? "DELIVERED" : "DELIVERING", i == count - 1);
      } else {
        ObjectNode send = element(n, "SEND_ANALOG_DOMICILE", sent, null, i);
        ((ObjectNode) send.get("details")).set("physicalAddress", r.path("physicalAddress"));
        record(n, send, "DELIVERING", i == 0);
        ObjectNode feedback = element(n, "SEND_ANALOG_FEEDBACK", delivered, "ANALOG_DELIVERY", i);
        ((ObjectNode) feedback.get("details"))
            .put("deliveryDetailCode", "RECRN001C")
            .put("responseStatus", "OK");
        record(n, feedback, i == count - 1 ? "DELIVERED" : "DELIVERING", i == count - 1);
      }
    }
    Instant last = t0.plusSeconds(6);
    if (n.view) {
      record(n, element(n, "NOTIFICATION_VIEWED", last, "RECIPIENT_ACCESS", 0), "VIEWED", true);
    } else {
      Instant refined = last.plus(java.time.Duration.ofDays(n.refinementDays));
      for (int i = 0; i < count; i++) {
        record(n, element(n, "REFINEMENT", refined, null, i), "EFFECTIVE_DATE", i == 0);
      }
    }
  }

  private ObjectNode element(
      Notification n, String category, Instant at, String legalFactCategory, Integer recIndex) {
    ObjectNode e = SimHttp.JSON.createObjectNode();
    String id = n.iun == null ? n.requestId : n.iun;
    e.put("elementId", category + ".IUN_" + id + (recIndex == null ? "" : ".RECINDEX_" + recIndex));
    e.put("timestamp", at.toString());
    e.put("ingestionTimestamp", Instant.now().toString());
    e.put("eventTimestamp", at.toString());
    e.put("notificationSentAt", n.sentAt.toString());
    ArrayNode facts = e.putArray("legalFactsIds");
    if (legalFactCategory != null) {
      String key = "PN_LEGAL_FACTS-" + UUID.randomUUID().toString().replace("-", "") + ".pdf";
      byte[] pdf =
          MiniPdf.of(
              List.of(
                  "SEND - Piattaforma Notifiche (simulatore)",
                  "Atto opponibile a terzi: " + legalFactCategory,
                  "IUN: " + n.iun,
                  "Elemento: " + category,
                  "Data: " + at));
      legalFacts.put(key, new LegalFact(key, n.iun, legalFactCategory, n.apiKey, pdf));
      facts.addObject().put("key", SAFESTORAGE + key).put("category", legalFactCategory);
    }
    e.put("category", category);
    ObjectNode details = e.putObject("details");
    if (recIndex != null) {
      details.put("recIndex", recIndex);
    }
    return e;
  }

  /** Appends a timeline element and its progress event on the sender's streams. */
  private void record(Notification n, ObjectNode element, String status, boolean statusChange) {
    n.timeline.add(element);
    if (statusChange) {
      ObjectNode history = n.statusHistory.addObject();
      history.put("status", status);
      history.put("activeFrom", element.get("timestamp").asText());
      history.putArray("relatedTimelineElements").add(element.get("elementId").asText());
    } else if (!n.statusHistory.isEmpty()) {
      ((ArrayNode) n.statusHistory.get(n.statusHistory.size() - 1).get("relatedTimelineElements"))
          .add(element.get("elementId").asText());
    }
    synchronized (events) {
      long id = nextEventId++;
      ObjectNode body = SimHttp.JSON.createObjectNode();
      body.put("eventId", String.format("%020d", id));
      body.put("timestamp", element.get("timestamp").asText());
      body.put("notificationRequestId", n.requestId);
      if (n.iun != null) {
        body.put("iun", n.iun);
      }
      body.put("newStatus", status);
      body.set("element", element);
      events.add(new Event(id, n.apiKey, statusChange, body));
    }
  }

  private static String newIun() {
    StringBuilder s = new StringBuilder();
    for (int block = 0; block < 3; block++) {
      for (int i = 0; i < 4; i++) {
        s.append((char) ('A' + SimHttp.RANDOM.nextInt(26)));
      }
      s.append('-');
    }
    s.append(YearMonth.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMM")));
    s.append('-').append((char) ('A' + SimHttp.RANDOM.nextInt(26)));
    s.append('-').append(SimHttp.RANDOM.nextInt(10));
    return s.toString();
  }

  // ---- streams -----------------------------------------------------------------------------

  private SimHttp.Response createStream(SimHttp.Request request, String apiKey) {
    JsonNode body = request.json();
    Checks c = new Checks();
    c.string(body, "", "title", true, 1, 256, ".*");
    c.oneOf(body, "", "eventType", true, Set.of("STATUS", "TIMELINE"));
    JsonNode filters = c.array(body, "", "filterValues", false, 0, Integer.MAX_VALUE);
    Set<String> filterValues = new LinkedHashSet<>();
    if (filters != null) {
      for (int i = 0; i < filters.size(); i++) {
        String v = filters.get(i).asText();
        if (!v.matches("[A-Z_]{4,256}")) {
          c.error(Checks.PATTERN, "filterValues[" + i + "]", "Must match ^[A-Z_]+$ (4-256)");
        }
        filterValues.add(v);
      }
    }
    if (!c.ok()) {
      throw c.failure();
    }
    String id = UUID.randomUUID().toString();
    ObjectNode meta = SimHttp.JSON.createObjectNode();
    meta.put("title", body.get("title").asText());
    meta.put("eventType", body.get("eventType").asText());
    meta.set("groups", body.has("groups") ? body.get("groups") : meta.arrayNode());
    ArrayNode values = meta.putArray("filterValues");
    filterValues.forEach(values::add);
    meta.put("streamId", id);
    meta.put("activationDate", Instant.now().toString());
    meta.put("version", "v29");
    streams.put(id, new Stream(id, apiKey, meta, filterValues));
    return SimHttp.Response.json(200, meta);
  }

  private SimHttp.Response events(Stream stream, String lastEventId) {
    long after = 0;
    if (!SimHttp.blank(lastEventId)) {
      try {
        after = Long.parseLong(lastEventId.trim());
      } catch (NumberFormatException e) {
        throw SimHttp.fail(400, "Bad Request", "lastEventId is not an eventId of this stream");
      }
    }
    ArrayNode answer = SimHttp.JSON.createArrayNode();
    boolean more = false;
    synchronized (events) {
      for (Event e : events) {
        if (e.id() <= after || !e.apiKey().equals(stream.apiKey())) {
          continue;
        }
        if (!stream.timeline() && !e.statusChange()) {
          continue;
        }
        String filterOn =
            stream.timeline()
                ? e.body().path("element").path("category").asText()
                : e.body().path("newStatus").asText();
        if (!stream.filters().isEmpty() && !stream.filters().contains(filterOn)) {
          continue;
        }
        if (answer.size() == MAX_EVENTS) {
          more = true;
          break;
        }
        answer.add(e.body().deepCopy());
      }
    }
    return SimHttp.Response.json(200, answer)
        .header("retry-after", String.valueOf(more ? 0 : RETRY_AFTER_MILLIS));
  }

  // ---- legal facts and sent notification ------------------------------------------------------

  private SimHttp.Response legalFactMetadata(String iun, String legalFactId, String apiKey) {
    String key =
        legalFactId.startsWith(SAFESTORAGE)
            ? legalFactId.substring(SAFESTORAGE.length())
            : legalFactId.startsWith("safestorage:/")
                ? legalFactId.substring("safestorage:/".length())
                : legalFactId;
    LegalFact fact = legalFacts.get(key);
    if (fact == null || !fact.iun().equals(iun) || !fact.apiKey().equals(apiKey)) {
      throw SimHttp.fail(404, "Not found", "No such legal fact for this IUN");
    }
    ObjectNode answer = SimHttp.JSON.createObjectNode();
    answer.put("filename", key);
    answer.put("contentLength", fact.pdf().length);
    answer.put("url", baseUrl.get() + S3 + key);
    return SimHttp.Response.json(200, answer);
  }

  private SimHttp.Response sentNotification(String iun, String apiKey) {
    Notification n = byIun.get(iun);
    if (n == null || !n.apiKey.equals(apiKey)) {
      throw SimHttp.fail(404, "Not found", "No such notification");
    }
    ObjectNode answer;
    synchronized (n) {
      answer = n.request.deepCopy();
      answer.put("iun", n.iun);
      answer.put("sentAt", n.sentAt.toString());
      answer.put(
          "notificationStatus",
          n.statusHistory.get(n.statusHistory.size() - 1).path("status").asText());
      answer.set("notificationStatusHistory", n.statusHistory.deepCopy());
      ArrayNode timeline = answer.putArray("timeline");
      n.timeline.forEach(e -> timeline.add(e.deepCopy()));
    }
    return SimHttp.Response.json(200, answer);
  }

  // ---- control -------------------------------------------------------------------------------

  /**
   * {@code POST /__control/send/behaviour {"view": bool, "autoAcceptMillis": n, "refinementDays":
   * n}}; {@code PUT /__control/send/refusals/{taxId} {"code", "detail"}} (the requests for that
   * recipient are REFUSED with that error), {@code DELETE}.
   */
  SimHttp.Response control(SimHttp.Request request, List<String> parts) {
    if (parts.equals(List.of("behaviour")) && request.method().equals("POST")) {
      JsonNode body = request.json();
      if (body.has("view")) {
        view = body.get("view").asBoolean();
      }
      if (body.has("autoAcceptMillis")) {
        autoAcceptMillis = Math.max(0, body.get("autoAcceptMillis").asLong());
      }
      if (body.has("refinementDays")) {
        refinementDays = Math.max(0, body.get("refinementDays").asLong());
      }
      return SimHttp.Response.json(
          200,
          SimHttp.JSON
              .createObjectNode()
              .put("view", view)
              .put("autoAcceptMillis", autoAcceptMillis)
              .put("refinementDays", refinementDays));
    }
    if (parts.size() == 2 && parts.get(0).equals("refusals")) {
      if (request.method().equals("PUT")) {
        JsonNode body = request.json();
        refusals.put(
            parts.get(1), body.isObject() ? (ObjectNode) body : SimHttp.JSON.createObjectNode());
        return SimHttp.Response.empty(204);
      }
      if (request.method().equals("DELETE")) {
        refusals.remove(parts.get(1));
        return SimHttp.Response.empty(204);
      }
      throw SimHttp.fail(405, "Method not allowed", "PUT or DELETE");
    }
    throw SimHttp.fail(404, "Not found", "No such SEND control resource");
  }
}
