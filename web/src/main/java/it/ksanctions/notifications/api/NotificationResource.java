package it.ksanctions.notifications.api;

import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.Notifications.NotificationView;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /t/<slug>/api/v1/notifications} (staff bearer token; module NOTIFICATIONS): {@code POST
 * {"verbaleId": 12, "lateDecision": null}} sends an issued act for notification through its channel
 * (201 with the attempt; 409 with the Italian reason when its state or the art. 201 term forbid
 * it); {@code POST /resend {"verbaleId": 12, "reason": "…", "lateDecision": null}} sends it again
 * after SEND or the PEC provider refused its last attempt (201 with the new attempt; 400 without a
 * reason; 409 when the last attempt was not refused); {@code GET ?verbaleId=12} lists the act's
 * attempts with their timeline and legal facts.
 */
@Path("/v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class NotificationResource {

  /** What the caller asks. */
  public record SendRequest(Long verbaleId, String lateDecision) {}

  /** A new sending after a refusal, with what changed since. */
  public record ResendRequest(Long verbaleId, String reason, String lateDecision) {}

  @Inject Notifications notifications;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(SendRequest request) {
    if (request == null || request.verbaleId() == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("verbaleId", "obbligatorio: l'identificativo del verbale")));
    }
    NotificationView sent = notifications.send(request.verbaleId(), request.lateDecision());
    return Response.status(Response.Status.CREATED).entity(sent).build();
  }

  @POST
  @Path("/resend")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response resend(ResendRequest request) {
    if (request == null || request.verbaleId() == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("verbaleId", "obbligatorio: l'identificativo del verbale")));
    }
    NotificationView sent =
        notifications.resend(request.verbaleId(), request.reason(), request.lateDecision());
    return Response.status(Response.Status.CREATED).entity(sent).build();
  }

  @GET
  public List<NotificationView> ofVerbale(@QueryParam("verbaleId") Long verbaleId) {
    if (verbaleId == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("verbaleId", "obbligatorio: l'identificativo del verbale")));
    }
    return notifications.ofVerbale(verbaleId);
  }
}
