package it.ksanctions.platform.api;

import it.ksanctions.devices.application.DeviceAlertsTimer;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * "Run now" for the platform's scheduled jobs, for vendor support staff (and the tests): {@code
 * POST /api/platform/jobs/device-alerts} runs the Devices alert check of every active tenant at
 * once, as its EJB timer does every 15 minutes, and answers what it did.
 */
@Path("/platform/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class JobResource {

  @EJB DeviceAlertsTimer deviceAlerts;

  @POST
  @Path("device-alerts")
  public DeviceAlertsTimer.Run deviceAlerts() {
    return deviceAlerts.runNow();
  }
}
