package it.ksanctions.portal.application;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import it.ksanctions.portal.application.CompanyDrivers.Company;
import java.net.URI;
import java.util.Optional;

/**
 * A rental or leasing company's login (issue 16 item 6): a user of the citizens' realm that signs
 * in with username and password (not SPID), holds the realm role {@value #ROLE} and carries the
 * company's tax code. The caller keeps the {@link Login}'s state, nonce and verifier in the HTTP
 * session between {@link #begin} and {@link #finish}, as for a citizen (ADR 0011).
 */
public interface CompanyIdentityProvider {

  /** The realm role of a company's users. */
  String ROLE = "rental-firm";

  /** Whether the provider is configured ({@code ksanctions.citizens.issuer}). */
  boolean configured();

  /** Where to send the browser (the realm's login form, no identity provider hinted). */
  Login begin(URI redirectUri);

  /**
   * Exchanges the code, verifies the ID token (signature, issuer, audience, nonce, expiry), the
   * role {@value #ROLE} and the company's tax code, and answers the company.
   *
   * @throws IdentityRefused with the Italian reason when anything does not match
   */
  VerifiedCompany finish(String code, URI redirectUri, String codeVerifier, String nonce);

  /** The realm's logout page, back to {@code after}. */
  Optional<URI> logout(String idToken, URI after);

  /** A verified company and the ID token (kept only for the logout). */
  record VerifiedCompany(Company company, String idToken) {}
}
