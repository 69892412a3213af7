package it.ksanctions.payments.infrastructure;

import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.payments.application.PaymentGateway;
import it.ksanctions.payments.domain.Transfers.Transfer;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@link PaymentGateway} on pagoPA GPD through its REST API ({@link GpdApi}), with the command's
 * base address and subscription key (never logged). A 409 on creation means the position is already
 * there (a retry after a lost answer): it is read back and accepted when it has the same debtor and
 * IUVs.
 */
@ApplicationScoped
public class GpdGateway implements PaymentGateway {

  private static final String SERVICE = "pagoPA GPD";
  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Inject OutboundCalls calls;
  @Inject it.ksanctions.tenancy.web.CurrentTenant tenant;

  @Override
  public void publish(PagoPaAccess access, DebtPosition position) throws DeliveryFailure {
    JsonObject body = json(position, access, tenant.require().displayName());
    Response r = call(access, api -> api.create(key(access), access.creditorTaxCode(), true, body));
    try (r) {
      int status = r.getStatus();
      if (status == 201 || status == 200) {
        return;
      }
      if (status == 409) {
        try (Response existing =
            call(access, api -> api.get(key(access), access.creditorTaxCode(), position.iupd()))) {
          if (existing.getStatus() == 200
              && sameDebt(existing.readEntity(JsonObject.class), body)) {
            return; // published by an attempt whose answer was lost
          }
        }
      }
      throw OutboundCalls.failureOf(SERVICE, r, text(r));
    }
  }

  /**
   * Whether the position GPD already holds under our IUPD is the one we sent: same debtor and same
   * IUVs. Anything else (another body's position under a shared creditor code) is a conflict.
   */
  static boolean sameDebt(JsonObject existing, JsonObject sent) {
    return sent.getString("fiscalCode").equals(existing.getString("fiscalCode", ""))
        && iuvs(sent).equals(iuvs(existing));
  }

  private static java.util.Set<String> iuvs(JsonObject position) {
    java.util.Set<String> iuvs = new java.util.TreeSet<>();
    jakarta.json.JsonValue options = position.get("paymentOption");
    if (options instanceof jakarta.json.JsonArray array) {
      for (jakarta.json.JsonValue o : array) {
        if (o instanceof JsonObject option) {
          iuvs.add(option.getString("iuv", ""));
        }
      }
    }
    return iuvs;
  }

  @Override
  public void update(PagoPaAccess access, DebtPosition position) throws DeliveryFailure {
    JsonObject body = json(position, access, tenant.require().displayName());
    try (Response r =
        call(
            access,
            api ->
                api.update(key(access), access.creditorTaxCode(), position.iupd(), true, body))) {
      if (r.getStatus() != 200) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
    }
  }

  @Override
  public void invalidate(PagoPaAccess access, String iupd) throws DeliveryFailure {
    try (Response r =
        call(access, api -> api.invalidate(key(access), access.creditorTaxCode(), iupd))) {
      int status = r.getStatus();
      if (status == 200 || status == 404) {
        return; // invalid now, or never there
      }
      if (status == 409) {
        try (Response existing =
            call(access, api -> api.get(key(access), access.creditorTaxCode(), iupd))) {
          if (existing.getStatus() == 200
              && "INVALID".equals(existing.readEntity(JsonObject.class).getString("status", ""))) {
            return;
          }
        }
      }
      throw OutboundCalls.failureOf(SERVICE, r, text(r));
    }
  }

  @Override
  public List<Receipt> receiptsSince(PagoPaAccess access, Instant from) throws DeliveryFailure {
    List<Receipt> receipts = new ArrayList<>();
    String since =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .format(LocalDateTime.ofInstant(from, ROME));
    int page = 0;
    int pages = 1;
    while (page < pages && page < 50) {
      int current = page;
      JsonObject result;
      try (Response r =
          call(
              access,
              api ->
                  api.receipts(key(access), access.creditorTaxCode(), current, 100, since, null))) {
        if (r.getStatus() != 200) {
          throw OutboundCalls.failureOf(SERVICE, r, text(r));
        }
        result = Json.createReader(new StringReader(text(r))).readObject();
      }
      pages = result.getInt("totalPages", 1);
      JsonArray results = result.getJsonArray("results");
      if (results != null) {
        for (JsonValue item : results) {
          String iuv = item.asJsonObject().getString("iuv", null);
          if (iuv != null) {
            receipt(access, iuv).ifPresent(receipts::add);
          }
        }
      }
      page++;
    }
    return receipts;
  }

