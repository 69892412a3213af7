package it.ksanctions.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * REST APIs under {@code /api}: platform operations at {@code /api/platform/...}; tenant APIs are
 * reached through the tenant's path prefix or host, e.g. {@code /t/<slug>/api/v1/...}.
 *
 * <p>Callers authenticate with a bearer token from the platform's Keycloak realm for the audience
 * {@code ksanctions-api}, verified by the WAR's elytron-oidc-client mechanism ({@code
 * WEB-INF/oidc.json}; ADR 0003 says why not MicroProfile JWT). Realm roles are the caller's roles;
 * the tenant a token belongs to is its Keycloak organization.
 */
@ApplicationPath("/api")
@DeclareRoles({Roles.PLATFORM_ADMIN, Roles.STAFF})
public class RestApplication extends Application {}
