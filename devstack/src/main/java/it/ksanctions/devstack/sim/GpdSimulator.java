package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * pagoPA GPD, base path {@code /gpd}: debt positions (debt-positions-service v1), receipts
 * (payments-receipts-service v1), payments (by the checkout page or the control API) and the node's
 * receipt push to the creditor, retried like {@code paSendRT}.
 */
final class GpdSimulator {

  static final String PREFIX = "/gpd";
  private static final String POSITIONS = "debt-positions-service/v1/organizations";
  private static final String RECEIPTS = "payments-receipts-service/v1/payments";
  static final String PSP_NAME = "PSP Simulato";
  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  static final class Position {
    final String org;
    final String iupd;
    ObjectNode model;
    String status;
    final Instant inserted = Instant.now();
    Instant published;
    Instant paymentDate;
    final Map<String, ObjectNode> paidOptions = new LinkedHashMap<>();

    Position(String org, String iupd) {
      this.org = org;
      this.iupd = iupd;
    }

    JsonNode option(String iuv) {
      for (JsonNode option : model.path("paymentOption")) {
        if (iuv.equals(option.path("iuv").asText())) {
          return option;
        }
      }
      return null;
    }
  }

  /** A refused payment: status and a reason shown on the page. */
  static final class PayFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    PayFailure(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }
  }

  private record Endpoint(String url, String key) {}

  private final Map<String, Map<String, Position>> positions = new LinkedHashMap<>();
  private final Map<String, ObjectNode> receipts = new LinkedHashMap<>();
  private final Map<String, String> receiptDebtor = new ConcurrentHashMap<>();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final Consumer<String> log;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile long pauseMillis = 500;
  private volatile int maxAttempts = 48;

  GpdSimulator(ScheduledExecutorService scheduler, Consumer<String> log) {
    this.scheduler = scheduler;
    this.log = log;
  }

  SimHttp.Response handle(SimHttp.Request request) {
    if (SimHttp.blank(request.header("Ocp-Apim-Subscription-Key"))) {
      throw SimHttp.fail(401, "Unauthorized", "Ocp-Apim-Subscription-Key is required");
    }
    String route = String.join("/", SimHttp.segments(request.path(), PREFIX));
    List<String> parts = SimHttp.segments(request.path(), PREFIX);
    String method = request.method();
    if (route.startsWith(POSITIONS + "/")
        && parts.size() >= 5
        && parts.get(4).equals("debtpositions")) {
      String org = parts.get(3);
      boolean toPublish = "true".equalsIgnoreCase(request.query("toPublish"));
      if (parts.size() == 5 && method.equals("POST")) {
        return create(org, request.json(), toPublish);
      }
      if (parts.size() == 5 && method.equals("GET")) {
        return list(org, request);
      }
      if (parts.size() == 6) {
        String iupd = parts.get(5);
        return switch (method) {
          case "GET" -> SimHttp.Response.json(200, view(find(org, iupd)));
          case "PUT" -> update(org, iupd, request.json(), toPublish);
          case "DELETE" -> delete(org, iupd);
          default -> throw SimHttp.fail(405, "Method not allowed", method);
        };
      }
      if (parts.size() == 7 && method.equals("POST") && parts.get(6).equals("invalidate")) {
        return transition(org, parts.get(5), "INVALID");
      }
      if (parts.size() == 7 && method.equals("POST") && parts.get(6).equals("publish")) {
        return transition(org, parts.get(5), "VALID");
      }
    }
    if (route.startsWith(RECEIPTS + "/")
        && parts.size() >= 5
        && parts.get(4).equals("receipts")
        && method.equals("GET")) {
      String org = parts.get(3);
      if (parts.size() == 5) {
        return receiptList(org, request);
      }
      if (parts.size() == 6) {
        return receiptXml(org, parts.get(5));
      }
    }
    throw SimHttp.fail(404, "Not found", "No such GPD resource: " + method + " " + request.path());
  }

  // ---- debt positions --------------------------------------------------------------------------

  private void validate(JsonNode body, Checks c) {
    if (!body.isObject()) {
      c.error(Checks.TYPE, "body", "A PaymentPositionModel object is expected");
      return;
    }
    c.string(body, "", "iupd", true, 1, 256, null);
    c.oneOf(body, "", "type", true, Set.of("F", "G"));
    c.string(body, "", "fiscalCode", true, 1, 16, null);
    c.string(body, "", "fullName", true, 1, 256, null);
    c.string(body, "", "companyName", true, 1, 140, null);
    c.string(body, "", "officeName", false, 0, 140, null);
    c.string(body, "", "country", false, 2, 2, "[A-Z]{2}");
    c.bool(body, "", "switchToExpired", false);
    dateTime(body, "", "validityDate", false, c);
    JsonNode options = c.array(body, "", "paymentOption", true, 1, 100);
    if (options == null) {
      return;
    }
    Set<String> iuvs = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      JsonNode o = options.get(i);
      String at = "paymentOption[" + i + "]";
      if (!o.isObject()) {
        c.error(Checks.TYPE, at, at + " must be an object");
        continue;
      }
      String iuv = c.string(o, at, "iuv", true, 1, 35, "[0-9A-Za-z]+");
      if (iuv != null && !iuvs.add(iuv)) {
        c.error(Checks.PATTERN, at + ".iuv", "IUV repeated in the position");
      }
      Long amount = c.integer(o, at, "amount", true, 1, Long.MAX_VALUE);
      c.string(o, at, "description", true, 1, 140, null);
      dateTime(o, at, "dueDate", true, c);
      dateTime(o, at, "retentionDate", false, c);
      c.bool(o, at, "isPartialPayment", true);
      JsonNode transfers = c.array(o, at, "transfer", true, 1, 5);
      if (transfers == null) {
        continue;
      }
      long sum = 0;
      Set<String> ids = new HashSet<>();
      for (int j = 0; j < transfers.size(); j++) {
        JsonNode t = transfers.get(j);
        String tt = at + ".transfer[" + j + "]";
        String id = c.oneOf(t, tt, "idTransfer", true, Set.of("1", "2", "3", "4", "5"));
        if (id != null && !ids.add(id)) {
          c.error(Checks.PATTERN, tt + ".idTransfer", "idTransfer repeated");
        }
        Long part = c.integer(t, tt, "amount", true, 1, Long.MAX_VALUE);
        sum += part == null ? 0 : part;
        c.string(t, tt, "remittanceInformation", true, 0, 140, null);
        c.string(t, tt, "category", true, 1, 140, null);
        String iban = c.string(t, tt, "iban", false, 1, 35, "[A-Za-z0-9]{1,35}");
        String postal = c.string(t, tt, "postalIban", false, 0, 35, "|[A-Za-z0-9]{1,35}");
        if (SimHttp.blank(iban) && SimHttp.blank(postal) && !t.has("stamp")) {
          c.error(Checks.REQUIRED, tt + ".iban", "iban (or postalIban or stamp) is required");
        }
      }
      if (amount != null && sum != amount) {
        c.error(
            Checks.RANGE,
            at + ".amount",
            "The sum of the transfers ("
                + sum
                + ") differs from the option's amount ("
                + amount
                + ")");
      }
    }
  }

  private static void dateTime(
      JsonNode parent, String prefix, String field, boolean required, Checks c) {
    String s = c.string(parent, prefix, field, required, 10, 40, null);
    if (s != null) {
      try {
        parseDateTime(s);
      } catch (DateTimeParseException e) {
        String element = prefix.isEmpty() ? field : prefix + "." + field;
        c.error(Checks.PATTERN, element, element + " must be a date-time");
      }
    }
  }

  static OffsetDateTime parseDateTime(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).atZone(ROME).toOffsetDateTime();
    }
  }

  private static SimHttp.SimException conflict(String detail) {
    return SimHttp.fail(409, "Conflict", detail);
  }

  private void checkIuvs(String org, JsonNode body, String exceptIupd) {
    for (Position other : positions.getOrDefault(org, Map.of()).values()) {
      if (other.iupd.equals(exceptIupd)) {
        continue;
      }
      for (JsonNode option : body.path("paymentOption")) {
        if (other.option(option.path("iuv").asText()) != null) {
          throw conflict(
              "IUV " + option.path("iuv").asText() + " already used by position " + other.iupd);
        }
      }
    }
  }

  private synchronized SimHttp.Response create(String org, JsonNode body, boolean toPublish) {
    Checks c = new Checks();
    validate(body, c);
    if (!c.ok()) {
      throw c.failure();
    }
    String iupd = body.get("iupd").asText();
    Map<String, Position> ofOrg = positions.computeIfAbsent(org, k -> new LinkedHashMap<>());
    if (ofOrg.containsKey(iupd)) {
      throw conflict("Debt position " + iupd + " already exists");
    }
    checkIuvs(org, body, null);
    Position p = new Position(org, iupd);
    p.model = ((ObjectNode) body).deepCopy();
    p.status = toPublish ? "VALID" : "DRAFT";
    p.published = toPublish ? Instant.now() : null;
    ofOrg.put(iupd, p);
    return SimHttp.Response.json(201, view(p));
  }

  private synchronized Position find(String org, String iupd) {
    Position p = positions.getOrDefault(org, Map.of()).get(iupd);
    if (p == null) {
      throw SimHttp.fail(404, "Not found", "No debt position " + iupd + " for " + org);
    }
    return p;
  }

  private static boolean paid(Position p) {
    return p.status.equals("PAID") || p.status.equals("PARTIALLY_PAID");
  }

  private synchronized SimHttp.Response update(
      String org, String iupd, JsonNode body, boolean toPublish) {
    Position p = find(org, iupd);
    Checks c = new Checks();
    validate(body, c);
    if (!c.ok()) {
      throw c.failure();
    }
    if (!iupd.equals(body.path("iupd").asText())) {
      throw SimHttp.fail(400, "Bad Request", "iupd of the body differs from the path's");
    }
    if (paid(p) || p.status.equals("INVALID")) {
      throw conflict("Debt position " + iupd + " is " + p.status + ": it cannot be updated");
    }
    checkIuvs(org, body, iupd);
    p.model = ((ObjectNode) body).deepCopy();
    if (toPublish) {
      p.status = "VALID";
      p.published = Instant.now();
    }
    return SimHttp.Response.json(200, view(p));
  }

  private synchronized SimHttp.Response delete(String org, String iupd) {
    Position p = find(org, iupd);
    if (paid(p)) {
      throw conflict("Debt position " + iupd + " is " + p.status);
    }
    positions.get(org).remove(iupd);
    return SimHttp.Response.json(200, SimHttp.JSON.createObjectNode().put("status", "OK"));
  }

  private synchronized SimHttp.Response transition(String org, String iupd, String target) {
    Position p = find(org, iupd);
    if (target.equals("INVALID")) {
      if (paid(p) || p.status.equals("INVALID")) {
        throw conflict("Debt position " + iupd + " is " + p.status + ": it cannot be invalidated");
      }
    } else if (!p.status.equals("DRAFT")) {
      throw conflict("Debt position " + iupd + " is " + p.status + ": only a DRAFT is published");
    } else {
      p.published = Instant.now();
    }
    p.status = target;
    return SimHttp.Response.json(200, view(p));
  }

  private synchronized ObjectNode view(Position p) {
    ObjectNode out = p.model.deepCopy();
    out.put("organizationFiscalCode", p.org);
    out.put("status", p.status);
    out.put("insertedDate", p.inserted.toString());
    if (p.published != null) {
      out.put("publishDate", p.published.toString());
    }
    if (p.paymentDate != null) {
      out.put("paymentDate", p.paymentDate.toString());
    }
    for (JsonNode option : out.path("paymentOption")) {
      ObjectNode o = (ObjectNode) option;
      String iuv = o.path("iuv").asText();
      o.put("nav", "3" + iuv);
      o.put("organizationFiscalCode", p.org);
      ObjectNode receipt = p.paidOptions.get(iuv);
      o.put("status", receipt == null ? "PO_UNPAID" : "PO_PAID");
      if (receipt != null) {
        o.put("paymentDate", receipt.get("paymentDateTime").asText());
        o.put("idReceipt", receipt.get("receiptId").asText());
        o.put("pspCompany", PSP_NAME);
      }
    }
    return out;
  }

  private synchronized SimHttp.Response list(String org, SimHttp.Request request) {
    int page = intParam(request, "page", 0);
    int limit = Math.max(1, Math.min(100, intParam(request, "limit", 10)));
    String status = request.query("status");
    List<Position> all = new ArrayList<>();
    for (Position p : positions.getOrDefault(org, Map.of()).values()) {
      if (status == null || status.equals(p.status)) {
        all.add(p);
      }
    }
    ObjectNode out = SimHttp.JSON.createObjectNode();
    ArrayNode items = out.putArray("payment_position_list");
    all.stream().skip((long) page * limit).limit(limit).forEach(p -> items.add(view(p)));
    out.putObject("page_info")
        .put("page", page)
        .put("limit", limit)
        .put("items_found", items.size())
        .put("total_pages", (all.size() + limit - 1) / limit);
    return SimHttp.Response.json(200, out);
  }

  private static int intParam(SimHttp.Request request, String name, int fallback) {
    String v = request.query(name);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw SimHttp.fail(400, "Bad Request", name + " must be an integer");
    }
  }

  // ---- payments
  // ----------------------------------------------------------------------------------

  /** The position and option a notice belongs to, or a failure with the reason. */
  synchronized Object[] lookup(String creditor, String notice) throws PayFailure {
    if (notice == null || !notice.matches("\\d{18}")) {
      throw new PayFailure(400, "Il codice avviso deve avere 18 cifre.");
    }
    String iuv = notice.substring(1);
    for (Position p : positions.getOrDefault(creditor, Map.of()).values()) {
      JsonNode option = p.option(iuv);
      if (option == null) {
        continue;
      }
      switch (p.status) {
        case "INVALID" -> throw new PayFailure(409, "La posizione debitoria è stata annullata.");
        case "PAID" -> throw new PayFailure(409, "L'avviso risulta già pagato.");
        case "DRAFT" -> throw new PayFailure(409, "L'avviso non è ancora pubblicato.");
        case "EXPIRED" -> throw new PayFailure(409, "L'avviso è scaduto.");
        default -> {}
      }
      if (p.paidOptions.containsKey(iuv)) {
        throw new PayFailure(409, "L'avviso risulta già pagato.");
      }
      return new Object[] {p, option};
    }
    throw new PayFailure(404, "Avviso sconosciuto per l'ente creditore " + creditor + ".");
  }

  /** Pays a notice: a receipt, the option and position marked paid, the receipt pushed. */
  ObjectNode pay(String creditor, String notice, Long amountCents, JsonNode payer)
      throws PayFailure {
    ObjectNode receipt;
    synchronized (this) {
      Object[] found = lookup(creditor, notice);
      Position p = (Position) found[0];
      JsonNode option = (JsonNode) found[1];
      long amount = option.path("amount").asLong();
      if (amountCents != null && amountCents != amount) {
        throw new PayFailure(422, "L'importo " + amountCents + " differisce da quello dovuto.");
      }
      String iuv = notice.substring(1);
      OffsetDateTime now = OffsetDateTime.now(ROME).truncatedTo(ChronoUnit.MILLIS);
      receipt = SimHttp.JSON.createObjectNode();
      receipt.put("receiptId", SimHttp.randomHex(16));
      receipt.put("noticeNumber", notice);
      receipt.put("iuv", iuv);
      receipt.put("creditorTaxCode", creditor);
      receipt.put("amountCents", amount);
      receipt.put("paymentDateTime", now.toString());
      receipt.put("pspName", PSP_NAME);
      ObjectNode who = receipt.putObject("payer");
      who.put("fullName", SimHttp.text(payer, "fullName"));
      who.put("fiscalCode", SimHttp.text(payer, "fiscalCode"));
      who.put("email", SimHttp.text(payer, "email"));
      p.paidOptions.put(iuv, receipt);
      boolean allPartialsPaid = true;
      for (JsonNode o : p.model.path("paymentOption")) {
        if (o.path("isPartialPayment").asBoolean()
            && !p.paidOptions.containsKey(o.path("iuv").asText())) {
          allPartialsPaid = false;
        }
      }
      p.status =
          !option.path("isPartialPayment").asBoolean() || allPartialsPaid
              ? "PAID"
              : "PARTIALLY_PAID";
      p.paymentDate = now.toInstant();
      receipts.put(receipt.get("receiptId").asText(), receipt);
      receiptDebtor.put(receipt.get("receiptId").asText(), p.model.path("fiscalCode").asText());
    }
    Endpoint endpoint = endpoints.get(creditor);
    if (endpoint != null) {
      scheduler.execute(() -> pushWithRetries(endpoint, receipt, 1));
    }
    return receipt.deepCopy();
  }

  private void pushWithRetries(Endpoint endpoint, ObjectNode receipt, int attempt) {
    String id = receipt.get("receiptId").asText();
    int status = pushOnce(endpoint, receipt);
    attempts.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(status);
    if (status >= 200 && status < 300) {
      return;
    }
    if (attempt >= maxAttempts) {
      log.accept("GPD simulator: receipt " + id + " not accepted after " + attempt + " attempts");
      return;
    }
    scheduler.schedule(
        () -> pushWithRetries(endpoint, receipt, attempt + 1), pauseMillis, TimeUnit.MILLISECONDS);
  }

  /** One POST of the receipt; the HTTP status, or -1 on an I/O error. */
  private int pushOnce(Endpoint endpoint, ObjectNode receipt) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint.url()))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("X-Receipt-Key", endpoint.key() == null ? "" : endpoint.key())
              .POST(HttpRequest.BodyPublishers.ofByteArray(SimHttp.JSON.writeValueAsBytes(receipt)))
              .build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  // ---- receipts
  // ----------------------------------------------------------------------------------

  private synchronized SimHttp.Response receiptList(String org, SimHttp.Request request) {
    int page = intParam(request, "pageNum", intParam(request, "page", 0));
    int size =
        Math.max(1, Math.min(100, intParam(request, "pageSize", intParam(request, "limit", 20))));
    OffsetDateTime from = bound(request.query("from"), false);
    OffsetDateTime to = bound(request.query("to"), true);
    String debtor = request.query("debtor");
    String debtorOrIuv = request.query("debtorOrIuv");
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode r : receipts.values()) {
      String id = r.get("receiptId").asText();
      OffsetDateTime at = OffsetDateTime.parse(r.get("paymentDateTime").asText());
      String fiscalCode = receiptDebtor.get(id);
      if (!org.equals(r.get("creditorTaxCode").asText())
          || (from != null && at.isBefore(from))
          || (to != null && at.isAfter(to))
          || (debtor != null && !debtor.equals(fiscalCode))
          || (debtorOrIuv != null
              && !fiscalCode.startsWith(debtorOrIuv)
              && !r.get("iuv").asText().startsWith(debtorOrIuv))) {
        continue;
      }
      ObjectNode item = SimHttp.JSON.createObjectNode();
      item.put("organizationFiscalCode", org);
      item.put("iuv", r.get("iuv").asText());
      item.put("debtor", fiscalCode);
      item.put("paymentDateTime", r.get("paymentDateTime").asText());
      item.put("status", "PAID");
      found.add(item);
    }
    ObjectNode out = SimHttp.JSON.createObjectNode();
    ArrayNode results = SimHttp.JSON.createArrayNode();
    found.stream().skip((long) page * size).limit(size).forEach(results::add);
    out.put("currentPageNumber", page);
    out.put("length", results.size());
    out.put("totalPages", (found.size() + size - 1) / size);
    out.set("results", results);
    return SimHttp.Response.json(200, out);
  }

  private static OffsetDateTime bound(String value, boolean end) {
    if (SimHttp.blank(value)) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1).atStartOfDay(ROME).minusNanos(1) : day.atStartOfDay(ROME))
            .toOffsetDateTime();
      }
      return parseDateTime(value);
    } catch (DateTimeParseException e) {
      throw SimHttp.fail(400, "Bad Request", "Dates are yyyy-MM-dd or yyyy-MM-dd'T'HH:mm:ss");
    }
  }

  /** The receipt of an IUV, as the contract answers it: XML (the node's receipt). */
  private synchronized SimHttp.Response receiptXml(String org, String iuv) {
    for (ObjectNode r : receipts.values()) {
      if (org.equals(r.get("creditorTaxCode").asText()) && iuv.equals(r.get("iuv").asText())) {
        String id = r.get("receiptId").asText();
        JsonNode payer = r.get("payer");
        String amount =
            String.format(java.util.Locale.ROOT, "%.2f", r.get("amountCents").asLong() / 100.0);
        String xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<receipt>\n"
                + x("receiptId", id)
                + x("noticeNumber", r.get("noticeNumber").asText())
                + x("fiscalCode", org)
                + x("outcome", "OK")
                + x("creditorReferenceId", iuv)
                + x("paymentAmount", amount)
                + x("pspCompanyName", PSP_NAME)
                + x("paymentDateTime", r.get("paymentDateTime").asText())
                + "  <debtor>\n"
                + x("entityUniqueIdentifierValue", receiptDebtor.get(id))
                + "  </debtor>\n"
                + "  <payer>\n"
                + x("entityUniqueIdentifierValue", payer.path("fiscalCode").asText(""))
                + x("fullName", payer.path("fullName").asText(""))
                + x("e-mail", payer.path("email").asText(""))
                + "  </payer>\n"
                + "</receipt>\n";
        return SimHttp.Response.text(200, xml, "application/xml");
      }
    }
    throw SimHttp.fail(404, "Not found", "No receipt for IUV " + iuv);
  }

  private static String x(String tag, String value) {
    return "  <" + tag + ">" + SimHttp.htmlEscape(value) + "</" + tag + ">\n";
  }

  // ---- control
  // ------------------------------------------------------------------------------------

  SimHttp.Response control(SimHttp.Request request, List<String> parts)
      throws InterruptedException {
    String method = request.method();
    if (parts.size() == 3
        && parts.get(0).equals("organizations")
        && parts.get(2).equals("receipt-endpoint")) {
      if (method.equals("DELETE")) {
        endpoints.remove(parts.get(1));
        return SimHttp.Response.empty(204);
      }
      JsonNode body = request.json();
      String url = SimHttp.text(body, "url");
      if (SimHttp.blank(url) || !url.matches("https?://.+")) {
        throw SimHttp.fail(400, "Bad request", "url (http or https) is required");
      }
      endpoints.put(parts.get(1), new Endpoint(url, SimHttp.text(body, "key")));
      return SimHttp.Response.empty(204);
    }
    if (parts.equals(List.of("pay")) && method.equals("POST")) {
      JsonNode body = request.json();
      JsonNode amount = body.get("amountCents");
      try {
        ObjectNode receipt =
            pay(
                SimHttp.text(body, "creditor"),
                SimHttp.text(body, "notice"),
                amount == null || amount.isNull() ? null : amount.asLong(),
                body.path("payer"));
        return SimHttp.Response.json(200, receipt);
      } catch (PayFailure e) {
        throw SimHttp.fail(e.status, "Payment refused", e.getMessage());
      }
    }
    if (parts.size() == 3
        && parts.get(0).equals("receipts")
        && parts.get(2).equals("push")
        && method.equals("POST")) {
      return replay(parts.get(1), request);
    }
    if (parts.size() == 3 && parts.get(0).equals("receipts") && parts.get(2).equals("attempts")) {
      ArrayNode out = SimHttp.JSON.createArrayNode();
      List<Integer> list = attempts.getOrDefault(parts.get(1), List.of());
      synchronized (list) {
        list.forEach(out::add);
      }
      return SimHttp.Response.json(200, out);
    }
    if (parts.equals(List.of("push-settings")) && method.equals("PUT")) {
      JsonNode body = request.json();
      if (body.has("pauseMillis")) {
        pauseMillis = Math.max(0, body.get("pauseMillis").asLong());
      }
      if (body.has("maxAttempts")) {
        maxAttempts = Math.max(1, body.get("maxAttempts").asInt());
      }
      return SimHttp.Response.json(
          200,
          SimHttp.JSON
              .createObjectNode()
              .put("pauseMillis", pauseMillis)
              .put("maxAttempts", maxAttempts));
    }
    throw SimHttp.fail(404, "Not found", "No such GPD control resource");
  }

  private SimHttp.Response replay(String receiptId, SimHttp.Request request)
      throws InterruptedException {
    ObjectNode receipt;
    synchronized (this) {
      receipt = receipts.get(receiptId);
    }
    if (receipt == null) {
      throw SimHttp.fail(404, "Not found", "No receipt " + receiptId);
    }
    Endpoint endpoint = endpoints.get(receipt.get("creditorTaxCode").asText());
    if (endpoint == null) {
      throw SimHttp.fail(409, "Conflict", "No receipt endpoint registered for the creditor");
    }
    int times = Math.max(1, Math.min(1000, intParam(request, "times", 48)));
    int concurrency = Math.max(1, Math.min(64, intParam(request, "concurrency", 1)));
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        results.add(pool.submit(() -> pushOnce(endpoint, receipt)));
      }
      ArrayNode out = SimHttp.JSON.createArrayNode();
      for (Future<Integer> f : results) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          out.add(-1);
        }
      }
      return SimHttp.Response.json(200, out);
    } finally {
      pool.shutdownNow();
    }
  }
}
