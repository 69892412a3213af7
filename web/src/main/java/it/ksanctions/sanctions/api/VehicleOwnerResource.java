package it.ksanctions.sanctions.api;

import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.VehicleOwners.Recorded;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleOwner;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Vehicle owners (issue 13 item 5), staff bearer token, module Pre-notices:
 *
 * <ul>
 *   <li>{@code GET /t/<slug>/api/v1/vehicle-owners/{plate}?country=IT&on=2026-06-19} → the owner on
 *       that day (default today), 404 when the plate is not known;
 *   <li>{@code POST /t/<slug>/api/v1/vehicle-owners} {@code {"plate", "country", "name", "taxCode",
 *       "street", "postcode", "municipality", "province", "pec"}} → 201 with the new record, or 200
 *       with the plate's latest record when it already says the same (idempotent).
 * </ul>
 */
@Path("/v1/vehicle-owners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class VehicleOwnerResource {

  /** The owner as the API tells it. */
  public record OwnerJson(
      String plate,
      String country,
      String kind,
      String name,
      String taxCode,
      String street,
      String postcode,
      String municipality,
      String province,
      String pec,
      String source,
      Instant recordedAt,
      String recordedBy) {

    static OwnerJson of(VehicleOwner o) {
      return new OwnerJson(
          o.plate(),
          o.country(),
          o.kind().name(),
          o.name(),
          o.taxCode(),
          o.street(),
          o.postcode(),
          o.municipality(),
          o.province(),
          o.pec(),
          o.source().name(),
          o.recordedAt(),
          o.recordedBy());
    }
  }

  /** An owner to record. */
  public record OwnerRequest(
      String plate,
      String country,
      String name,
      String taxCode,
      String street,
      String postcode,
      String municipality,
      String province,
      String pec) {}

  @Inject VehicleOwners owners;

  @GET
  @Path("{plate}")
  public OwnerJson owner(
      @PathParam("plate") String plate,
      @QueryParam("country") String country,
      @QueryParam("on") String on) {
    LocalDate day = null;
    if (on != null && !on.isBlank()) {
      try {
        day = LocalDate.parse(on.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            List.of(new FieldError("on", "must be an ISO date, e.g. 2026-06-19")));
      }
    }
    return owners
        .lookup(plate, country, day)
        .map(OwnerJson::of)
        .orElseThrow(
            () ->
                new SanctionsRuleException(
                    "sanctions.vehicle-owner.unknown",
                    "Nessun proprietario registrato per la targa indicata.",
                    Kind.NOT_FOUND));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(OwnerRequest request) {
    if (request == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("body", "a JSON object with the owner is required")));
    }
    Recorded recorded =
        owners.record(
            new OwnerData(
                request.plate(),
                request.country(),
                request.name(),
                request.taxCode(),
                request.street(),
                request.postcode(),
                request.municipality(),
                request.province(),
                request.pec()));
    return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(OwnerJson.of(recorded.owner()))
        .build();
  }
}
