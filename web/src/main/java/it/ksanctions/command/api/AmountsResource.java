package it.ksanctions.command.api;

import it.ksanctions.articles.api.ArticleResource.ArticleVersionView;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.InvalidArticleCodeException;
import it.ksanctions.articles.domain.NotificationBeforeViolationException;
import it.ksanctions.command.application.AmountsDue;
import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Problem;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The amounts of a violation (SPEC ART-4, CMD-2): {@code GET
 * /t/<slug>/api/v1/articles/{code}/amounts?violationAt=<ISO local date-time>&notifiedOn=<ISO
 * date>&channel=PEC|POST|SEND|ABROAD}. Each payment window carries the command's fees and the total
 * due ({@link AmountsDue}). Amounts are strings with two decimals ("230.67"), as money should
 * travel in JSON.
 */
@Path("/v1/articles/{code}/amounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class AmountsResource {

  /** A fee of the command charged with the sanction (CMD-2), never discounted. */
  public record FeeView(String code, String description, String category, String amount) {}

  /**
   * One payment window: type, the sanction amount, last day (null when it has none), the command's
   * fees and the total due (sanction + assessment fees + notification fees of the channel).
   */
  public record WindowView(
      String type, String amount, LocalDate lastDay, List<FeeView> fees, String total) {}

  /** The answer of the amounts endpoint; {@code channel} is null when none was asked. */
  public record AmountsView(
      ArticleVersionView articleVersion,
      boolean nightIncrease,
      String channel,
      List<WindowView> windows) {}

  @Inject AmountsDue amountsDue;

  @GET
  public Response amounts(
      @PathParam("code") String code,
      @QueryParam("violationAt") String violationAt,
      @QueryParam("notifiedOn") String notifiedOn,
      @QueryParam("channel") String channelName) {
    List<FieldError> errors = new ArrayList<>();
    NotificationChannel channel = null;
    if (channelName != null && !channelName.isBlank()) {
      try {
        channel = NotificationChannel.valueOf(channelName.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("channel", "must be one of PEC, POST, SEND, ABROAD"));
      }
    }
    ArticleCode article = null;
    try {
      article = ArticleCode.parse(code);
    } catch (InvalidArticleCodeException e) {
      errors.add(new FieldError("code", e.getMessage()));
    }
    LocalDateTime violation =
        parse(
            violationAt,
            "violationAt",
            "an ISO local date-time, e.g. 2026-06-19T23:30",
            errors,
            LocalDateTime::parse);
    LocalDate notified =
        parse(notifiedOn, "notifiedOn", "an ISO date, e.g. 2026-06-19", errors, LocalDate::parse);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Optional<AmountsDue.Quote> quote;
    try {
      quote = amountsDue.quote(article, violation, notified, channel);
    } catch (NotificationBeforeViolationException e) {
      throw new InvalidRequestException(List.of(new FieldError("notifiedOn", e.getMessage())));
    }
    if (quote.isEmpty()) {
      return Problem.response(
          Status.NOT_FOUND,
          "No version of article "
              + article.value()
              + " is in force on "
              + violation.toLocalDate());
    }
    AmountsDue.Quote q = quote.get();
    List<FeeView> feeViews = q.fees().stream().map(AmountsResource::view).toList();
    return Response.ok(
            new AmountsView(
                ArticleVersionView.of(q.version()),
                q.windows().nightIncrease(),
                channel == null ? null : channel.name(),
                q.windows().windows().stream()
                    .map(
                        w ->
                            new WindowView(
                                w.type().name(),
                                w.amount().setScale(2).toPlainString(),
                                w.lastDay(),
                                feeViews,
                                q.total(w).toPlainString()))
                    .toList()))
        .build();
  }

  private static FeeView view(FeeLine line) {
    return new FeeView(
        line.code(),
        line.description(),
        line.category().name(),
        line.amount().setScale(2).toPlainString());
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(
      String value, String field, String expected, List<FieldError> errors, Parser<T> parser) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required: " + expected));
      return null;
    }
    try {
      return parser.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be " + expected));
      return null;
    }
  }
}
