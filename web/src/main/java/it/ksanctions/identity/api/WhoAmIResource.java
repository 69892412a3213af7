package it.ksanctions.identity.api;

import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.web.Roles;
import it.ksanctions.web.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /t/<slug>/api/v1/me}: who the caller is for this command. Devices and integrations use
 * it to check their token; the tenant check ({@code TenantTokenFilter}) has already run.
 */
@Path("/v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {

  /** The caller as the API sees it. */
  public record Me(
      String tenant, String username, String name, Set<String> organizations, List<String> roles) {}

  @GET
  @RolesAllowed({Roles.STAFF, Roles.PLATFORM_ADMIN})
  public Me me(@Context SecurityContext security) {
    Caller caller = Caller.of(security.getUserPrincipal()).orElseThrow();
    return new Me(
        TenantContext.require().slug(),
        caller.username(),
        caller.name(),
        caller.tenants(),
        caller.roles());
  }
}
