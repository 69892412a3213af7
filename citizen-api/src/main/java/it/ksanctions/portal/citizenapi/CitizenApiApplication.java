package it.ksanctions.portal.citizenapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The citizen API for apps (issue 16 item 11, ADR 0012), a deployment of its own at {@code
 * /citizen-api}: {@code /citizen-api/t/<slug>/v1/...}, described by MicroProfile OpenAPI at {@code
 * /citizen-api/openapi}.
 *
 * <p>Callers send an access token of the citizens' Keycloak realm ({@code ksanctions-citizens},
 * where SPID and CIE are brokered, ADR 0011) for the audience {@value #AUDIENCE}; MicroProfile JWT
 * checks its signature against the realm's keys, its issuer, audience and expiry ({@code
 * META-INF/microprofile-config.properties}). The claim {@code fiscal_number} keys everything: a
 * citizen reads only the acts of that codice fiscale, in the tenant the path names.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "ksanctions-citizens")
@OpenAPIDefinition(
    info =
        @Info(
            title = "K-Sanctions - API per i cittadini",
            version = "1",
            description =
                "I verbali, i documenti e la posizione debitoria del cittadino in un comando, per"
                    + " le app. Token di accesso del realm dei cittadini (SPID o CIE), audience "
                    + CitizenApiApplication.AUDIENCE
                    + ", inviato come Authorization: Bearer. Errori come application/problem+json"
                    + " con il messaggio in italiano."),
    security = @SecurityRequirement(name = CitizenApiApplication.SECURITY_SCHEME))
@SecurityScheme(
    securitySchemeName = CitizenApiApplication.SECURITY_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "Token di accesso del realm Keycloak ksanctions-citizens (SPID o CIE) con il claim"
            + " fiscal_number e l'audience "
            + CitizenApiApplication.AUDIENCE)
public class CitizenApiApplication extends Application {

  /** The audience a token must carry ({@code mp.jwt.verify.audiences}). */
  public static final String AUDIENCE = "ksanctions-citizen-api";

  static final String SECURITY_SCHEME = "spid-cie";
}
