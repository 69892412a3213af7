package it.ksanctions.web.security;

import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.web.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * A token works only for its own tenant: on a tenant's API (tenant resolved from the path or the
 * host) an authenticated caller whose token's organization is another tenant gets 403. Runs after
 * authentication and before role checks.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class TenantTokenFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<TenantId> tenant = TenantContext.current();
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (tenant.isEmpty() || principal == null) {
      return;
    }
    if (!Caller.of(principal).map(c -> c.belongsTo(tenant.get().slug())).orElse(false)) {
      request.abortWith(
          Problem.response(
              Status.FORBIDDEN,
              "This token does not belong to the command '" + tenant.get().slug() + "'"));
    }
  }
}
