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
  @jakarta.inject.Inject it.ksanctions.platform.application.PlatformAudit audit;
  @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security;

  @POST
  @Path("device-alerts")
  public DeviceAlertsTimer.Run deviceAlerts() {
    String who =
        it.ksanctions.web.security.Caller.of(security.getUserPrincipal())
            .map(it.ksanctions.web.security.Caller::username)
            .orElse("sconosciuto");
    try {
      DeviceAlertsTimer.Run run = deviceAlerts.runNow();
      audit.success(
          who, it.ksanctions.platform.application.PlatformAudit.JOB, null, "device-alerts");
      return run;
    } catch (RuntimeException e) {
      audit.failure(
          who,
          it.ksanctions.platform.application.PlatformAudit.JOB,
          null,
          "device-alerts: " + e.getMessage());
      throw e;
    }
  }

  @EJB it.ksanctions.sanctions.application.OutboxDispatcher outbox;
  @EJB it.ksanctions.notifications.application.NotificationsTimer notifications;
  @EJB it.ksanctions.payments.application.PaymentsTimer payments;

  /**
   * {@code POST /api/platform/jobs/outbox}: sends every active tenant's due outbox messages now.
   */
  @POST
  @Path("outbox")
  public it.ksanctions.sanctions.application.OutboxDispatcher.Run outbox() {
    return run("outbox", () -> outbox.runAll());
  }

  /** {@code POST /api/platform/jobs/send-progress}: reads SEND's acceptances and progress now. */
  @POST
  @Path("send-progress")
  public java.util.Map<String, Integer> sendProgress() {
    return run("send-progress", () -> java.util.Map.of("tenants", notifications.runNow()));
  }

  /** {@code POST /api/platform/jobs/receipts}: reads the pagoPA receipts API now. */
  @POST
  @Path("receipts")
  public java.util.Map<String, Integer> receipts() {
    return run("receipts", () -> java.util.Map.of("tenants", payments.runNow()));
  }

  @EJB it.ksanctions.portal.application.CitizenNoticesTimer citizenNotices;

  /**
   * {@code POST /api/platform/jobs/citizen-notices}: e-mails the new acts to the citizens who
   * registered their plates, now.
   */
  @POST
  @Path("citizen-notices")
  public java.util.Map<String, Integer> citizenNotices() {
    return run("citizen-notices", () -> java.util.Map.of("sent", citizenNotices.runNow()));
  }

  private <T> T run(String job, java.util.function.Supplier<T> work) {
    String who =
        it.ksanctions.web.security.Caller.of(security.getUserPrincipal())
            .map(it.ksanctions.web.security.Caller::username)
            .orElse("sconosciuto");
    try {
      T result = work.get();
      audit.success(who, it.ksanctions.platform.application.PlatformAudit.JOB, null, job);
      return result;
    } catch (RuntimeException e) {
      audit.failure(
          who,
          it.ksanctions.platform.application.PlatformAudit.JOB,
          null,
          job + ": " + e.getMessage());
      throw e;
    }
  }
}
