package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/** pagoPA Checkout, simulated: a payment page for a notice and its form's POST. */
final class CheckoutSimulator {

  static final String PREFIX = "/checkout";
  private static final String TITLE = "pagoPA — Checkout (simulatore)";

  private final GpdSimulator gpd;

  CheckoutSimulator(GpdSimulator gpd) {
    this.gpd = gpd;
  }

  SimHttp.Response handle(SimHttp.Request request) {
    String path = request.path();
    if ((path.equals(PREFIX) || path.equals(PREFIX + "/")) && request.method().equals("GET")) {
      return page(request.query("creditor"), request.query("notice"), request.query("returnUrl"));
    }
    if (path.equals(PREFIX + "/pay") && request.method().equals("POST")) {
      return pay(request.form());
    }
    return html(404, "<p>Pagina inesistente.</p>");
  }

  private SimHttp.Response page(String creditor, String notice, String returnUrl) {
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
    b.append(
        "<p><label for=\"payerName\">Nome e cognome del pagatore</label>"
            + " <input id=\"payerName\" name=\"payerName\" required></p>"
            + "<p><label for=\"payerFiscalCode\">Codice fiscale</label>"
            + " <input id=\"payerFiscalCode\" name=\"payerFiscalCode\" required></p>"
            + "<p><label for=\"payerEmail\">E-mail</label>"
            + " <input id=\"payerEmail\" name=\"payerEmail\" type=\"email\"></p>"
            + "<p><button id=\"paga\" type=\"submit\">Paga</button></p></form>");
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
