package it.ksanctions.sanctions.api;

import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.Filter;
import it.ksanctions.sanctions.application.PreNotices.Summary;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code GET
 * /t/<slug>/api/v1/pre-notices?from=2026-11-01&to=2026-11-30&status=RECORDED&device=PALM-01}: the
 * pre-notices the caller sees (staff bearer token; module PRE_NOTICES; PRM-6 visibility of their
 * role: their own, their department's or all), violation days in Italian time, newest first, at
 * most 1,000. Photos are not listed, only their number.
 */
@Path("/v1/pre-notices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class PreNoticeResource {

  /** A pre-notice in the list. */
  public record PreNoticeJson(
      UUID id,
      String origin,
      Instant violationAt,
      String placeCode,
      String articleCode,
      String plate,
      String plateCountry,
      String vehicleType,
      String officer,
      String department,
      String status,
      int photos,
      String deviceCode,
      String verbaleNumber,
      Instant recordedAt) {

    static PreNoticeJson of(Summary s) {
      return new PreNoticeJson(
          s.id(),
          s.origin().name(),
          s.violationAt(),
          s.placeCode(),
          s.articleCode(),
          s.plate(),
          s.plateCountry(),
          s.vehicleType().name(),
          s.officer(),
          s.department(),
          s.status().name(),
          s.photoCount(),
          s.deviceCode(),
          s.verbaleNumber(),
          s.recordedAt());
    }
  }

  private static final java.util.regex.Pattern DEVICE =
      java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{1,29}$");

  @Inject PreNotices preNotices;

  @GET
  public List<PreNoticeJson> list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("device") String device) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate fromDay = day(from, "from", errors);
    LocalDate toDay = day(to, "to", errors);
    PreNoticeStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = PreNoticeStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "uno tra RECORDED, VALIDATED, ARCHIVED"));
      }
    }
    if (device != null && !device.isBlank() && !DEVICE.matcher(device.strip()).matches()) {
      errors.add(
          new FieldError(
              "device", "codice di dispositivo: 2-30 caratteri tra lettere, cifre e . _ -"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return preNotices
        .search(new Filter(fromDay, toDay, device, null, null, null, wanted, null))
        .stream()
        .map(PreNoticeJson::of)
        .toList();
  }

  private static LocalDate day(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "data ISO-8601, es. 2026-11-23"));
      return null;
    }
  }
}
