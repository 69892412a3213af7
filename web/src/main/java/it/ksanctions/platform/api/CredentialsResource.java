package it.ksanctions.platform.api;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.platform.application.CredentialKeyRotations;
import it.ksanctions.web.Problem;
import it.ksanctions.web.Roles;
import it.ksanctions.web.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Rotation of the master key of the tenants' integration credentials, for vendor support staff:
 * {@code POST /api/platform/credentials/rotate} re-encrypts every secret of every active tenant
 * under the configured current key version ({@code ksanctions.credentials.current-key-version}) and
 * answers the count per tenant. Idempotent: a second call re-encrypts nothing. Missing or invalid
 * keys answer 503 with the reason (never key material).
 */
@Path("/platform/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class CredentialsResource {

  @Inject CredentialKeyRotations rotation;

  @Context SecurityContext security;

  @POST
  @Path("rotate")
  public Response rotate() {
    String who = Caller.of(security.getUserPrincipal()).map(Caller::username).orElse("sconosciuto");
    try {
      return Response.ok(rotation.rotateToCurrent(who)).build();
    } catch (CommandRuleException e) {
      return Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.italianMessage());
    }
  }
}
