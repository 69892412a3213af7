package it.ksanctions.articles.api;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.InvalidArticleCodeException;
import it.ksanctions.articles.domain.NotificationBeforeViolationException;
import it.ksanctions.articles.domain.PaymentWindows;
import it.ksanctions.articles.infrastructure.ArticleVersionRow;
import it.ksanctions.command.application.CommandFees;
import it.ksanctions.command.domain.FeeSchedule;
import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.platform.domain.FieldError;
import it.ksanctions.platform.domain.InvalidRequestException;
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
 * The Articles catalogue of the tenant in scope (SPEC ART-1, ART-4): {@code GET
 * /t/<slug>/api/v1/articles?q=} and {@code GET /t/<slug>/api/v1/articles/{code}/amounts
 * ?violationAt=<ISO local date-time>&notifiedOn=<ISO date>&channel=PEC|POST|SEND|ABROAD}, whose
 * windows carry the command's fees and the total due (CMD-2). Amounts are strings with two decimals
 * ("230.67"), as money should travel in JSON.
 */
@Path("/v1/articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class ArticleResource {

  /**
   * One version of an article. {@code municipalReducedAmount} is the reduced amount set by the
   * Giunta for a local regulation (L. 689/1981 art. 16 c. 2, ADR 0004), "0.00" like the other
   * amounts, or null when none is set (always for Highway Code articles); like every null field
   * ({@code validTo}, a window's {@code lastDay}) it is then left out of the JSON.
   */
  public record ArticleVersionView(
      String code,
      String description,
      String minimum,
      String maximum,
      String municipalReducedAmount,
      boolean nightIncrease,
      List<String> accessorySanctions,
      String status,
      LocalDate validFrom,
      LocalDate validTo,
      String legalSource) {

    static ArticleVersionView of(ArticleVersionRow row) {
      return new ArticleVersionView(
          row.getCode(),
          row.getDescription(),
          row.getMinimumAmount().setScale(2).toPlainString(),
          row.getMaximumAmount().setScale(2).toPlainString(),
          row.getMunicipalReducedAmount() == null
              ? null
              : row.getMunicipalReducedAmount().setScale(2).toPlainString(),
          row.isNightIncrease(),
          row.getAccessorySanctions().stream().map(Enum::name).sorted().toList(),
          row.getStatus(),
          row.getValidFrom(),
          row.getValidTo(),
          row.getLegalSource());
    }
  }

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

  @Inject ArticleCatalogue catalogue;
  @Inject CommandFees fees;

  @GET
  public List<ArticleVersionView> search(@QueryParam("q") String text) {
    return catalogue.search(text).stream().map(ArticleVersionView::of).toList();
  }

  @GET
  @Path("{code}/amounts")
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
    Optional<ArticleVersionRow> version = catalogue.inForce(article, violation.toLocalDate());
    if (version.isEmpty()) {
      return Problem.response(
          Status.NOT_FOUND,
          "No version of article "
              + article.value()
              + " is in force on "
              + violation.toLocalDate());
    }
    try {
      PaymentWindows windows = catalogue.paymentWindows(version.get(), violation, notified);
      // Fees in force on the violation day; the same lines for every window (never discounted).
      List<FeeLine> lines = fees.charged(violation.toLocalDate(), channel);
      List<FeeView> feeViews =
          lines.stream()
              .map(
                  l ->
                      new FeeView(
                          l.code(),
                          l.description(),
                          l.category().name(),
                          l.amount().setScale(2).toPlainString()))
              .toList();
      return Response.ok(
              new AmountsView(
                  ArticleVersionView.of(version.get()),
                  windows.nightIncrease(),
                  channel == null ? null : channel.name(),
                  windows.windows().stream()
                      .map(
                          w ->
                              new WindowView(
                                  w.type().name(),
                                  w.amount().setScale(2).toPlainString(),
                                  w.lastDay(),
                                  feeViews,
                                  FeeSchedule.total(w.amount(), lines).toPlainString()))
                      .toList()))
          .build();
    } catch (NotificationBeforeViolationException e) {
      throw new InvalidRequestException(List.of(new FieldError("notifiedOn", e.getMessage())));
    }
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
