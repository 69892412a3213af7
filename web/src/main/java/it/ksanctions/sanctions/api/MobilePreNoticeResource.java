package it.ksanctions.sanctions.api;

import it.ksanctions.sanctions.application.MobilePreNotices;
import it.ksanctions.sanctions.application.MobilePreNotices.ItemResult;
import it.ksanctions.sanctions.application.MobilePreNotices.UploadItem;
import it.ksanctions.sanctions.application.MobilePreNotices.UploadReport;
import it.ksanctions.sanctions.application.PreNoticeIntake.Outcome;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code POST /t/<slug>/api/v1/mobile/pre-notices}: the mobile app uploads the pre-notices recorded
 * in the field (DEV-4, LIF-1), with the officer's bearer token and the device's headers {@code
 * X-Device-Id}, {@code X-Device-Credential}, {@code X-App-Version} — the same authentication as the
 * sync, so an unknown, inactive or foreign device, a wrong credential or a device assigned to
 * somebody else answers 401 (logged and alerted).
 *
 * <p>Body {@code {"items": [{"id": "<UUID>", "violationAt": "2026-11-23T10:15:30Z", "placeCode",
 * "articleCode", "plate", "plateCountry", "vehicleType", "notes", "verbaleNumber", "photos":
 * ["<base64 JPEG or PNG>"]}]}}, at most 100 items. The answer (200) says per item {@code CREATED},
 * {@code ALREADY_RECEIVED} (same UUID sent before: the batch may be resent as a whole) or {@code
 * REFUSED} with the rule's code and Italian reason; {@code session} is the sync-session log entry.
 */
@Path("/v1/mobile/pre-notices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class MobilePreNoticeResource {

  /** The batch as the app sends it. */
  public record Batch(List<UploadItem> items) {}

  /** The answer: the counts and one result per item, in the order sent. */
  public record BatchAnswer(
      long session,
      int received,
      long created,
      long alreadyReceived,
      long refused,
      List<ItemResult> items) {

    static BatchAnswer of(UploadReport report) {
      return new BatchAnswer(
          report.session(),
          report.items().size(),
          report.count(Outcome.CREATED),
          report.count(Outcome.ALREADY_RECEIVED),
          report.count(Outcome.REFUSED),
          report.items());
    }
  }

  @Inject MobilePreNotices preNotices;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public BatchAnswer upload(
      @HeaderParam("X-Device-Id") String deviceId,
      @HeaderParam("X-Device-Credential") String credential,
      @HeaderParam("X-App-Version") String appVersion,
      @HeaderParam("Content-Length") String contentLength,
      Batch batch) {
    if (batch == null || batch.items() == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("items", "obbligatorio: l'elenco dei preavvisi")));
    }
    return BatchAnswer.of(
        preNotices.upload(deviceId, credential, appVersion, batch.items(), bytes(contentLength)));
  }

  private static long bytes(String contentLength) {
    try {
      return contentLength == null ? 0 : Math.max(0, Long.parseLong(contentLength.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
