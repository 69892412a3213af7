package it.ksanctions.portal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CompanyDrivers.Company;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks of a rental firm's ID token (issue 16 item 6, ADR 0011 addendum). */
class CompanyTokenVerifierTest {

  static final String ISSUER = "http://127.0.0.1:18080/realms/ksanctions-citizens";
  static final String CLIENT = "citizen-portal";
  static final String NONCE = "nonce-of-the-session";
  static final String VAT = "03123456786";

  static RsaJsonWebKey realmKey;
  static RsaJsonWebKey otherKey;
  static CompanyTokenVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    realmKey = RsaJwkGenerator.generateJwk(2048);
    realmKey.setKeyId("realm-key");
    otherKey = RsaJwkGenerator.generateJwk(2048);
    otherKey.setKeyId("realm-key");
    verifier =
        new CompanyTokenVerifier(
            ISSUER,
            CLIENT,
            new JwksVerificationKeyResolver(new JsonWebKeySet(realmKey).getJsonWebKeys()));
  }

  static JwtClaims claims() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(CLIENT);
    claims.setSubject("8a2d-company-user");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setClaim("nonce", NONCE);
    claims.setClaim("preferred_username", "noleggio.demo");
    claims.setStringListClaim("roles", "default-roles-ksanctions-citizens", "rental-firm");
    claims.setClaim("company_tax_code", VAT);
    claims.setClaim("company_name", "Noleggi Dimostrativi S.r.l.");
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
  void aGoodTokenGivesTheCompany() throws Exception {
    assertThat(verifier.company(sign(claims(), realmKey), NONCE))
        .isEqualTo(new Company(VAT, "Noleggi Dimostrativi S.r.l.", "noleggio.demo"));
  }

  @Test
  void aVatNumberWithItsCountryAndASoleTradersCodiceFiscaleAreAccepted() throws Exception {
    JwtClaims claims = claims();
    claims.setClaim("company_tax_code", " it" + VAT + " ");
    claims.unsetClaim("company_name");
    assertThat(verifier.company(sign(claims, realmKey), NONCE))
        .isEqualTo(new Company(VAT, VAT, "noleggio.demo"));
    claims.setClaim("company_tax_code", "rssmra85t10a562s");
    assertThat(verifier.company(sign(claims, realmKey), NONCE).taxCode())
        .isEqualTo("RSSMRA85T10A562S");
  }

  @Test
  void aUserWithoutTheRoleIsRefusedInItalian() throws Exception {
    JwtClaims claims = claims();
    claims.setStringListClaim("roles", "default-roles-ksanctions-citizens");
    assertThatThrownBy(() -> verifier.company(sign(claims, realmKey), NONCE))
        .isInstanceOf(IdentityRefused.class)
        .extracting(e -> ((IdentityRefused) e).italianMessage())
        .asString()
        .contains("non è abilitato all'area delle aziende");
    JwtClaims without = claims();
    without.unsetClaim("roles");
    refused(sign(without, realmKey), NONCE);
  }

  @Test
  void aSpidCitizensTokenIsNotACompanys() throws Exception {
    JwtClaims citizen = claims();
    citizen.unsetClaim("roles");
    citizen.unsetClaim("company_tax_code");
    citizen.unsetClaim("company_name");
    citizen.setClaim("fiscal_number", "TINIT-RSSMRA85T10A562S");
    refused(sign(citizen, realmKey), NONCE);
  }

  @Test
  void aMissingOrInvalidTaxCodeIsRefused() throws Exception {
    for (Object value : List.of("03123456787", "0312345678", "ABC", "")) {
      JwtClaims claims = claims();
      claims.setClaim("company_tax_code", value);
      assertThatThrownBy(() -> verifier.company(sign(claims, realmKey), NONCE))
          .isInstanceOf(IdentityRefused.class)
          .extracting(e -> ((IdentityRefused) e).italianMessage())
          .asString()
          .contains("partita IVA");
    }
    JwtClaims without = claims();
    without.unsetClaim("company_tax_code");
    refused(sign(without, realmKey), NONCE);
  }

  @Test
  void theTokensOwnChecksHold() throws Exception {
    refused(sign(claims(), otherKey), NONCE);
    refused(sign(claims(), realmKey), "another-nonce");
    refused(sign(claims(), realmKey), null);
    JwtClaims audience = claims();
    audience.setAudience("ksanctions-web");
    refused(sign(audience, realmKey), NONCE);
    JwtClaims issuer = claims();
    issuer.setIssuer("http://127.0.0.1:18080/realms/ksanctions");
    refused(sign(issuer, realmKey), NONCE);
    refused(null, NONCE);
    refused("not.a.token", NONCE);
  }

  private static void refused(String token, String nonce) {
    assertThatThrownBy(() -> verifier.company(token, nonce))
        .isInstanceOf(IdentityRefused.class)
        .satisfies(e -> assertThat(((IdentityRefused) e).italianMessage()).isNotBlank());
  }
}
