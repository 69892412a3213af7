package it.ksanctions.platform.api;

import it.ksanctions.platform.application.OnboardingOutcome;
import it.ksanctions.platform.application.TenantAdministration;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.application.UnknownTenantException;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import it.ksanctions.web.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * Tenant onboarding for vendor support staff (SPEC PLT-3).
 *
 * <p>{@code POST} answers 201 with {@code Location} when it creates the tenant and 200 with the
 * same {@code Location} when the identical request was already received (idempotent); the same slug
 * with different data is 409, invalid fields are 400 listing each field.
 */
@Path("/platform/tenants")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  @EJB TenantOnboarding onboarding;
  @Inject TenantAdministration administration;

  @Context UriInfo uriInfo;
  @Context SecurityContext security;

  private String caller() {
    return Caller.of(security.getUserPrincipal()).map(Caller::username).orElse("sconosciuto");
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response onboard(TenantInput input) {
    if (input == null) {
      throw new InvalidRequestException(List.of(new FieldError("body", "is required")));
    }
    OnboardingRequest request =
        OnboardingRequest.validated(
            input.slug,
            input.displayName,
            input.kind,
            input.taxCode,
            input.patronSaintDay,
            input.hostnames);
    OnboardingOutcome outcome = administration.onboardByApi(request, caller());
    URI location =
        uriInfo.getBaseUriBuilder().path("platform/tenants/{slug}").build(request.slug());
    TenantView view = TenantView.of(outcome.tenant());
    if (outcome.administrator().isPresent()) {
      view =
          view.withInitialAdministrator(
              new TenantView.InitialAdministrator(
                  outcome.administrator().get().username(),
                  outcome.administrator().get().temporaryPassword()));
    }
    return (outcome.created() ? Response.created(location) : Response.ok().location(location))
        .entity(view)
        .build();
  }

  @GET
  public List<TenantView> list() {
    return onboarding.list().stream().map(TenantView::of).toList();
  }

  @GET
  @Path("{slug}")
  public TenantView get(@PathParam("slug") String slug) {
    return onboarding
        .find(slug)
        .map(TenantView::of)
        .orElseThrow(() -> new UnknownTenantException(slug));
  }

  @POST
  @Path("{slug}/suspend")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public TenantView suspend(@PathParam("slug") String slug, SuspensionInput input) {
    String reason = input == null || input.reason == null ? null : input.reason.strip();
    return TenantView.of(administration.suspendByApi(slug, reason, caller()));
  }

  /** Reactivates; the optional {@code {"reason": "..."}} goes to the platform audit trail. */
  @POST
  @Path("{slug}/reactivate")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public TenantView reactivate(@PathParam("slug") String slug, SuspensionInput input) {
    String reason = input == null || input.reason == null ? null : input.reason.strip();
    return TenantView.of(administration.reactivateByApi(slug, reason, caller()));
  }
}