  private java.util.Optional<Receipt> receipt(PagoPaAccess access, String iuv)
      throws DeliveryFailure {
    try (Response r =
        call(access, api -> api.receipt(key(access), access.creditorTaxCode(), iuv))) {
      if (r.getStatus() == 404) {
        return java.util.Optional.empty();
      }
      if (r.getStatus() != 200) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
      return java.util.Optional.of(parse(text(r)));
    }
  }

  /** A receipt (paSendRT's {@code receipt}, ctReceipt) from its XML. */
  static Receipt parse(String xml) throws DeliveryFailure {
    try {
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      Document doc =
          factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
      String paid = first(doc, "paymentDateTime");
      Instant paidAt;
      try {
        paidAt = OffsetDateTime.parse(paid).toInstant();
      } catch (DateTimeParseException e) {
        paidAt = LocalDateTime.parse(paid).atZone(ROME).toInstant();
      }
      String payer = null;
      String payerCode = null;
      String payerEmail = null;
      NodeList payers = doc.getElementsByTagName("payer");
      NodeList debtors = doc.getElementsByTagName("debtor");
      org.w3c.dom.Element who =
          (org.w3c.dom.Element)
              (payers.getLength() > 0
                  ? payers.item(0)
                  : debtors.getLength() > 0 ? debtors.item(0) : null);
      if (who != null) {
        payer = child(who, "fullName");
        payerCode = child(who, "entityUniqueIdentifierValue");
        payerEmail = child(who, "e-mail");
      }
      return new Receipt(
          first(doc, "receiptId"),
          first(doc, "creditorReferenceId"),
          first(doc, "noticeNumber"),
          first(doc, "fiscalCode"),
          new BigDecimal(first(doc, "paymentAmount")),
          paidAt,
          payer,
          payerCode,
          payerEmail,
          first(doc, "PSPCompanyName") != null
              ? first(doc, "PSPCompanyName")
              : first(doc, "pspCompanyName"));
    } catch (Exception e) {
      throw DeliveryFailure.transientFailure("Ricevuta pagoPA non leggibile.", e);
    }
  }

  private static String first(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  private static String child(org.w3c.dom.Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  /** The position as GPD's {@code PaymentPositionModel}. */
  static JsonObject json(DebtPosition position, PagoPaAccess access, String companyName) {
    JsonArrayBuilder options = Json.createArrayBuilder();
    for (Option o : position.options()) {
      JsonArrayBuilder transfers = Json.createArrayBuilder();
      for (Transfer t : o.transfers()) {
        transfers.add(
            Json.createObjectBuilder()
                .add("idTransfer", Integer.toString(t.id()))
                .add("amount", t.amountCents())
                .add("organizationFiscalCode", access.creditorTaxCode())
                .add("remittanceInformation", t.remittance())
                // the service's code in the creditor's pagoPA taxonomy (its integration setting)
                .add("category", access.taxonomy())
                .add("iban", access.iban() == null ? "" : access.iban()));
      }
      options.add(
          Json.createObjectBuilder()
              .add("iuv", o.iuv())
              .add("amount", o.amountCents())
              .add("description", o.description())
              .add("isPartialPayment", false)
              .add("dueDate", o.dueDate().atTime(23, 59, 59).toString())
              .add("transfer", transfers));
    }
    return Json.createObjectBuilder()
        .add("iupd", position.iupd())
        .add(
            "companyName",
            companyName.length() <= 140 ? companyName : companyName.substring(0, 140))
        .add("type", position.company() ? "G" : "F")
        .add("fiscalCode", position.debtorTaxCode())
        .add("fullName", position.debtorName())
        .add("switchToExpired", false)
        .add("paymentOption", options)
        .build();
  }

  private Response call(PagoPaAccess access, Function<GpdApi, Response> request)
      throws DeliveryFailure {
    GpdApi api = OutboundCalls.client(GpdApi.class, access.baseUrl(), 15);
    try {
      Response response = calls.call(() -> request.apply(api));
      response.bufferEntity();
      return response;
    } catch (RuntimeException e) {
      throw OutboundCalls.failureOf(SERVICE, e);
    } finally {
      api.close();
    }
  }

  private static String key(PagoPaAccess access) {
    return access.subscriptionKey() == null ? "" : access.subscriptionKey().reveal();
  }

  private static String text(Response r) {
    try {
      return r.readEntity(String.class);
    } catch (RuntimeException e) {
      return "";
    }
  }
}
