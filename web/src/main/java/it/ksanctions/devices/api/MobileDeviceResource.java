package it.ksanctions.devices.api;

import it.ksanctions.devices.application.MobileDeviceGateway;
import it.ksanctions.devices.application.MobileDeviceGateway.IssuedCredential;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The mobile app's API (DEV-2, DEV-4), called with the officer's bearer token and, after
 * activation, the device's own credential:
 *
 * <ul>
 *   <li>{@code POST /t/<slug>/api/v1/mobile/activation} {@code {deviceId, activationCode,
 *       appVersion}} → 201 {@code {deviceCode, credential, expiresAt}}: the one-time code issued in
 *       the back office becomes the device credential (shown once).
 *   <li>{@code POST /t/<slug>/api/v1/mobile/credential} with headers {@code X-Device-Id} and {@code
 *       X-Device-Credential} → a new credential; the old one is revoked (periodic renewal).
 *   <li>{@code GET /t/<slug>/api/v1/mobile/sync?since=<ISO instant>} with the same headers (and
 *       {@code X-App-Version}) → the configuration tables changed since the last sync.
 * </ul>
 *
 * A wrong, revoked or expired credential, an unknown or inactive device, or a device assigned to
 * somebody else answers 401; the attempt is logged and alerted.
 */
@Path("/v1/mobile")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class MobileDeviceResource {

  /** The activation request of the app. */
  public record Activation(String deviceId, String activationCode, String appVersion) {}

  /** A credential for the app: keep it in the device's secure storage. */
  public record CredentialView(String deviceCode, String credential, Instant expiresAt) {
    static CredentialView of(IssuedCredential issued) {
      return new CredentialView(issued.deviceCode(), issued.credential(), issued.expiresAt());
    }
  }

  @Inject MobileDeviceGateway gateway;

  @POST
  @Path("activation")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response activate(Activation activation) {
    if (activation == null || blank(activation.deviceId()) || blank(activation.activationCode())) {
      throw new InvalidRequestException(
          List.of(
              new FieldError("deviceId", "obbligatorio"),
              new FieldError("activationCode", "obbligatorio")));
    }
    IssuedCredential issued =
        gateway.activate(
            activation.deviceId(), activation.activationCode(), activation.appVersion());
    return Response.status(Response.Status.CREATED).entity(CredentialView.of(issued)).build();
  }

  @POST
  @Path("credential")
  public CredentialView renew(
      @HeaderParam("X-Device-Id") String deviceId,
      @HeaderParam("X-Device-Credential") String credential) {
    return CredentialView.of(gateway.renew(deviceId, credential));
  }

  @GET
  @Path("sync")
  public Response sync(
      @HeaderParam("X-Device-Id") String deviceId,
      @HeaderParam("X-Device-Credential") String credential,
      @HeaderParam("X-App-Version") String appVersion,
      @QueryParam("since") String since) {
    Instant from = null;
    if (!blank(since)) {
      try {
        from = Instant.parse(since.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            List.of(new FieldError("since", "istante ISO-8601 in UTC, es. 2026-11-23T10:15:30Z")));
      }
    }
    return Response.ok(gateway.sync(deviceId, credential, from, appVersion)).build();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
