package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * pagoPA Checkout, simulated: the creditor institutions' cart API ({@code POST
 * /checkout/ec/v1/carts}: one to five notices and the return URLs, answered 302 to the cart's
 * page), a payment page for a notice (or a cart) and its form's POST, which pays through the GPD
 * simulator and sends the citizen back to the cart's {@code returnOkUrl} (or the page's {@code
 * returnUrl}); "Annulla" goes back to {@code returnCancelUrl}.
 */
final class CheckoutSimulator {

  static final String PREFIX = "/checkout";
  private static final String TITLE = "pagoPA — Checkout (simulatore)";

  private record Cart(String creditor, String notice, String ok, String cancel) {}

  private final GpdSimulator gpd;
  private final java.util.function.Supplier<String> baseUrl;
  private final Map<String, Cart> carts = new java.util.concurrent.ConcurrentHashMap<>();

  CheckoutSimulator(GpdSimulator gpd, java.util.function.Supplier<String> baseUrl) {
    this.gpd = gpd;
    this.baseUrl = baseUrl;
  }

  SimHttp.Response handle(SimHttp.Request request) {
    String path = request.path();
    if ((path.equals(PREFIX) || path.equals(PREFIX + "/")) && request.method().equals("GET")) {
      Cart cart = request.query("cart") == null ? null : carts.get(request.query("cart"));
      if (request.query("cart") != null && cart == null) {
        return html(404, "<p id=\"errore\">Carrello inesistente o scaduto.</p>");
      }
      return cart == null
          ? page(
              request.query("creditor"), request.query("notice"), request.query("returnUrl"), null)
          : page(cart.creditor(), cart.notice(), cart.ok(), request.query("cart"));
    }
    if (path.equals(PREFIX + "/ec/v1/carts") && request.method().equals("POST")) {
      return openCart(request.json());
    }
    if (path.equals(PREFIX + "/pay") && request.method().equals("POST")) {
      return pay(request.form());
    }
    if (path.equals(PREFIX + "/cancel") && request.method().equals("POST")) {
      Cart cart = carts.get(request.form().getOrDefault("cart", ""));
      return cart == null
          ? html(404, "<p id=\"errore\">Carrello inesistente o scaduto.</p>")
          : SimHttp.Response.empty(303).header("Location", cart.cancel());
    }
    return html(404, "<p>Pagina inesistente.</p>");
  }

  /** The cart request's shape, checked field by field; the notice must exist for its amount. */
  private SimHttp.Response openCart(JsonNode body) {
    JsonNode notices = body.path("paymentNotices");
    if (!notices.isArray() || notices.size() < 1 || notices.size() > 5) {
      throw SimHttp.fail(400, "Bad request", "paymentNotices: 1 to 5 notices are required");
    }
    JsonNode n = notices.get(0);
    String notice = n.path("noticeNumber").asText("");
    String creditor = n.path("fiscalCode").asText("");
    if (!notice.matches("\\d{18}")) {
      throw SimHttp.fail(400, "Bad request", "noticeNumber must be 18 digits");
    }
    if (!creditor.matches("\\d{11}")) {
      throw SimHttp.fail(400, "Bad request", "fiscalCode must be 11 digits");
    }
    if (!n.path("amount").canConvertToLong() || n.path("amount").asLong() <= 0) {
      throw SimHttp.fail(400, "Bad request", "amount must be a positive number of cents");
    }
    if (SimHttp.blank(n.path("companyName").asText(null))
        || SimHttp.blank(n.path("description").asText(null))) {
      throw SimHttp.fail(400, "Bad request", "companyName and description are required");
    }
    JsonNode urls = body.path("returnUrls");
    String ok = urls.path("returnOkUrl").asText("");
    String cancel = urls.path("returnCancelUrl").asText("");
    String error = urls.path("returnErrorUrl").asText("");
    for (String url : new String[] {ok, cancel, error}) {
      if (!url.matches("https?://.+")) {
        throw SimHttp.fail(
            400, "Bad request", "returnUrls: returnOkUrl, returnCancelUrl, returnErrorUrl");
      }
    }
    try {
      JsonNode option = (JsonNode) gpd.lookup(creditor, notice)[1];
      if (option.path("amount").asLong() != n.path("amount").asLong()) {
        throw SimHttp.fail(422, "Unprocessable entity", "amount differs from the debt position");
      }
    } catch (GpdSimulator.PayFailure e) {
      throw SimHttp.fail(e.status == 404 ? 404 : 422, "Unprocessable entity", e.getMessage());
    }
    String id = java.util.UUID.randomUUID().toString();
    carts.put(id, new Cart(creditor, notice, ok, cancel));
    return SimHttp.Response.empty(302).header("Location", baseUrl.get() + PREFIX + "/?cart=" + id);
  }

