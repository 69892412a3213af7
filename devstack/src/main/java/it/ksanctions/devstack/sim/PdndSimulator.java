package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * PDND interoperability voucher: {@code POST /pdnd/token.oauth2} (client credentials with a signed
 * client assertion). Issued vouchers are remembered for SEND and INAD.
 */
final class PdndSimulator {

  /** The {@code aud} a client assertion must carry (the real PDND has its own audience). */
  static final String AUDIENCE = Simulators.PDND_AUDIENCE;

  static final int VOUCHER_SECONDS = 600;
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private record Voucher(String clientId, Instant expires) {}

  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private final Map<String, Instant> usedJti = new ConcurrentHashMap<>();
  private final Map<String, Voucher> vouchers = new ConcurrentHashMap<>();

  void registerKey(String clientId, String kid, PublicKey key) {
    keys.put(clientId + "\n" + kid, key);
  }

  /** The client id of a live voucher in an {@code Authorization: Bearer} header, else null. */
  String clientOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    Voucher v = vouchers.get(authorization.substring(7).trim());
    return v != null && v.expires().isAfter(Instant.now()) ? v.clientId() : null;
  }

  SimHttp.Response handle(SimHttp.Request request) {
    if (!request.path().equals("/pdnd/token.oauth2")) {
      throw SimHttp.fail(404, "Not found", "No such PDND resource");
    }
    if (!request.method().equals("POST")) {
      throw SimHttp.fail(405, "Method not allowed", "POST only");
    }
    Map<String, String> form = request.form();
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
      return oauthError(400, "invalid_request", "client_assertion_type must be " + ASSERTION_TYPE);
    }
    String clientId = form.get("client_id");
    String assertion = form.get("client_assertion");
    if (SimHttp.blank(clientId) || SimHttp.blank(assertion)) {
      return oauthError(400, "invalid_request", "client_id and client_assertion are required");
    }
    JsonWebSignature jws = new JsonWebSignature();
    try {
      jws.setCompactSerialization(assertion);
    } catch (JoseException e) {
      return oauthError(400, "invalid_request", "client_assertion is not a compact JWS");
    }
    if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(jws.getAlgorithmHeaderValue())) {
      return oauthError(401, "invalid_client", "alg must be RS256");
    }
    if (!"JWT".equals(jws.getHeader("typ"))) {
      return oauthError(400, "invalid_request", "typ must be JWT");
    }
    String kid = jws.getKeyIdHeaderValue();
    PublicKey key = kid == null ? null : keys.get(clientId + "\n" + kid);
    if (key == null) {
      return oauthError(401, "invalid_client", "Unknown client or kid");
    }
    jws.setAlgorithmConstraints(
        new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256));
    jws.setKey(key);
    JwtClaims claims;
    try {
      if (!jws.verifySignature()) {
        return oauthError(401, "invalid_client", "Bad signature");
      }
      claims = JwtClaims.parse(jws.getPayload());
    } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException e) {
      return oauthError(401, "invalid_client", "Bad signature or payload");
    }
    try {
      String problem = checkClaims(claims, clientId);
      if (problem != null) {
        return oauthError(400, "invalid_request", problem);
      }
      Instant now = Instant.now();
      usedJti.values().removeIf(expiry -> expiry.isBefore(now.minusSeconds(120)));
      Instant jtiExpiry = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
      if (usedJti.putIfAbsent(clientId + "\n" + claims.getJwtId(), jtiExpiry) != null) {
        return oauthError(400, "invalid_request", "jti already used");
      }
    } catch (MalformedClaimException e) {
      return oauthError(400, "invalid_request", "Malformed claim: " + e.getMessage());
    }
    String token = SimHttp.randomAlnum(48);
    vouchers.put(token, new Voucher(clientId, Instant.now().plusSeconds(VOUCHER_SECONDS)));
    ObjectNode body = SimHttp.JSON.createObjectNode();
    body.put("access_token", token);
    body.put("token_type", "Bearer");
    body.put("expires_in", VOUCHER_SECONDS);
    return SimHttp.Response.json(200, body);
  }

  private static String checkClaims(JwtClaims claims, String clientId)
      throws MalformedClaimException {
    if (!clientId.equals(claims.getIssuer())) {
      return "iss must be the client_id";
    }
    if (!clientId.equals(claims.getSubject())) {
      return "sub must be the client_id";
    }
    List<String> audience = claims.hasAudience() ? claims.getAudience() : List.of();
    if (!audience.contains(AUDIENCE)) {
      return "aud must be " + AUDIENCE;
    }
    if (SimHttp.blank(claims.getJwtId())) {
      return "jti is required";
    }
    NumericDate iat = claims.getIssuedAt();
    NumericDate exp = claims.getExpirationTime();
    if (iat == null || exp == null) {
      return "iat and exp are required";
    }
    long now = Instant.now().getEpochSecond();
    if (iat.getValue() > now + 60) {
      return "iat is in the future";
    }
    if (exp.getValue() <= now) {
      return "exp is in the past";
    }
    if (exp.getValue() - iat.getValue() > 24 * 3600) {
      return "exp - iat exceeds 24 hours";
    }
    return null;
  }

  private static SimHttp.Response oauthError(int status, String error, String description) {
    ObjectNode body = SimHttp.JSON.createObjectNode();
    body.put("error", error);
    body.put("error_description", description);
    return SimHttp.Response.json(status, body);
  }

  /** {@code PUT /__control/pdnd/clients/{clientId}/keys/{kid}} with a PEM public key. */
  SimHttp.Response control(SimHttp.Request request, List<String> parts) {
    if (parts.size() == 4
        && parts.get(0).equals("clients")
        && parts.get(2).equals("keys")
        && request.method().equals("PUT")) {
      registerKey(parts.get(1), parts.get(3), parsePem(request.bodyText()));
      return SimHttp.Response.empty(204);
    }
    if (parts.size() == 4 && parts.get(0).equals("clients") && request.method().equals("DELETE")) {
      keys.remove(parts.get(1) + "\n" + parts.get(3));
      return SimHttp.Response.empty(204);
    }
    throw SimHttp.fail(404, "Not found", "No such PDND control resource");
  }

  static PublicKey parsePem(String pem) {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (Exception e) {
      throw SimHttp.fail(400, "Bad request", "Not a PEM RSA public key (BEGIN PUBLIC KEY)");
    }
  }
}
