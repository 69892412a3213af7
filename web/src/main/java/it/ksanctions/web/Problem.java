package it.ksanctions.web;

import it.ksanctions.shared.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}); {@code errors} lists the
 * offending fields of a 400.
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Response response(Response.Status status, String detail) {
    return response(status, detail, null);
  }

  public static Response response(Response.Status status, String detail, List<FieldError> errors) {
    return builder(status, detail, errors).build();
  }

  public static Response.ResponseBuilder builder(Response.Status status, String detail) {
    return builder(status, detail, null);
  }

  private static Response.ResponseBuilder builder(
      Response.Status status, String detail, List<FieldError> errors) {
    Problem problem =
        new Problem(
            "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    return Response.status(status).type(MEDIA_TYPE).entity(problem);
  }
}
