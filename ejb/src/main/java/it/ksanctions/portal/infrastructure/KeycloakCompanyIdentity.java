package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import it.ksanctions.portal.application.CompanyIdentityProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Companies' login at the citizens' realm of Keycloak (issue 16 item 6, ADR 0011 addendum): the
 * same client and code flow as the citizens' SPID login ({@link KeycloakCitizenIdentity}: PKCE
 * S256, state, nonce, code exchanged with java.net.http), but without {@code kc_idp_hint}, so the
 * realm shows its own username and password form, and with {@code prompt=login}, so a citizen's
 * open session in the realm is not taken for the company's. The ID token is checked by {@link
 * CompanyTokenVerifier}.
 */
@ApplicationScoped
public class KeycloakCompanyIdentity implements CompanyIdentityProvider {

  private static final String UNAVAILABLE =
      "Il servizio di accesso delle aziende non è raggiungibile in questo momento: riprovare tra"
          + " qualche minuto.";

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-id", defaultValue = "citizen-portal")
  String clientId;

  @Inject
  @ConfigProperty(name = "ksanctions.citizens.client-secret")
  Optional<String> clientSecret;

  private CitizensRealmCodeFlow flow;
  private CompanyTokenVerifier verifier;

  @PostConstruct
  void init() {
    issuer
        .filter(i -> !i.isBlank())
        .ifPresent(
            i -> {
              flow = new CitizensRealmCodeFlow(i, clientId, clientSecret, UNAVAILABLE);
              verifier = new CompanyTokenVerifier(flow.issuer(), clientId, flow.keys());
            });
  }

  @Override
  public boolean configured() {
    return verifier != null;
  }

  @Override
  public Login begin(URI redirectUri) {
    requireConfigured();
    return flow.begin(redirectUri, Map.of("prompt", "login"));
  }

  @Override
  public VerifiedCompany finish(String code, URI redirectUri, String codeVerifier, String nonce) {
    requireConfigured();
    String idToken =
        flow.idToken(
            code,
            redirectUri,
            codeVerifier,
            "L'accesso non è stato completato: la sessione di accesso è scaduta o non è valida."
                + " Riprovare ad accedere.");
    return new VerifiedCompany(verifier.company(idToken, nonce), idToken);
  }

  @Override
  public Optional<URI> logout(String idToken, URI after) {
    return configured() ? Optional.of(flow.logout(idToken, after)) : Optional.empty();
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new IdentityRefused(
          "ksanctions.citizens.issuer is not configured",
          "L'accesso delle aziende non è ancora attivo per questo comando.");
    }
  }
}
