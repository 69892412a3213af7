package it.ksanctions.notifications.infrastructure;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operations of SEND's B2B API for public administrations that the product uses (MicroProfile
 * REST Client), under the command's SEND base address; every call carries the API key and the PDND
 * voucher. Answers are read as {@link Response}s: the adapter tells each status.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SendApi extends AutoCloseable {

  String API_KEY = "x-api-key";
  String AUTHORIZATION = "Authorization";

  @POST
  @Path("/delivery/attachments/preload")
  Response preload(
      @HeaderParam(API_KEY) String apiKey,
      @HeaderParam(AUTHORIZATION) String bearer,
      JsonArray preloads);

  @POST
  @Path("/delivery/v2.6/requests")
  Response request(
      @HeaderParam(API_KEY) String apiKey,
      @HeaderParam(AUTHORIZATION) String bearer,
      JsonObject request);

  @GET
  @Path("/delivery/v2.6/requests")
  Response status(
      @HeaderParam(API_KEY) String apiKey,
      @HeaderParam(AUTHORIZATION) String bearer,
      @QueryParam("notificationRequestId") String notificationRequestId,
      @QueryParam("paProtocolNumber") String paProtocolNumber,
      @QueryParam("idempotenceToken") String idempotenceToken);

  @POST
  @Path("/delivery-progresses/v2.9/streams")
  Response createStream(
      @HeaderParam(API_KEY) String apiKey,
      @HeaderParam(AUTHORIZATION) String bearer,
      JsonObject stream);

  @GET
  @Path("/delivery-progresses/v2.9/streams/{streamId}/events")
  Response events(
      @HeaderParam(API_KEY) String apiKey,
      @HeaderParam(AUTHORIZATION) String bearer,
      @PathParam("streamId") String streamId,
      @QueryParam("lastEventId") String lastEventId);

  @GET
  @Path("/delivery-push/{iun}/download/legal-facts/{legalFactId}")
  Response legalFact(
      @HeaderParam(API_KEY) String apiKey,
      @HeaderParam(AUTHORIZATION) String bearer,
      @PathParam("iun") String iun,
      @PathParam("legalFactId") String legalFactId);

  @Override
  void close();
}
