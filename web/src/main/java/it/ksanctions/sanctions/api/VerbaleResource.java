package it.ksanctions.sanctions.api;

import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Verbali (issue 14 item 8): {@code GET /t/<slug>/api/v1/verbali?from=&to=&status=&plate=&q=},
 * {@code GET …/{id}} with the windows and their pagoPA payments, {@code GET …/{id}/pdf}; {@code
 * POST …} issues the act of a validated detection or pre-notice (one act per violation: a second
 * request is refused naming the first act), {@code POST …/{id}/annulment} annuls it with a reason,
 * {@code POST …/{id}/notification} records its perfection date. Visibility as in the back office.
 */
@Path("/v1/verbali")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class VerbaleResource {

  @Inject Verbali verbali;
  @Inject it.ksanctions.sanctions.application.VerbaleIssueRuns issueRuns;

  /** What {@code POST /v1/verbali/issue-runs} asks: the violations to issue, the channel. */
  public record RunRequest(List<Long> detectionIds, List<String> preNoticeIds, String channel) {}

  /** A pagoPA payment of a window. */
  public record PaymentJson(
      String noticeCode, String iuv, long amountCents, String creditorTaxCode, String qrPayload) {}

  /** A payment window of an act. */
  public record WindowJson(
      String type,
      LocalDate lastDay,
      BigDecimal sanction,
      BigDecimal fees,
      BigDecimal total,
      List<PaymentJson> payments) {}

  /** A step of the act's life. */
  public record EventJson(String at, String by, String from, String to, String reason) {}

  /** An act as the API gives it. */
  public record VerbaleJson(
      long id,
      String number,
      String status,
      String statusReason,
      String sourceKind,
      String sourceId,
      LocalDateTime violationAt,
      String placeCode,
      String articleCode,
      String articleTitle,
      int points,
      String plate,
      String country,
      BigDecimal measuredSpeed,
      Integer speedLimit,
      String ownerName,
      String ownerTaxCode,
      String channel,
      LocalDate notificationDeadline,
      LocalDate issuedOn,
      LocalDate notifiedOn,
      List<WindowJson> windows,
      List<EventJson> events) {

    static VerbaleJson of(VerbaleView v) {
      List<WindowJson> windows = new ArrayList<>();
      for (WindowView w : v.windows()) {
        windows.add(
            new WindowJson(
                w.type().name(),
                w.lastDay(),
                w.sanction(),
                w.fees(),
                w.total(),
                w.noticeCode() == null
                    ? List.of()
                    : List.of(
                        new PaymentJson(
                            w.noticeCode(),
                            w.iuv(),
                            w.amountCents(),
                            w.creditorTaxCode(),
                            w.qrPayload()))));
      }
      return new VerbaleJson(
          v.id(),
          v.number(),
          v.status().name(),
          v.statusReason(),
          v.sourceKind().name(),
          v.sourceId(),
          v.violationAt(),
          v.placeCode(),
          v.articleCode(),
          v.articleTitle(),
          v.points(),
          v.plate(),
          v.country(),
          v.measuredSpeed(),
          v.speedLimit(),
          v.ownerName(),
          v.ownerTaxCode(),
          v.channel().name(),
          v.notificationDeadline(),
          v.issuedOn(),
          v.notifiedOn(),
          windows,
          v.events().stream()
              .map(
                  e ->
                      new EventJson(
                          e.at().toString(),
                          e.by(),
                          e.from() == null ? null : e.from().name(),
                          e.to().name(),
                          e.reason()))
              .toList());
    }
  }

  /** What {@code POST /v1/verbali} asks: the detection id or the pre-notice UUID, the channel. */
  public record IssueRequest(Long detectionId, String preNoticeId, String channel) {}

  /** A reason (annulment). */
  public record ReasonRequest(String reason) {}

  /** The perfection date of the notification. */
  public record NotificationRequest(String notifiedOn) {}

  @GET
  public List<VerbaleJson> search(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("plate") String plate,
      @QueryParam("q") String text) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate fromDay = day(from, "from", errors);
    LocalDate toDay = day(to, "to", errors);
    VerbaleStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = VerbaleStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "must be one of " + List.of(VerbaleStatus.values())));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return verbali.search(new Verbali.Filter(fromDay, toDay, wanted, plate, text)).stream()
        .map(VerbaleJson::of)
        .toList();
  }

  @GET
  @Path("{id}")
  public VerbaleJson detail(@PathParam("id") long id) {
    return VerbaleJson.of(verbali.detail(id));
  }

  @GET
  @Path("{id}/pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") long id) {
    byte[] pdf = verbali.pdf(id).orElseThrow(NotFoundException::new);
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"verbale-" + id + ".pdf\"")
        .build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(IssueRequest request) {
    Wanted wanted = wanted(request);
    VerbaleView issued = verbali.issue(wanted.source(), wanted.channel()).verbale();
    return Response.status(Response.Status.CREATED).entity(VerbaleJson.of(issued)).build();
  }

  /**
   * The draft of an act (ADR 0008): the same request as an issue, answered with the PDF the act
   * would have, marked "BOZZA", with the same refusals; nothing is kept, no number is taken.
   */
  @POST
  @Path("drafts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces("application/pdf")
  public Response draft(IssueRequest request) {
    Wanted wanted = wanted(request);
    byte[] pdf = verbali.draft(wanted.source(), wanted.channel()).pdf();
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"bozza-verbale.pdf\"")
        .build();
  }

  private record Wanted(Verbali.Source source, NotificationChannel channel) {}

  private static Wanted wanted(IssueRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Verbali.Source source = null;
    if (request == null
        || (request.detectionId() == null)
            == (request.preNoticeId() == null || request.preNoticeId().isBlank())) {
      errors.add(new FieldError("detectionId", "give exactly one of detectionId, preNoticeId"));
    } else if (request.detectionId() != null) {
      source = Verbali.Source.detection(request.detectionId());
    } else {
      try {
        source = Verbali.Source.preNotice(UUID.fromString(request.preNoticeId().strip()));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("preNoticeId", "must be a UUID"));
      }
    }
    NotificationChannel channel = null;
    if (request != null && request.channel() != null && !request.channel().isBlank()) {
      try {
        channel = NotificationChannel.valueOf(request.channel().strip());
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("channel", "must be one of " + List.of(NotificationChannel.values())));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new Wanted(source, channel);
  }

  /** Starts a bulk issue (Jakarta Batch): 202 with the run; follow it at its URL. */
  @POST
  @Path("issue-runs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startRun(RunRequest request) {
    List<FieldError> errors = new ArrayList<>();
    List<Verbali.Source> sources = new ArrayList<>();
    if (request != null && request.detectionIds() != null) {
      for (Long id : request.detectionIds()) {
        if (id == null) {
          errors.add(new FieldError("detectionIds", "must not contain null"));
        } else {
          sources.add(Verbali.Source.detection(id));
        }
      }
    }
    if (request != null && request.preNoticeIds() != null) {
      for (String id : request.preNoticeIds()) {
        try {
          sources.add(Verbali.Source.preNotice(UUID.fromString(id == null ? "" : id.strip())));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("preNoticeIds", "must be UUIDs: " + id));
        }
      }
    }
    NotificationChannel channel = null;
    if (request != null && request.channel() != null && !request.channel().isBlank()) {
      try {
        channel = NotificationChannel.valueOf(request.channel().strip());
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("channel", "must be one of " + List.of(NotificationChannel.values())));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var run = issueRuns.start(sources, channel);
    return Response.accepted(run).header("Location", "issue-runs/" + run.id()).build();
  }

  @GET
  @Path("issue-runs/{id}")
  public it.ksanctions.sanctions.application.VerbaleIssueRuns.RunView run(
      @PathParam("id") long id) {
    return issueRuns.status(id);
  }

  @GET
  @Path("issue-runs/{id}/refused")
  public List<it.ksanctions.sanctions.application.VerbaleIssueRuns.RefusedItem> runRefused(
      @PathParam("id") long id) {
    return issueRuns.refused(id);
  }

  @POST
  @Path("{id}/annulment")
  @Consumes(MediaType.APPLICATION_JSON)
  public VerbaleJson annul(@PathParam("id") long id, ReasonRequest request) {
    return VerbaleJson.of(verbali.annul(id, request == null ? null : request.reason()));
  }

  @POST
  @Path("{id}/notification")
  @Consumes(MediaType.APPLICATION_JSON)
  public VerbaleJson notified(@PathParam("id") long id, NotificationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate day = day(request == null ? null : request.notifiedOn(), "notifiedOn", errors);
    if (day == null && errors.isEmpty()) {
      errors.add(new FieldError("notifiedOn", "is required, an ISO date"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return VerbaleJson.of(verbali.notified(id, day));
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
