package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CompanyDrivers.Company;
import it.ksanctions.portal.application.CompanyIdentityProvider;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.NumericTaxCode;
import java.util.List;
import java.util.Locale;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Checks a company user's ID token from the citizens' realm: the same signature, issuer, audience,
 * expiry and nonce checks as a citizen's ({@link IdTokenVerifier}), then the realm role {@value
 * CompanyIdentityProvider#ROLE} in the claim {@value #ROLES} and the company's tax code in {@value
 * #TAX_CODE} (11 digits with a valid check digit, or a sole trader's codice fiscale); the name in
 * {@value #NAME}, else the tax code. Refuses anything else with an Italian reason.
 */
public final class CompanyTokenVerifier {

  /** The claim with the user's realm roles. */
  public static final String ROLES = "roles";

  /** The claim with the company's tax code (user attribute {@code companyTaxCode}). */
  public static final String TAX_CODE = "company_tax_code";

  /** The claim with the company's name (user attribute {@code companyName}). */
  public static final String NAME = "company_name";

  private static final String REFUSED =
      "Non è stato possibile verificare l'accesso dell'azienda: riprovare ad accedere.";

  private final IdTokenChecks checks;

  public CompanyTokenVerifier(String issuer, String audience, VerificationKeyResolver keys) {
    this.checks = new IdTokenChecks(issuer, audience, keys);
  }

  /** The company of {@code idToken}, if it is valid, carries {@code nonce}, the role and a code. */
  public Company company(String idToken, String nonce) {
    JwtClaims claims = checks.claims(idToken, nonce, REFUSED);
    List<String> roles;
    String taxCode;
    String name;
    String username;
    try {
      roles = claims.hasClaim(ROLES) ? claims.getStringListClaimValue(ROLES) : List.of();
      taxCode = claims.getStringClaimValue(TAX_CODE);
      name = claims.getStringClaimValue(NAME);
      username = claims.getStringClaimValue("preferred_username");
    } catch (MalformedClaimException e) {
      throw new IdentityRefused("Malformed company claims: " + e.getMessage(), REFUSED, e);
    }
    if (roles == null || !roles.contains(CompanyIdentityProvider.ROLE)) {
      throw new IdentityRefused(
          "No realm role " + CompanyIdentityProvider.ROLE,
          "L'utente non è abilitato all'area delle aziende di noleggio e leasing: per i propri"
              + " verbali un cittadino accede con SPID o CIE, oppure con codice fiscale e PIN.");
    }
    String code = normalise(taxCode);
    if (code == null) {
      throw new IdentityRefused(
          "No valid " + TAX_CODE + " in the ID token",
          "L'utenza dell'azienda non ha una partita IVA o un codice fiscale valido: chiedere al"
              + " comando di correggerla.");
    }
    String display = name == null || name.isBlank() ? code : name.strip();
    String user =
        username == null || username.isBlank() ? claims.getClaimValueAsString("sub") : username;
    return new Company(code, display, user);
  }

  /** A partita IVA (11 digits) or a codice fiscale (16 characters, upper case); null otherwise. */
  public static String normalise(String taxCode) {
    if (taxCode == null) {
      return null;
    }
    String value = taxCode.strip().toUpperCase(Locale.ROOT);
    if (value.startsWith("IT") && value.length() == 13) {
      value = value.substring(2); // a VAT number written with its country
    }
    return NumericTaxCode.isValid(value) || CodiceFiscale.isValid(value) ? value : null;
  }
}
