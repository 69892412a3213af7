package it.ksanctions.notifications.infrastructure;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * PDND vouchers (issue 15 item 2): a client assertion signed (RS256, jose4j) with the command's
 * PDND private key and key id, exchanged at PDND's token endpoint ({@code
 * ksanctions.pdnd.token-url}, audience {@code ksanctions.pdnd.audience}) for a bearer voucher, kept
 * until a minute before it expires. Keys and vouchers are never logged.
 */
@ApplicationScoped
public class PdndVouchers {

  @Inject
  @ConfigProperty(
      name = "ksanctions.pdnd.token-url",
      defaultValue = "https://auth.interop.pagopa.it/token.oauth2")
  String tokenUrl;

  @Inject
  @ConfigProperty(
      name = "ksanctions.pdnd.audience",
      defaultValue = "auth.interop.pagopa.it/client-assertion")
  String audience;

  private final Map<String, Voucher> cache = new ConcurrentHashMap<>();
  @Inject OutboundCalls calls;

  Clock clock = Clock.systemUTC();

  private record Voucher(String token, Instant expires) {}

  /** A valid voucher for the command's PDND client. */
  public String voucher(SendAccess access) throws DeliveryFailure {
    String cacheKey = access.pdndClientId() + "|" + access.pdndKeyId() + "|" + tokenUrl;
    Voucher cached = cache.get(cacheKey);
    Instant now = clock.instant();
    if (cached != null && cached.expires().isAfter(now.plusSeconds(60))) {
      return cached.token();
    }
    String assertion = assertion(access, now);
    Form form =
        new Form()
            .param("grant_type", "client_credentials")
            .param("client_id", access.pdndClientId())
            .param(
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            .param("client_assertion", assertion);
    PdndTokenApi api = OutboundCalls.client(PdndTokenApi.class, URI.create(tokenUrl), 15);
    String token;
    int expiresIn;
    try (Response response = calls.call(() -> api.token(form))) {
      int status = response.getStatus();
      if (status == 401 || status == 400) {
        throw DeliveryFailure.transientFailure(
            "PDND ha rifiutato il client del comando (HTTP "
                + status
                + "): verificare client id, key id e chiave privata in Comando › Integrazioni › SEND.",
            null);
      }
      if (status != 200) {
        throw DeliveryFailure.transientFailure(
            "PDND risponde con un errore (HTTP " + status + ").", null);
      }
      JsonObject body =
          Json.createReader(new StringReader(response.readEntity(String.class))).readObject();
      token = body.getString("access_token", null);
      expiresIn = body.getInt("expires_in", 600);
      if (token == null || token.isBlank()) {
        throw DeliveryFailure.transientFailure("PDND ha risposto senza voucher.", null);
      }
    } catch (jakarta.json.JsonException | ClassCastException e) {
      throw DeliveryFailure.transientFailure(
          "PDND ha dato una risposta non leggibile: nuovo tentativo più tardi.", e);
    } catch (RuntimeException e) {
      throw OutboundCalls.failureOf("PDND", e);
    } finally {
      api.close();
    }
    cache.put(cacheKey, new Voucher(token, now.plusSeconds(expiresIn)));
    return token;
  }

  /** The client assertion: a JWT signed with the command's key, valid for 5 minutes. */
  String assertion(SendAccess access, Instant now) throws DeliveryFailure {
    try {
      JwtClaims claims = new JwtClaims();
      claims.setIssuer(access.pdndClientId());
      claims.setSubject(access.pdndClientId());
      claims.setAudience(audience);
      claims.setJwtId(UUID.randomUUID().toString());
      claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond()));
      claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond() + 300));
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(privateKey(access));
      jws.setKeyIdHeaderValue(access.pdndKeyId());
      jws.setHeader("typ", "JWT");
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      return jws.getCompactSerialization();
    } catch (JoseException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw DeliveryFailure.transientFailure(
          "La chiave privata PDND del comando non è utilizzabile (serve RSA, PKCS#8).", null);
    }
  }

  private static PrivateKey privateKey(SendAccess access)
      throws java.security.GeneralSecurityException {
    if (access.privateKey() == null) {
      throw new java.security.InvalidKeyException("missing");
    }
    String body =
        access
            .privateKey()
            .reveal()
            .replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
