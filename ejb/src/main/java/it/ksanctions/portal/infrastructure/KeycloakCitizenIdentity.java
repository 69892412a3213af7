package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The citizens' realm of Keycloak ({@code ksanctions.citizens.issuer}), which brokers SPID and CIE
 * (ADR 0011): authorization code flow with PKCE S256, {@code kc_idp_hint} naming the identity
 * provider ({@code ksanctions.citizens.idp-hint}, default {@code spid}), state and nonce; the code
 * is exchanged with java.net.http and the ID token checked by {@link IdTokenVerifier} against the
 * realm's JWKS (jose4j caches the keys and fetches them again for an unknown key id). The endpoints
 * are Keycloak's under the issuer.
 */
@ApplicationScoped
public class KeycloakCitizenIdentity implements CitizenIdentityProvider {

  private static final String UNAVAILABLE =
      "Il servizio di accesso con SPID o CIE non è raggiungibile in questo momento: riprovare tra"
          + " qualche minuto, oppure accedere con codice fiscale e PIN.";

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-id", defaultValue = "citizen-portal")
  String clientId;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.idp-hint", defaultValue = "spid")
  String idpHint;

  private CitizensRealmCodeFlow flow;
  private IdTokenVerifier verifier;

  @PostConstruct
  void init() {
    issuer
        .filter(i -> !i.isBlank())
        .ifPresent(
            i -> {
              flow = new CitizensRealmCodeFlow(i, clientId, clientSecret, UNAVAILABLE);
              verifier = new IdTokenVerifier(flow.issuer(), clientId, flow.keys());
            });
  }

  @Override
  public boolean configured() {
    return verifier != null;
  }

  @Override
  public Login begin(URI redirectUri) {
    requireConfigured();
    return flow.begin(redirectUri, Map.of("kc_idp_hint", idpHint));
  }

  @Override
  public VerifiedCitizen finish(String code, URI redirectUri, String codeVerifier, String nonce) {
    requireConfigured();
    String idToken =
        flow.idToken(
            code,
            redirectUri,
            codeVerifier,
            "L'accesso non è stato completato: la sessione di accesso è scaduta o non è valida."
                + " Riprovare ad accedere con SPID o CIE.");
    return new VerifiedCitizen(verifier.taxCode(idToken, nonce), idToken);
  }

  @Override
  public Optional<URI> logout(String idToken, URI after) {
    return configured() ? Optional.of(flow.logout(idToken, after)) : Optional.empty();
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new IdentityRefused(
          "ksanctions.citizens.issuer is not configured",
          "L'accesso con SPID o CIE non è ancora attivo per questo comando: accedere con codice"
              + " fiscale e PIN.");
    }
  }
}
