package it.ksanctions.portal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks of the citizen's ID token (issue 16 item 1, ADR 0011). */
class IdTokenVerifierTest {

  static final String ISSUER = "http://127.0.0.1:18080/realms/ksanctions-citizens";
  static final String CLIENT = "citizen-portal";
  static final String NONCE = "nonce-of-the-session";

  static RsaJsonWebKey realmKey;
  static RsaJsonWebKey otherKey;
  static IdTokenVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    realmKey = RsaJwkGenerator.generateJwk(2048);
    realmKey.setKeyId("realm-key");
    otherKey = RsaJwkGenerator.generateJwk(2048);
    otherKey.setKeyId("realm-key");
    verifier =
        new IdTokenVerifier(
            ISSUER,
            CLIENT,
            new JwksVerificationKeyResolver(new JsonWebKeySet(realmKey).getJsonWebKeys()));
  }

  static JwtClaims claims() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(CLIENT);
    claims.setSubject("6f1c2a1e-citizen");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setClaim("nonce", NONCE);
    claims.setClaim("fiscal_number", "TINIT-RSSMRA85T10A562S");
    return claims;
  }

  static String sign(JwtClaims claims, RsaJsonWebKey key) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  @Test
  void aGoodTokenGivesTheCodiceFiscaleWithoutSpidsPrefix() throws Exception {
    assertThat(verifier.taxCode(sign(claims(), realmKey), NONCE)).isEqualTo("RSSMRA85T10A562S");
  }

  @Test
  void aBareLowerCaseCodiceFiscaleIsAcceptedToo() throws Exception {
    JwtClaims claims = claims();
    claims.setClaim("fiscal_number", " rssmra85t10a562s ");
    assertThat(verifier.taxCode(sign(claims, realmKey), NONCE)).isEqualTo("RSSMRA85T10A562S");
  }

  @Test
  void anotherIssuerIsRefused() throws Exception {
    JwtClaims claims = claims();
    claims.setIssuer("http://127.0.0.1:18080/realms/ksanctions");
    refused(sign(claims, realmKey), NONCE);
  }

  @Test
  void anotherAudienceIsRefused() throws Exception {
    JwtClaims claims = claims();
    claims.setAudience("ksanctions-web");
    refused(sign(claims, realmKey), NONCE);
  }

  @Test
  void anotherNonceIsRefused() throws Exception {
    refused(sign(claims(), realmKey), "another-nonce");
    refused(sign(claims(), realmKey), null);
    JwtClaims without = claims();
    without.unsetClaim("nonce");
    refused(sign(without, realmKey), NONCE);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    JwtClaims claims = claims();
    claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
    claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));
    refused(sign(claims, realmKey), NONCE);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    refused(sign(claims(), otherKey), NONCE);
  }

  @Test
  void aTamperedTokenIsRefused() throws Exception {
    String token = sign(claims(), realmKey);
    JwtClaims forged = claims();
    forged.setClaim("fiscal_number", "TINIT-BNCGLI90A41E472U");
    String[] parts = token.split("\\.");
    String payload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    refused(parts[0] + "." + payload + "." + parts[2], NONCE);
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims().toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
    refused(jws.getCompactSerialization(), NONCE);
  }

  @Test
  void aTokenWithoutAValidFiscalNumberIsRefused() throws Exception {
    for (Object value : List.of("TINIT-RSSMRA85T10A562X", "12345678901", "")) {
      JwtClaims claims = claims();
      claims.setClaim("fiscal_number", value);
      refused(sign(claims, realmKey), NONCE);
    }
    JwtClaims without = claims();
    without.unsetClaim("fiscal_number");
    refused(sign(without, realmKey), NONCE);
  }

  @Test
  void nothingIsNotAToken() {
    refused(null, NONCE);
    refused("not.a.token", NONCE);
  }

  @Test
  void normaliseStripsSpidsPrefix() {
    assertThat(IdTokenVerifier.normalise("TINIT-RSSMRA85T10A562S")).isEqualTo("RSSMRA85T10A562S");
    assertThat(IdTokenVerifier.normalise("tinit-rssmra85t10a562s")).isEqualTo("RSSMRA85T10A562S");
    assertThat(IdTokenVerifier.normalise("TINIT-")).isNull();
    assertThat(IdTokenVerifier.normalise(null)).isNull();
  }

  private static void refused(String token, String nonce) {
    assertThatThrownBy(() -> verifier.taxCode(token, nonce))
        .isInstanceOf(IdentityRefused.class)
        .satisfies(e -> assertThat(((IdentityRefused) e).italianMessage()).isNotBlank());
  }
}
