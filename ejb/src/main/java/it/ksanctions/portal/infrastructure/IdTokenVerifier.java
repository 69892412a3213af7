package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.shared.CodiceFiscale;
import java.util.Locale;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Checks a citizen's ID token from the citizens' realm: RS256/PS256/ES256 signature with the
 * realm's keys, issuer, audience (our client id), expiry (30 s of clock skew), nonce (the one kept
 * in the session, compared in constant time), and the claim {@value #CLAIM}, whose value SPID
 * releases as {@code TINIT-<codice fiscale>}. Answers the codice fiscale, upper case and without
 * the prefix; refuses anything else with an Italian reason.
 */
public final class IdTokenVerifier {

  /** The claim the citizens' realm puts the SPID/CIE fiscal number in. */
  public static final String CLAIM = "fiscal_number";

  private static final String REFUSED =
      "Non è stato possibile verificare la tua identità digitale: riprova ad accedere con SPID o"
          + " CIE.";

  private final IdTokenChecks checks;

  public IdTokenVerifier(String issuer, String audience, VerificationKeyResolver keys) {
    this.checks = new IdTokenChecks(issuer, audience, keys);
  }

  /** The codice fiscale in {@code idToken}, if it is valid and carries {@code nonce}. */
  public String taxCode(String idToken, String nonce) {
    JwtClaims claims = checks.claims(idToken, nonce, REFUSED);
    String fiscalNumber;
    try {
      fiscalNumber = claims.getStringClaimValue(CLAIM);
    } catch (MalformedClaimException e) {
      throw new IdentityRefused("Claim " + CLAIM + " is not a string", REFUSED, e);
    }
    String taxCode = normalise(fiscalNumber);
    if (taxCode == null) {
      throw new IdentityRefused(
          "No valid " + CLAIM + " in the ID token",
          "L'identità digitale usata non comunica un codice fiscale valido: accedere con SPID o"
              + " CIE di una persona fisica, oppure con codice fiscale e PIN.");
    }
    return taxCode;
  }

  /**
   * SPID's {@code fiscalNumber} ({@code TINIT-RSSMRA85T10A562S}) or a bare codice fiscale, as 16
   * upper-case characters; null unless it is a valid codice fiscale.
   */
  public static String normalise(String fiscalNumber) {
    if (fiscalNumber == null) {
      return null;
    }
    String value = fiscalNumber.strip().toUpperCase(Locale.ROOT);
    if (value.startsWith("TINIT-")) {
      value = value.substring("TINIT-".length());
    }
    return CodiceFiscale.isValid(value) ? value : null;
  }
}
