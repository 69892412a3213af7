package it.ksanctions.web.security;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * On a tenant's API, signs the token's user in for the Permissions module's authorisation ({@code
 * Authorized} on the services), after the token's tenant has been checked.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 20)
public class StaffSignInFilter implements ContainerRequestFilter {

  @Inject CurrentStaff currentStaff;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal != null && TenantContext.current().isPresent()) {
      currentStaff.signIn(principal.getName());
    }
  }
}
