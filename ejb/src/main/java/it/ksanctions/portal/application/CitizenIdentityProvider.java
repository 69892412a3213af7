package it.ksanctions.portal.application;

import java.net.URI;
import java.util.Optional;

/**
 * The citizen's verified identity (issue 16 item 1, SPID/CIE): a login at the citizens' identity
 * provider (Keycloak brokering SPID and CIE, ADR 0011) that answers the citizen's codice fiscale.
 * The caller keeps {@link Login#state()}, {@link Login#nonce()} and {@link Login#codeVerifier()} in
 * the citizen's HTTP session between {@link #begin} and {@link #finish}.
 */
public interface CitizenIdentityProvider {

  /** Whether the provider is configured ({@code ksanctions.citizens.issuer}). */
  boolean configured();

  /** Where to send the browser, and the values to keep until it comes back. */
  Login begin(URI redirectUri);

  /**
   * Exchanges the authorization code, verifies the ID token (signature against the provider's keys,
   * issuer, audience, nonce, expiry) and answers the identity.
   *
   * @throws IdentityRefused with the Italian reason when anything does not match
   */
  VerifiedCitizen finish(String code, URI redirectUri, String codeVerifier, String nonce);

  /** The provider's logout page, back to {@code after}, when the provider has one. */
  Optional<URI> logout(String idToken, URI after);

  /** One login in progress. */
  record Login(URI authorizationUrl, String state, String nonce, String codeVerifier) {}

  /**
   * A verified citizen: the codice fiscale (16 characters, upper case, without SPID's {@code
   * TINIT-} prefix) and the ID token, kept only for the logout.
   */
  record VerifiedCitizen(String taxCode, String idToken) {}

  /** The identity could not be verified; the message is for the citizen, in Italian. */
  class IdentityRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String italianMessage;

    public IdentityRefused(String technical, String italianMessage) {
      super(technical);
      this.italianMessage = italianMessage;
    }

    public IdentityRefused(String technical, String italianMessage, Throwable cause) {
      super(technical, cause);
      this.italianMessage = italianMessage;
    }

    public String italianMessage() {
      return italianMessage;
    }
  }
}
