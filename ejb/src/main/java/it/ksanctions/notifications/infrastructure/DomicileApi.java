package it.ksanctions.notifications.infrastructure;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The digital-domicile registers the product reads through PDND (MicroProfile REST Client): INAD's
 * extract by codice fiscale and INI-PEC's lookup by tax code, each under its own base address, with
 * the command's PDND voucher. Answers are read as {@link Response}s: the adapter tells each status.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface DomicileApi extends AutoCloseable {

  /** INAD: the digital domicile a person elected. */
  @GET
  @Path("/extract/{codiceFiscale}")
  Response extract(
      @PathParam("codiceFiscale") String codiceFiscale,
      @QueryParam("practicalReference") String practicalReference,
      @HeaderParam("Authorization") String authorization);

  /** INI-PEC: the PEC a company or professional registered. */
  @GET
  @Path("/{identifier}")
  Response lookup(
      @PathParam("identifier") String identifier,
      @HeaderParam("Authorization") String authorization);

  /** Releases the client's connections. */
  @Override
  void close();
}