  private SimHttp.Response page(String creditor, String notice, String returnUrl, String cart) {
    GpdSimulator.Position position;
    JsonNode option;
    try {
      Object[] found = gpd.lookup(creditor, notice);
      position = (GpdSimulator.Position) found[0];
      option = (JsonNode) found[1];
    } catch (GpdSimulator.PayFailure e) {
      return html(e.status, "<p id=\"errore\">" + SimHttp.htmlEscape(e.getMessage()) + "</p>");
    }
    JsonNode model = position.model;
    StringBuilder b = new StringBuilder();
    b.append("<dl>")
        .append(row("Ente creditore", model.path("companyName").asText() + " (" + creditor + ")"))
        .append(row("Codice avviso", notice))
        .append(row("Causale", option.path("description").asText()))
        .append(
            row(
                "Debitore",
                model.path("fullName").asText() + " (" + model.path("fiscalCode").asText() + ")"))
        .append(row("Importo", euro(option.path("amount").asLong())))
        .append("</dl>");
    b.append("<form method=\"post\" action=\"").append(PREFIX).append("/pay\">");
    hidden(b, "creditor", creditor);
    hidden(b, "notice", notice);
    if (!SimHttp.blank(returnUrl)) {
      hidden(b, "returnUrl", returnUrl);
    }
    if (cart != null) {
      hidden(b, "cart", cart);
    }
    b.append(
        "<p><label for=\"payerName\">Nome e cognome del pagatore</label>"
            + " <input id=\"payerName\" name=\"payerName\" required></p>"
            + "<p><label for=\"payerFiscalCode\">Codice fiscale</label>"
            + " <input id=\"payerFiscalCode\" name=\"payerFiscalCode\" required></p>"
            + "<p><label for=\"payerEmail\">E-mail</label>"
            + " <input id=\"payerEmail\" name=\"payerEmail\" type=\"email\"></p>"
            + "<p><button id=\"paga\" type=\"submit\">Paga</button></p></form>");
    if (cart != null) {
      b.append("<form method=\"post\" action=\"").append(PREFIX).append("/cancel\">");
      hidden(b, "cart", cart);
      b.append("<p><button id=\"annulla\" type=\"submit\">Annulla</button></p></form>");
    }
    return html(200, b.toString());
  }

  private SimHttp.Response pay(Map<String, String> form) {
    String notice = form.get("notice");
    ObjectNode payer = SimHttp.JSON.createObjectNode();
    payer.put("fullName", form.get("payerName"));
    payer.put("fiscalCode", form.get("payerFiscalCode"));
    payer.put("email", form.get("payerEmail"));
    ObjectNode receipt;
    try {
      receipt = gpd.pay(form.get("creditor"), notice, null, payer);
    } catch (GpdSimulator.PayFailure e) {
      return html(e.status, "<p id=\"errore\">" + SimHttp.htmlEscape(e.getMessage()) + "</p>");
    }
    Cart cart = form.get("cart") == null ? null : carts.remove(form.get("cart"));
    if (cart != null) {
      return SimHttp.Response.empty(303).header("Location", cart.ok());
    }
    String returnUrl = form.get("returnUrl");
    if (!SimHttp.blank(returnUrl) && returnUrl.matches("https?://.+")) {
      String location =
          returnUrl
              + (returnUrl.contains("?") ? "&" : "?")
              + "outcome=OK&notice="
              + URLEncoder.encode(notice, StandardCharsets.UTF_8);
      return SimHttp.Response.empty(303).header("Location", location);
    }
    return html(
        200,
        "<p id=\"esito\">Pagamento eseguito</p><dl>"
            + row("Codice avviso", notice)
            + row("Importo", euro(receipt.get("amountCents").asLong()))
            + row("Ricevuta", receipt.get("receiptId").asText())
            + row("PSP", GpdSimulator.PSP_NAME)
            + "</dl>");
  }

  private static String row(String label, String value) {
    return "<dt>" + SimHttp.htmlEscape(label) + "</dt><dd>" + SimHttp.htmlEscape(value) + "</dd>";
  }

  private static void hidden(StringBuilder b, String name, String value) {
    b.append("<input type=\"hidden\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(SimHttp.htmlEscape(value))
        .append("\">");
  }

  static String euro(long cents) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ITALY);
    return format.format(cents / 100.0);
  }

  private static SimHttp.Response html(int status, String body) {
    return SimHttp.Response.text(
        status,
        "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"UTF-8\"><title>"
            + TITLE
            + "</title></head><body><h1>"
            + TITLE
            + "</h1>"
            + body
            + "</body></html>",
        "text/html; charset=UTF-8");
  }
}
