package it.ksanctions.payments.infrastructure;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operations of pagoPA GPD the product uses (MicroProfile REST Client), under the command's
 * pagoPA base address: debt positions ({@code debt-positions-service/v1}, OpenAPI "GPD external
 * v1") and receipts ({@code payments-receipts-service/v1}, "GPD payments receipts"). Answers are
 * read as {@link Response}s: the adapter tells each status.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GpdApi extends AutoCloseable {

  String KEY = "Ocp-Apim-Subscription-Key";

  @POST
  @Path("/debt-positions-service/v1/organizations/{fc}/debtpositions")
  Response create(
      @HeaderParam(KEY) String key,
      @PathParam("fc") String organization,
      @QueryParam("toPublish") boolean toPublish,
      JsonObject position);

  @PUT
  @Path("/debt-positions-service/v1/organizations/{fc}/debtpositions/{iupd}")
  Response update(
      @HeaderParam(KEY) String key,
      @PathParam("fc") String organization,
      @PathParam("iupd") String iupd,
      @QueryParam("toPublish") boolean toPublish,
      JsonObject position);

  @GET
  @Path("/debt-positions-service/v1/organizations/{fc}/debtpositions/{iupd}")
  Response get(
      @HeaderParam(KEY) String key,
      @PathParam("fc") String organization,
      @PathParam("iupd") String iupd);

  @POST
  @Path("/debt-positions-service/v1/organizations/{fc}/debtpositions/{iupd}/invalidate")
  Response invalidate(
      @HeaderParam(KEY) String key,
      @PathParam("fc") String organization,
      @PathParam("iupd") String iupd);

  @GET
  @Path("/payments-receipts-service/v1/payments/{fc}/receipts")
  Response receipts(
      @HeaderParam(KEY) String key,
      @PathParam("fc") String organization,
      @QueryParam("page") int page,
      @QueryParam("limit") int limit,
      @QueryParam("from") String from,
      @QueryParam("to") String to);

  @GET
  @Path("/payments-receipts-service/v1/payments/{fc}/receipts/{iuv}")
  Response receipt(
      @HeaderParam(KEY) String key,
      @PathParam("fc") String organization,
      @PathParam("iuv") String iuv);

  @Override
  void close();
}
