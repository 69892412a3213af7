package it.ksanctions.sanctions.api;

import it.ksanctions.sanctions.application.NumberBlocks;
import it.ksanctions.sanctions.application.NumberBlocks.BlockReport;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Blocks of verbale numbers for immediate contestation while offline (CMD-4, DEV-4), with the
 * device's headers as the sync:
 *
 * <ul>
 *   <li>{@code POST /t/<slug>/api/v1/mobile/number-blocks} {@code {"size": n, "prefix": "PL"}} →
 *       201, the block with its consecutive numbers (prefix optional: the command's default);
 *       refused (409) while the command's configuration has serious anomalies.
 *   <li>{@code POST .../number-blocks/{id}/return} {@code {"numbers": [...], "reason": "..."}} →
 *       the numbers given back (all outstanding ones without {@code numbers}) are annulled with the
 *       reason; the block's report.
 *   <li>{@code GET .../number-blocks/{id}} → the report: used, annulled, outstanding, each number.
 * </ul>
 *
 * A number is used by uploading a pre-notice with it as {@code verbaleNumber}.
 */
@Path("/v1/mobile/number-blocks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class NumberBlockResource {

  /** The request of a block. */
  public record BlockRequest(Integer size, String prefix) {}

  /** The numbers given back. */
  public record Return(List<String> numbers, String reason) {}

  /** One number of a block. */
  public record NumberJson(
      String number, long progressive, String status, UUID preNoticeId, String reason) {}

  /** A block as the app reads it. */
  public record BlockJson(
      long id,
      String device,
      String officer,
      String prefix,
      int year,
      long first,
      long last,
      Instant reservedAt,
      Instant returnedAt,
      String returnReason,
      int used,
      int annulled,
      int outstanding,
      List<NumberJson> numbers) {

    static BlockJson of(BlockReport r) {
      return new BlockJson(
          r.id(),
          r.deviceCode(),
          r.officer(),
          r.prefix(),
          r.year(),
          r.firstProgressive(),
          r.lastProgressive(),
          r.reservedAt(),
          r.returnedAt(),
          r.returnReason(),
          r.used(),
          r.annulled(),
          r.outstanding(),
          r.numbers().stream()
              .map(
                  n ->
                      new NumberJson(
                          n.text(),
                          n.progressive(),
                          n.status().name(),
                          n.preNoticeId(),
                          n.reason()))
              .toList());
    }
  }

  @Inject NumberBlocks blocks;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reserve(
      @HeaderParam("X-Device-Id") String deviceId,
      @HeaderParam("X-Device-Credential") String credential,
      @HeaderParam("X-App-Version") String appVersion,
      BlockRequest request) {
    if (request == null || request.size() == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("size", "obbligatorio: quanti numeri riservare (1-100)")));
    }
    BlockReport report =
        blocks.reserve(deviceId, credential, appVersion, request.size(), request.prefix());
    return Response.status(Response.Status.CREATED).entity(BlockJson.of(report)).build();
  }

  @POST
  @Path("{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  public BlockJson giveBack(
      @HeaderParam("X-Device-Id") String deviceId,
      @HeaderParam("X-Device-Credential") String credential,
      @HeaderParam("X-App-Version") String appVersion,
      @PathParam("id") long id,
      Return body) {
    if (body == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("reason", "obbligatorio: il motivo della restituzione")));
    }
    return BlockJson.of(
        blocks.giveBack(deviceId, credential, appVersion, id, body.numbers(), body.reason()));
  }

  @GET
  @Path("{id}")
  public BlockJson report(
      @HeaderParam("X-Device-Id") String deviceId,
      @HeaderParam("X-Device-Credential") String credential,
      @HeaderParam("X-App-Version") String appVersion,
      @PathParam("id") long id) {
    return BlockJson.of(blocks.report(deviceId, credential, appVersion, id));
  }
}
