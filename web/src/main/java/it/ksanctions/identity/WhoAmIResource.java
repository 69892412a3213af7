package it.ksanctions.identity;

import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.web.Roles;
import it.ksanctions.web.security.TokenTenants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

  @Inject JsonWebToken token;

  @GET
  @RolesAllowed({Roles.STAFF, Roles.PLATFORM_ADMIN})
  public Me me() {
    return new Me(
        TenantContext.require().slug(),
        token.getName(),
        token.getClaim("name"),
        TokenTenants.of(token),
        token.getGroups().stream().sorted().toList());
  }
}
