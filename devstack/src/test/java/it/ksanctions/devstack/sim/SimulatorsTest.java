package it.ksanctions.devstack.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "client-latina";
  private static final String API_KEY = "send-api-key-ABCD1234";
  private static final String SENDER = "00080540594";

  private final HttpClient http = HttpClient.newHttpClient();
  private Simulators sims;
  private KeyPair keys;

  @BeforeEach
  void start() throws Exception {
    sims = Simulators.start(0, System.out::println);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertEquals(
        204, send("PUT", "/__control/pdnd/clients/" + CLIENT + "/keys/kid-1", pem).statusCode());
  }

  @AfterEach
  void stop() {
    sims.close();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : sims.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private String assertion(java.security.PrivateKey key, String jti) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(CLIENT);
    claims.setSubject(CLIENT);
    claims.setAudience(Simulators.PDND_AUDIENCE);
    claims.setJwtId(jti);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setKeyIdHeaderValue("kid-1");
    jws.setHeader("typ", "JWT");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private HttpResponse<String> token(String assertion) throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + CLIENT
            + "&client_assertion_type="
            + URLEncoder.encode(
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
            + "&client_assertion="
            + assertion;
    return send(
        "POST", "/pdnd/token.oauth2", form, "Content-Type", "application/x-www-form-urlencoded");
  }

  private String voucher() throws Exception {
    HttpResponse<String> r = token(assertion(keys.getPrivate(), UUID.randomUUID().toString()));
    assertEquals(200, r.statusCode(), r.body());
    return json(r).get("access_token").asText();
  }

  private String[] sendHeaders(String voucher) {
    return new String[] {
      "x-api-key", API_KEY, "Authorization", "Bearer " + voucher, "Content-Type", "application/json"
    };
  }

  // ---- PDND ---------------------------------------------------------------------------------

  @Test
  void pdndIssuesVouchersOnlyForGoodFreshAssertions() throws Exception {
    String jti = UUID.randomUUID().toString();
    HttpResponse<String> ok = token(assertion(keys.getPrivate(), jti));
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("Bearer", json(ok).get("token_type").asText());
    assertEquals(600, json(ok).get("expires_in").asInt());

    HttpResponse<String> replay = token(assertion(keys.getPrivate(), jti));
    assertEquals(400, replay.statusCode());

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    HttpResponse<String> forged =
        token(assertion(generator.generateKeyPair().getPrivate(), UUID.randomUUID().toString()));
    assertEquals(401, forged.statusCode());
    assertEquals("invalid_client", json(forged).get("error").asText());
  }

  // ---- SEND ---------------------------------------------------------------------------------

  private ObjectNodeBuilder notification(String protocol, String key, String version, String sha) {
    return new ObjectNodeBuilder(protocol, key, version, sha);
  }

  /** A valid NewNotificationRequestV26 as JSON text. */
  private record ObjectNodeBuilder(String protocol, String key, String version, String sha) {
    String json(String taxId) {
      return """
          {"paProtocolNumber":"%s","idempotenceToken":"1","subject":"Verbale n. 1/2026",
           "recipients":[{"recipientType":"PF","taxId":"%s","denomination":"Mario Rossi",
             "physicalAddress":{"address":"Via Roma 1","zip":"04100","municipality":"Latina",
               "province":"LT"},
             "payments":[{"pagoPa":{"noticeCode":"301000000000000123","creditorTaxId":"00080540594",
               "applyCost":true}}]}],
           "documents":[{"digests":{"sha256":"%s"},"contentType":"application/pdf",
             "ref":{"key":"%s","versionToken":"%s"}}],
           "physicalCommunicationType":"AR_REGISTERED_LETTER","notificationFeePolicy":"FLAT_RATE",
           "senderDenomination":"Comune di Latina","senderTaxId":"00080540594",
           "taxonomyCode":"010101P"}
          """
          .formatted(protocol, taxId, sha, key, version);
    }
  }

  @Test
  void sendUploadRequestAcceptanceEventsAndLegalFacts() throws Exception {
    String voucher = voucher();
    String[] h = sendHeaders(voucher);
    assertEquals(
        403,
        send("POST", "/send/delivery/attachments/preload", "[]", "x-api-key", API_KEY)
            .statusCode());

    byte[] pdf = MiniPdf.of(List.of("Verbale"));
    String sha =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pdf));
    HttpResponse<String> preload =
        send(
            "POST",
            "/send/delivery/attachments/preload",
            "[{\"preloadIdx\":\"0\",\"contentType\":\"application/pdf\",\"sha256\":\""
                + sha
                + "\"}]",
            h);
    assertEquals(200, preload.statusCode(), preload.body());
    JsonNode slot = json(preload).get(0);
    assertEquals("PUT", slot.get("httpMethod").asText());
    String key = slot.get("key").asText();
    assertTrue(key.startsWith("PN_NOTIFICATION_ATTACHMENTS-"));

    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
                .header("x-amz-meta-secret", slot.get("secret").asText())
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, wrong.statusCode());
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
                .header("x-amz-meta-secret", slot.get("secret").asText())
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, put.statusCode());
    String version = put.headers().firstValue("x-amz-version-id").orElseThrow();

    HttpResponse<String> stream =
        send(
            "POST",
            "/send/delivery-progresses/v2.9/streams",
            "{\"title\":\"verbali\",\"eventType\":\"TIMELINE\"}",
            h);
    assertEquals(200, stream.statusCode(), stream.body());
    String streamId = json(stream).get("streamId").asText();

    String body = notification("V-1/2026", key, version, sha).json("RSSMRA80A01E472X");
    HttpResponse<String> created = send("POST", "/send/delivery/v2.6/requests", body, h);
    assertEquals(202, created.statusCode(), created.body());
    String requestId = json(created).get("notificationRequestId").asText();
    assertEquals(409, send("POST", "/send/delivery/v2.6/requests", body, h).statusCode());

    String statusPath = "/send/delivery/v2.6/requests?notificationRequestId=" + requestId;
    assertEquals(
        "WAITING",
        json(send("GET", statusPath, null, h)).get("notificationRequestStatus").asText());
    JsonNode accepted = json(send("GET", statusPath, null, h));
    assertEquals("ACCEPTED", accepted.get("notificationRequestStatus").asText());
    String iun = accepted.get("iun").asText();
    assertTrue(iun.matches("[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[0-9]{6}-[A-Z]-[0-9]"), iun);

    HttpResponse<String> events =
        send("GET", "/send/delivery-progresses/v2.9/streams/" + streamId + "/events", null, h);
    assertEquals(200, events.statusCode());
    assertTrue(events.headers().firstValue("retry-after").isPresent());
    List<String> categories = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (JsonNode e : json(events)) {
      categories.add(e.get("element").get("category").asText());
      statuses.add(e.get("newStatus").asText());
    }
    assertEquals(
        List.of(
            "REQUEST_ACCEPTED",
            "SEND_ANALOG_DOMICILE",
            "SEND_ANALOG_FEEDBACK",
            "NOTIFICATION_VIEWED"),
        categories);
    assertEquals(List.of("ACCEPTED", "DELIVERING", "DELIVERED", "VIEWED"), statuses);
    String lastId = json(events).get(3).get("eventId").asText();
    assertEquals(
        0,
        json(send(
                "GET",
                "/send/delivery-progresses/v2.9/streams/"
                    + streamId
                    + "/events?lastEventId="
                    + lastId,
                null,
                h))
            .size());

    String factKey =
        json(events).get(0).get("element").get("legalFactsIds").get(0).get("key").asText();
    HttpResponse<String> fact =
        send(
            "GET",
            "/send/delivery-push/"
                + iun
                + "/download/legal-facts/"
                + URLEncoder.encode(factKey, StandardCharsets.UTF_8),
            null,
            h);
    assertEquals(200, fact.statusCode(), fact.body());
    HttpResponse<byte[]> file =
        http.send(
            HttpRequest.newBuilder(URI.create(json(fact).get("url").asText())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String text = new String(file.body(), StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-"));
    assertTrue(text.contains(iun) && text.contains("SENDER_ACK"));

    JsonNode sent = json(send("GET", "/send/delivery/v2.9/notifications/sent/" + iun, null, h));
    assertEquals("VIEWED", sent.get("notificationStatus").asText());

    // Another sender does not see the stream.
    String[] other = {"x-api-key", "other-key", "Authorization", "Bearer " + voucher};
    assertEquals(
        403,
        send("GET", "/send/delivery-progresses/v2.9/streams/" + streamId + "/events", null, other)
            .statusCode());
  }

  @Test
  void sendRefusesWrongShapesAndBadTaxIds() throws Exception {
    String[] h = sendHeaders(voucher());
    String body =
        notification("V-2/2026", "PN_NOTIFICATION_ATTACHMENTS-x.pdf", "v", "A".repeat(43) + "=")
            .json("RSSMRA80A01E472X")
            .replace("\"subject\":\"Verbale n. 1/2026\",", "");
    HttpResponse<String> refused = send("POST", "/send/delivery/v2.6/requests", body, h);
    assertEquals(400, refused.statusCode());
    List<String> elements = new ArrayList<>();
    json(refused).get("errors").forEach(e -> elements.add(e.get("element").asText()));
    assertTrue(elements.contains("subject"), elements.toString());
    assertTrue(elements.contains("documents[0].ref.key"), elements.toString());
  }

  private String[] uploaded(String[] h) throws Exception {
    byte[] pdf = MiniPdf.of(List.of("Verbale " + UUID.randomUUID()));
    String sha =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pdf));
    JsonNode slot =
        json(send(
                "POST",
                "/send/delivery/attachments/preload",
                "[{\"contentType\":\"application/pdf\",\"sha256\":\"" + sha + "\"}]",
                h))
            .get(0);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
                .header("x-amz-meta-secret", slot.get("secret").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new String[] {
      slot.get("key").asText(), put.headers().firstValue("x-amz-version-id").orElseThrow(), sha
    };
  }

  @Test
  void sendRefusalsDigitalDeliveryAndRefinement() throws Exception {
    String voucher = voucher();
    String[] h = sendHeaders(voucher);
    String[] doc = uploaded(h);
    String refused =
        json(send(
                "POST",
                "/send/delivery/v2.6/requests",
                notification("RIFIUTA-1", doc[0], doc[1], doc[2]).json("RSSMRA80A01E472X"),
                h))
            .get("notificationRequestId")
            .asText();
    String path = "/send/delivery/v2.6/requests?notificationRequestId=" + refused;
    send("GET", path, null, h);
    JsonNode status = json(send("GET", path, null, h));
    assertEquals("REFUSED", status.get("notificationRequestStatus").asText());
    assertEquals("SIMULATED_REFUSAL", status.get("errors").get(0).get("code").asText());

    String badTaxId =
        json(send(
                "POST",
                "/send/delivery/v2.6/requests",
                notification("V-3", doc[0], doc[1], doc[2]).json("rssmra80a01e472"),
                h))
            .get("notificationRequestId")
            .asText();
    send("GET", "/send/delivery/v2.6/requests?notificationRequestId=" + badTaxId, null, h);
    assertEquals(
        "TAXID_NOT_VALID",
        json(send("GET", "/send/delivery/v2.6/requests?notificationRequestId=" + badTaxId, null, h))
            .get("errors")
            .get(0)
            .get("code")
            .asText());

    // INAD: the domicile is read with a voucher, and SEND delivers there digitally.
    assertEquals(
        204,
        send("PUT", "/__control/inad/RSSMRA80A01E472X", "{\"pec\":\"mario@pec.example.it\"}")
            .statusCode());
    assertEquals(
        401,
        send("GET", "/inad/extract/RSSMRA80A01E472X?practicalReference=v1", null).statusCode());
    HttpResponse<String> inad =
        send(
            "GET",
            "/inad/extract/RSSMRA80A01E472X?practicalReference=v1",
            null,
            "Authorization",
            "Bearer " + voucher);
    assertEquals(
        "mario@pec.example.it",
        json(inad).get("digitalAddress").get(0).get("digitalAddress").asText());
    assertEquals(
        404,
        send(
                "GET",
                "/inad/extract/BNCNNA80A41E472Y?practicalReference=v1",
                null,
                "Authorization",
                "Bearer " + voucher)
            .statusCode());

    send("POST", "/__control/send/behaviour", "{\"view\":false}");
    String stream =
        json(send(
                "POST",
                "/send/delivery-progresses/v2.9/streams",
                "{\"title\":\"stati\",\"eventType\":\"STATUS\"}",
                h))
            .get("streamId")
            .asText();
    String last =
        json(send("GET", "/send/delivery-progresses/v2.9/streams/" + stream + "/events", null, h))
            .get(1)
            .get("eventId")
            .asText();
    String accepted =
        json(send(
                "POST",
                "/send/delivery/v2.6/requests",
                notification("V-4", doc[0], doc[1], doc[2]).json("RSSMRA80A01E472X"),
                h))
            .get("notificationRequestId")
            .asText();
    send("GET", "/send/delivery/v2.6/requests?notificationRequestId=" + accepted, null, h);
    send("GET", "/send/delivery/v2.6/requests?notificationRequestId=" + accepted, null, h);
    List<String> categories = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    json(send(
            "GET",
            "/send/delivery-progresses/v2.9/streams/" + stream + "/events?lastEventId=" + last,
            null,
            h))
        .forEach(
            e -> {
              categories.add(e.get("element").get("category").asText());
              statuses.add(e.get("newStatus").asText());
            });
    assertEquals(
        List.of(
            "REQUEST_ACCEPTED", "SEND_DIGITAL_DOMICILE", "DIGITAL_SUCCESS_WORKFLOW", "REFINEMENT"),
        categories);
    assertEquals(List.of("ACCEPTED", "DELIVERING", "DELIVERED", "EFFECTIVE_DATE"), statuses);
  }

  // ---- GPD ----------------------------------------------------------------------------------

  private static String position(String iupd, String iuv, long cents) {
    return """
        {"iupd":"%s","type":"F","fiscalCode":"RSSMRA80A01E472X","fullName":"Mario Rossi",
         "companyName":"Comune di Latina","switchToExpired":false,
         "paymentOption":[{"iuv":"%s","amount":%d,"description":"Verbale","dueDate":"2026-12-31T23:59:59",
           "isPartialPayment":false,"transfer":[{"idTransfer":"1","amount":%d,
           "remittanceInformation":"Verbale 1","category":"9/0101100IM/","iban":"IT60X0542811101000000123456"}]}]}
        """
        .formatted(iupd, iuv, cents, cents);
  }

  private static final String ORG = "/gpd/debt-positions-service/v1/organizations/" + SENDER;
  private static final String[] GPD = {
    "Ocp-Apim-Subscription-Key", "gpd-key-9999", "Content-Type", "application/json"
  };

  @Test
  void gpdPositionsPaymentsAndReceipts() throws Exception {
    String iuv = "01000000000000123";
    String notice = "3" + iuv;
    assertEquals(
        401,
        send("POST", ORG + "/debtpositions?toPublish=true", position("P1", iuv, 4200))
            .statusCode());
    HttpResponse<String> created =
        send("POST", ORG + "/debtpositions?toPublish=true", position("P1", iuv, 4200), GPD);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("VALID", json(created).get("status").asText());
    assertEquals(
        409,
        send(
                "POST",
                ORG + "/debtpositions?toPublish=true",
                position("P1", "01000000000000999", 4200),
                GPD)
            .statusCode());
    assertEquals(
        409,
        send("POST", ORG + "/debtpositions?toPublish=true", position("P2", iuv, 4200), GPD)
            .statusCode());
    assertEquals(
        400,
        send(
                "POST",
                ORG + "/debtpositions",
                position("P3", "01000000000000333", 4200)
                    .replaceFirst("\"amount\":4200,", "\"amount\":4300,"),
                GPD)
            .statusCode());

    HttpResponse<String> page =
        send("GET", "/checkout/?notice=" + notice + "&creditor=" + SENDER, null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"paga\"") && page.body().contains("Mario Rossi"));

    HttpResponse<String> paid =
        send(
            "POST",
            "/__control/gpd/pay",
            "{\"creditor\":\""
                + SENDER
                + "\",\"notice\":\""
                + notice
                + "\",\"payer\":{\"fullName\":\"Anna Bianchi\",\"fiscalCode\":\"BNCNNA80A41E472Y\",\"email\":\"a@example.it\"}}");
    assertEquals(200, paid.statusCode(), paid.body());
    assertEquals(4200, json(paid).get("amountCents").asLong());
    assertEquals(
        "PAID", json(send("GET", ORG + "/debtpositions/P1", null, GPD)).get("status").asText());
    assertEquals(409, send("POST", ORG + "/debtpositions/P1/invalidate", null, GPD).statusCode());
    assertEquals(
        409,
        send(
                "POST",
                "/__control/gpd/pay",
                "{\"creditor\":\"" + SENDER + "\",\"notice\":\"" + notice + "\"}")
            .statusCode());

    JsonNode list =
        json(
            send(
                "GET",
                "/gpd/payments-receipts-service/v1/payments/"
                    + SENDER
                    + "/receipts?pageNum=0&pageSize=50",
                null,
                GPD));
    assertEquals(1, list.get("results").size());
    assertEquals(iuv, list.get("results").get(0).get("iuv").asText());
    HttpResponse<String> xml =
        send(
            "GET",
            "/gpd/payments-receipts-service/v1/payments/" + SENDER + "/receipts/" + iuv,
            null,
            GPD);
    assertEquals(200, xml.statusCode());
    assertTrue(xml.body().contains("<creditorReferenceId>" + iuv));

    String iuv2 = "01000000000000456";
    assertEquals(
        201,
        send("POST", ORG + "/debtpositions?toPublish=true", position("P2", iuv2, 1000), GPD)
            .statusCode());
    assertEquals(
        "INVALID",
        json(send("POST", ORG + "/debtpositions/P2/invalidate", null, GPD)).get("status").asText());
    HttpResponse<String> invalidPage =
        send("GET", "/checkout/?notice=3" + iuv2 + "&creditor=" + SENDER, null);
    assertEquals(409, invalidPage.statusCode());
    assertFalse(invalidPage.body().contains("id=\"paga\""));
  }

  @Test
  void receiptPushIsRetriedUntilAccepted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> keysSeen = new CopyOnWriteArrayList<>();
    HttpServer creditor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    creditor.createContext(
        "/receipts",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          keysSeen.add(exchange.getRequestHeaders().getFirst("X-Receipt-Key"));
          exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 500 : 200, -1);
          exchange.close();
        });
    creditor.start();
    try {
      send("PUT", "/__control/gpd/push-settings", "{\"pauseMillis\":50}");
      String url = "http://127.0.0.1:" + creditor.getAddress().getPort() + "/receipts";
      assertEquals(
          204,
          send(
                  "PUT",
                  "/__control/gpd/organizations/" + SENDER + "/receipt-endpoint",
                  "{\"url\":\"" + url + "\",\"key\":\"receipt-secret\"}")
              .statusCode());
      String iuv = "01000000000000777";
      send("POST", ORG + "/debtpositions?toPublish=true", position("P7", iuv, 1500), GPD);
      JsonNode receipt =
          json(
              send(
                  "POST",
                  "/__control/gpd/pay",
                  "{\"creditor\":\"" + SENDER + "\",\"notice\":\"3" + iuv + "\"}"));
      long deadline = System.currentTimeMillis() + 10_000;
      while (calls.get() < 3 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      assertEquals(3, calls.get());
      assertEquals(List.of("receipt-secret", "receipt-secret", "receipt-secret"), keysSeen);
      String id = receipt.get("receiptId").asText();
      assertEquals(
          "[500,500,200]", send("GET", "/__control/gpd/receipts/" + id + "/attempts", null).body());
      HttpResponse<String> replay =
          send("POST", "/__control/gpd/receipts/" + id + "/push?times=4&concurrency=2", null);
      assertEquals("[200,200,200,200]", replay.body());
    } finally {
      creditor.stop(0);
    }
  }

  // ---- faults and journal -------------------------------------------------------------------

  @Test
  void faultsAnswerTheInjectedStatusThenClear() throws Exception {
    send(
        "POST",
        "/__control/faults",
        "{\"service\":\"gpd\",\"pathPrefix\":\"/gpd/debt-positions-service\",\"status\":429,\"times\":1,\"retryAfterSeconds\":7}");
    HttpResponse<String> limited = send("GET", ORG + "/debtpositions/NONE", null, GPD);
    assertEquals(429, limited.statusCode());
    assertEquals("7", limited.headers().firstValue("retry-after").orElseThrow());
    assertEquals(404, send("GET", ORG + "/debtpositions/NONE", null, GPD).statusCode());
    JsonNode journal = json(send("GET", "/__journal?service=gpd", null));
    assertEquals(2, journal.size());
    assertEquals(429, journal.get(0).get("status").asInt());
  }

  @Test
  void aHoldingFaultCarriesTheRequestOutJournalsItAndHoldsTheRealAnswer() throws Exception {
    // matches only a body with this text: the first GET (no body) passes at once
    send(
        "POST",
        "/__control/faults",
        "{\"service\":\"gpd\",\"bodyContains\":\"KS-HELD\",\"holds\":true,\"delayMillis\":1500}");
    assertEquals(404, send("GET", ORG + "/debtpositions/NONE", null, GPD).statusCode());
    HttpClient other = HttpClient.newHttpClient();
    var held =
        other.sendAsync(
            HttpRequest.newBuilder(URI.create(sims.baseUrl() + ORG + "/debtpositions"))
                .header(GPD[0], GPD[1])
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"iupd\":\"KS-HELD\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // journaled while its answer is held
    long deadline = System.nanoTime() + 1_000_000_000L;
    JsonNode journal = json(send("GET", "/__journal?service=gpd", null));
    while (journal.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      journal = json(send("GET", "/__journal?service=gpd", null));
    }
    assertEquals(2, journal.size());
    assertFalse(held.isDone());
    int journaled = journal.get(1).get("status").asInt();
    // the real answer (the position is refused as incomplete), not an injected one
    assertEquals(journaled, held.get().statusCode());
    assertEquals(400, journaled);
  }

  @Test
  void journalMasksSecrets() throws Exception {
    String voucher = voucher();
    send("POST", "/send/delivery/attachments/preload", "[]", sendHeaders(voucher));
    JsonNode journal = json(send("GET", "/__journal?service=send&since=0", null));
    assertEquals(1, journal.size());
    JsonNode headers = journal.get(0).get("headers");
    assertEquals("••••1234", headers.get("x-api-key").asText());
    assertEquals(
        "••••" + voucher.substring(voucher.length() - 4), headers.get("authorization").asText());
    assertFalse(journal.toString().contains(API_KEY));
    assertFalse(journal.toString().contains(voucher));
    long seq = journal.get(0).get("seq").asLong();
    assertEquals(0, json(send("GET", "/__journal?since=" + seq, null)).size());
    assertEquals(204, send("DELETE", "/__journal", null).statusCode());
    assertNotNull(json(send("GET", "/__journal", null)));
  }
}
