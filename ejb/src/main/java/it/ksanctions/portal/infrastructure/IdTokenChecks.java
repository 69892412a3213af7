package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * The checks every ID token of the citizens' realm passes, whoever signs in ({@link
 * IdTokenVerifier} for citizens, {@link CompanyTokenVerifier} for rental firms): signature against
 * the realm's keys (RSA or ECDSA only), issuer, audience, expiry and issue time with 30 s of skew,
 * a subject, and the nonce of the login in progress. What the claims must then say is the caller's.
 */
final class IdTokenChecks {

  private final JwtConsumer consumer;

  IdTokenChecks(String issuer, String audience, VerificationKeyResolver keys) {
    this.consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(30)
            .setExpectedIssuer(true, Objects.requireNonNull(issuer, "issuer"))
            .setExpectedAudience(true, Objects.requireNonNull(audience, "audience"))
            .setVerificationKeyResolver(Objects.requireNonNull(keys, "keys"))
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(
                    ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256,
                    AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
            .build();
  }

  /**
   * The claims of {@code idToken} once it passed every check and carries {@code nonce}.
   *
   * @param refused the Italian message of any failure
   */
  JwtClaims claims(String idToken, String nonce, String refused) {
    if (idToken == null || idToken.isBlank()) {
      throw new IdentityRefused("No ID token", refused);
    }
    JwtClaims claims;
    try {
      claims = consumer.processToClaims(idToken);
    } catch (InvalidJwtException e) {
      throw new IdentityRefused("ID token refused: " + e.getMessage(), refused, e);
    }
    Object tokenNonce = claims.getClaimValue("nonce");
    if (nonce == null
        || !(tokenNonce instanceof String n)
        || !MessageDigest.isEqual(
            n.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
      throw new IdentityRefused("ID token nonce does not match the session's", refused);
    }
    return claims;
  }
}
