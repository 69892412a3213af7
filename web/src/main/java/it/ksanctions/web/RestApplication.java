package it.ksanctions.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * REST APIs under {@code /api}: platform operations at {@code /api/platform/...}; tenant APIs are
 * reached through the tenant's path prefix or host, e.g. {@code /t/<slug>/api/v1/...}.
 *
 * <p>Callers authenticate with a bearer token from the platform's Keycloak realm, verified by
 * MicroProfile JWT ({@code mp.jwt.verify.*} from the environment). Realm roles arrive in the {@code
 * groups} claim; the tenant a token belongs to is its Keycloak organization.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "ksanctions")
@DeclareRoles({Roles.PLATFORM_ADMIN, Roles.STAFF})
public class RestApplication extends Application {}
