package it.ksanctions.notifications.infrastructure;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * PDND's token endpoint (MicroProfile REST Client, base address = the endpoint itself): a client
 * assertion exchanged for a voucher. The answer is read as a {@link Response}: the caller tells
 * each status.
 */
public interface PdndTokenApi extends AutoCloseable {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  Response token(Form form);

  /** Releases the client's connections. */
  @Override
  void close();
}
