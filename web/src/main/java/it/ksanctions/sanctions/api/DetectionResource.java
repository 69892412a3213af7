package it.ksanctions.sanctions.api;

import it.ksanctions.sanctions.application.Detections;
import it.ksanctions.sanctions.application.Detections.DetectionView;
import it.ksanctions.sanctions.domain.DetectionStatus;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The detections of the tenant (issue 13 item 9): {@code GET /t/<slug>/api/v1/detections?from=&to=
 * &device=&place=&article=&status=&plate=} with the article and the rule that decided each, and
 * {@code GET .../detections/{id}}.
 */
@Path("/v1/detections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class DetectionResource {

  @Inject Detections detections;

  @GET
  public List<DetectionView> search(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("device") String device,
      @QueryParam("place") String place,
      @QueryParam("article") String article,
      @QueryParam("status") String status,
      @QueryParam("plate") String plate) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate fromDay = day(from, "from", errors);
    LocalDate toDay = day(to, "to", errors);
    DetectionStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = DetectionStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "must be one of TO_REVIEW, VALIDATED, ARCHIVED"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return detections.search(
        new Detections.Filter(fromDay, toDay, device, place, article, wanted, plate));
  }

  /** The ids of detections to validate (to review → validated). */
  public record ValidationRequest(List<Long> ids) {}

  /** Validates detections to review, all or none: {@code {"validated": n}}. */
  @jakarta.ws.rs.POST
  @Path("validation")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  public java.util.Map<String, Integer> validate(ValidationRequest request) {
    if (request == null || request.ids() == null || request.ids().isEmpty()) {
      throw new InvalidRequestException(List.of(new FieldError("ids", "give at least one id")));
    }
    return java.util.Map.of("validated", detections.validate(request.ids()));
  }

  @GET
  @Path("{id}")
  public DetectionView detail(@PathParam("id") long id) {
    return detections.detail(id);
  }

  private static LocalDate day(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be an ISO date, e.g. 2026-06-19"));
      return null;
    }
  }
}
