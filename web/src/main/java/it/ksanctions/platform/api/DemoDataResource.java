package it.ksanctions.platform.api;

import it.ksanctions.platform.application.DemoData;
import it.ksanctions.platform.application.PlatformAudit;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.web.Problem;
import it.ksanctions.web.Roles;
import it.ksanctions.web.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * {@code POST /api/platform/tenants/{slug}/demo-data?theme=verde}: the demo content of a command
 * ({@link DemoData}), for the run command. 404 unless {@code ksanctions.demo-data.enabled} is true
 * (the run command sets it; production never does); once per command.
 */
@Path("/platform/tenants/{slug}/demo-data")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DemoDataResource {

  private static final Set<String> THEMES = Set.of("default", "verde", "bordeaux");

  @Inject DemoData demoData;
  @Inject TenantDirectory directory;
  @Inject PlatformAudit audit;
  @Context SecurityContext security;

  @POST
  public Response seed(
      @PathParam("slug") String slug,
      @QueryParam("theme") String theme,
      @QueryParam("palmtop") boolean palmtop) {
    if (!demoData.enabled()) {
      return Problem.response(Status.NOT_FOUND, "Demo data are not enabled on this server");
    }
    if (!TenantId.isValidSlug(slug)
        || directory.bySlug(slug).filter(t -> t.isServing()).isEmpty()) {
      return Problem.response(Status.NOT_FOUND, "No active tenant " + slug);
    }
    String base = theme == null || !THEMES.contains(theme) ? "default" : theme;
    String who = Caller.of(security.getUserPrincipal()).map(Caller::username).orElse("sconosciuto");
    DemoData.Outcome outcome = demoData.seed(slug, base, who, palmtop);
    audit.success(who, PlatformAudit.JOB, slug, "dati dimostrativi: " + outcome.message());
    return Response.ok(outcome).build();
  }
}
