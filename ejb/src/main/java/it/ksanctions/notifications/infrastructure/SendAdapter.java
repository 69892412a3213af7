package it.ksanctions.notifications.infrastructure;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.application.SendPlatform;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@link SendPlatform} on SEND's B2B API: attachment preload, upload to the pre-signed address with
 * its SHA-256 and secret, notification request v2.6 (taxonomy 010101P, protocol number = the act's
 * number, a stable idempotence token), request status, progress stream and legal facts. A request
 * SEND already has (409 after a lost answer) is looked up by protocol number and token, so a retry
 * never makes a second notification.
 */
@ApplicationScoped
public class SendAdapter implements SendPlatform {

  private static final String SERVICE = "SEND";
  static final String TAXONOMY = "010101P";

  @Inject OutboundCalls calls;
  @Inject PdndVouchers vouchers;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public String send(SendAccess access, Request request) throws DeliveryFailure {
    String bearer = "Bearer " + vouchers.voucher(access);
    String sha256 = sha256(request.pdf());
    JsonArray preload =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("preloadIdx", "verbale")
                    .add("contentType", "application/pdf")
                    .add("sha256", sha256))
            .build();
    JsonObject slot;
    try (Response r = call(access, api -> api.preload(key(access), bearer, preload))) {
      if (r.getStatus() != 200) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
      slot = Json.createReader(new StringReader(text(r))).readArray().getJsonObject(0);
    }
    String versionToken = upload(slot, request.pdf(), sha256);
    JsonObject body = body(request, slot.getString("key"), versionToken, sha256);
    try (Response r = call(access, api -> api.request(key(access), bearer, body))) {
      if (r.getStatus() == 202 || r.getStatus() == 200) {
        return Json.createReader(new StringReader(text(r)))
            .readObject()
            .getString("notificationRequestId");
      }
      if (r.getStatus() == 409) {
        // Already sent by an attempt whose answer was lost: find that request.
        try (Response s =
            call(
                access,
                api ->
                    api.status(
                        key(access),
                        bearer,
                        null,
                        request.paProtocolNumber(),
                        request.idempotenceToken()))) {
          if (s.getStatus() == 200) {
            return Json.createReader(new StringReader(text(s)))
                .readObject()
                .getString("notificationRequestId");
          }
        }
      }
      throw OutboundCalls.failureOf(SERVICE, r, text(r));
    }
  }

  @Override
  public RequestStatus status(SendAccess access, String notificationRequestId)
      throws DeliveryFailure {
    String bearer = "Bearer " + vouchers.voucher(access);
    try (Response r =
        call(access, api -> api.status(key(access), bearer, notificationRequestId, null, null))) {
      if (r.getStatus() != 200) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
      JsonObject o = Json.createReader(new StringReader(text(r))).readObject();
      List<String> errors = new ArrayList<>();
      JsonArray list = o.getJsonArray("errors");
      if (list != null) {
        for (JsonValue e : list) {
          JsonObject err = e.asJsonObject();
          errors.add(
              err.getString("code", "")
                  + (err.containsKey("detail") ? ": " + err.getString("detail", "") : ""));
        }
      }
      return new RequestStatus(
          o.getString("notificationRequestStatus", "WAITING"), o.getString("iun", null), errors);
    }
  }

  @Override
  public String createStream(SendAccess access) throws DeliveryFailure {
    String bearer = "Bearer " + vouchers.voucher(access);
    JsonObject stream =
        Json.createObjectBuilder()
            .add("title", "K-Sanctions")
            .add("eventType", "TIMELINE")
            .add("filterValues", Json.createArrayBuilder())
            .build();
    try (Response r = call(access, api -> api.createStream(key(access), bearer, stream))) {
      if (r.getStatus() != 200 && r.getStatus() != 201) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
      return Json.createReader(new StringReader(text(r))).readObject().getString("streamId");
    }
  }

  @Override
  public Events events(SendAccess access, String streamId, String lastEventId)
      throws DeliveryFailure {
    String bearer = "Bearer " + vouchers.voucher(access);
    try (Response r = call(access, api -> api.events(key(access), bearer, streamId, lastEventId))) {
      if (r.getStatus() == 429) {
        return new Events(List.of(), millis(r, Duration.ofSeconds(30)));
      }
      if (r.getStatus() != 200) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
      List<Event> events = new ArrayList<>();
      for (JsonValue v : Json.createReader(new StringReader(text(r))).readArray()) {
        JsonObject e = v.asJsonObject();
        JsonObject element = e.getJsonObject("element");
        List<LegalFactRef> facts = new ArrayList<>();
        String category = null;
        Instant at = null;
        if (element != null) {
          category = element.getString("category", null);
          String ts = element.getString("timestamp", null);
          at = ts == null ? null : java.time.OffsetDateTime.parse(ts).toInstant();
          JsonArray ids = element.getJsonArray("legalFactsIds");
          if (ids != null) {
            for (JsonValue id : ids) {
              JsonObject f = id.asJsonObject();
              facts.add(new LegalFactRef(f.getString("key"), f.getString("category", "")));
            }
          }
        }
        events.add(
            new Event(
                e.getString("eventId"),
                e.getString("notificationRequestId", null),
                e.getString("iun", null),
                e.getString("newStatus", null),
                category,
                at,
                facts));
      }
      return new Events(events, millis(r, null));
    }
  }

  @Override
  public LegalFact legalFact(SendAccess access, String iun, String legalFactKey)
      throws DeliveryFailure {
    String bearer = "Bearer " + vouchers.voucher(access);
    String id =
        legalFactKey.startsWith("safestorage://") ? legalFactKey.substring(14) : legalFactKey;
    JsonObject meta;
    try (Response r = call(access, api -> api.legalFact(key(access), bearer, iun, id))) {
      if (r.getStatus() != 200) {
        throw OutboundCalls.failureOf(SERVICE, r, text(r));
      }
      meta = Json.createReader(new StringReader(text(r))).readObject();
    }
    String url = meta.getString("url", null);
    if (url == null) {
      throw new DeliveryFailure(
          "Attestazione SEND non ancora pronta: nuovo tentativo più tardi.",
          false,
          Duration.ofSeconds(meta.getInt("retryAfter", 60)),
          null);
    }
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw DeliveryFailure.transientFailure(
            "Download dell'attestazione SEND non riuscito (HTTP " + response.statusCode() + ").",
            null);
      }
      return new LegalFact(meta.getString("filename", id + ".pdf"), response.body());
    } catch (IOException e) {
      throw DeliveryFailure.transientFailure("Download dell'attestazione SEND non riuscito.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("Download interrotto.", e);
    }
  }

  /** Uploads the act to the pre-signed address; the version token SEND's storage gives back. */
  private String upload(JsonObject slot, byte[] pdf, String sha256) throws DeliveryFailure {
    try {
      HttpRequest.Builder put =
          HttpRequest.newBuilder(URI.create(slot.getString("url")))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/pdf")
              .header("x-amz-checksum-sha256", sha256)
              .header("x-amz-meta-secret", slot.getString("secret", ""));
      HttpRequest request =
          "POST".equals(slot.getString("httpMethod", "PUT"))
              ? put.POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build()
              : put.PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw DeliveryFailure.transientFailure(
            "Caricamento del verbale su SEND non riuscito (HTTP " + response.statusCode() + ").",
            null);
      }
      return response.headers().firstValue("x-amz-version-id").orElse("");
    } catch (IOException e) {
      throw DeliveryFailure.transientFailure("Caricamento del verbale su SEND non riuscito.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("Caricamento interrotto.", e);
    }
  }

  /** The NewNotificationRequestV26 of {@code r}. */
  static JsonObject body(Request r, String documentKey, String versionToken, String sha256) {
    JsonArrayBuilder payments = Json.createArrayBuilder();
    for (String notice : r.noticeCodes()) {
      payments.add(
          Json.createObjectBuilder()
              .add(
                  "pagoPa",
                  Json.createObjectBuilder()
                      .add("noticeCode", notice)
                      .add("creditorTaxId", r.creditorTaxId())
                      .add("applyCost", true)));
    }
    JsonObjectBuilder recipient =
        Json.createObjectBuilder()
            .add("recipientType", r.company() ? "PG" : "PF")
            .add("taxId", r.taxId())
            .add("denomination", clip(r.denomination(), 80))
            .add(
                "physicalAddress",
                Json.createObjectBuilder()
                    .add("address", clip(r.address().address(), 1024))
                    .add("zip", r.address().zip())
                    .add("municipality", r.address().municipality())
                    .add("province", r.address().province())
                    .add("foreignState", "ITALIA"))
            .add("payments", payments);
    if (r.pec() != null && !r.pec().isBlank()) {
      recipient.add(
          "digitalDomicile", Json.createObjectBuilder().add("type", "PEC").add("address", r.pec()));
    }
    return Json.createObjectBuilder()
        .add("paProtocolNumber", r.paProtocolNumber())
        .add("idempotenceToken", r.idempotenceToken())
        .add("subject", clip(r.subject(), 134))
        .add("recipients", Json.createArrayBuilder().add(recipient))
        .add(
            "documents",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("digests", Json.createObjectBuilder().add("sha256", sha256))
                        .add("contentType", "application/pdf")
                        .add(
                            "ref",
                            Json.createObjectBuilder()
                                .add("key", documentKey)
                                .add("versionToken", versionToken))
                        .add("title", clip(r.documentTitle(), 512))))
        .add("physicalCommunicationType", "AR_REGISTERED_LETTER")
        .add("notificationFeePolicy", "DELIVERY_MODE")
        .add("paFee", r.paFeeCents())
        .add("vat", 22)
        .add("senderDenomination", clip(r.senderDenomination(), 80))
        .add("senderTaxId", r.senderTaxId())
        .add("taxonomyCode", TAXONOMY)
        .add("pagoPaIntMode", "SYNC")
        .build();
  }

  private Response call(SendAccess access, Function<SendApi, Response> request)
      throws DeliveryFailure {
    SendApi api = OutboundCalls.client(SendApi.class, access.baseUrl(), 20);
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

  /** SEND's {@code retry-after} on streams is in milliseconds. */
  private static Duration millis(Response r, Duration fallback) {
    String value = r.getHeaderString("retry-after");
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.ofMillis(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static String sha256(byte[] content) {
    try {
      return Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(SendAccess access) {
    return access.apiKey() == null ? "" : access.apiKey().reveal();
  }

  private static String text(Response r) {
    try {
      return r.readEntity(String.class);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
