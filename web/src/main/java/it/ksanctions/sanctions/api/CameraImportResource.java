package it.ksanctions.sanctions.api;

import it.ksanctions.sanctions.application.CameraImports;
import it.ksanctions.sanctions.application.CameraImports.ImportView;
import it.ksanctions.sanctions.application.CameraImports.RefusedRow;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Camera files of the tenant's fixed devices (issue 13 items 3 and 9):
 *
 * <ul>
 *   <li>{@code POST /t/<slug>/api/v1/camera-imports} ({@code multipart/form-data}: {@code device},
 *       {@code operator}, optional {@code note}, {@code file}, optional {@code photos} ZIP) → 202
 *       with the import and its {@code Location}; a refused file (over 50 MB, unknown device or one
 *       that gives no detections, format other than the device's declared one, unreadable) is a 400
 *       problem in Italian and nothing is stored;
 *   <li>{@code GET .../camera-imports/{id}} the import's progress and outcome;
 *   <li>{@code GET .../camera-imports/{id}/report} the refused rows (row, reasons by column);
 *   <li>{@code POST .../camera-imports/{id}/cancel}, {@code /stop}, {@code /restart}.
 * </ul>
 */
@Path("/v1/camera-imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class CameraImportResource {

  @Inject CameraImports imports;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(List<EntityPart> parts, @jakarta.ws.rs.core.Context UriInfo uri)
      throws IOException {
    String device = null;
    String operator = null;
    String note = null;
    String fileName = null;
    byte[] file = null;
    String photosName = null;
    byte[] photos = null;
    for (EntityPart part : parts) {
      switch (part.getName()) {
        case "device" -> device = text(part);
        case "operator" -> operator = text(part);
        case "note" -> note = text(part);
        case "file" -> {
          fileName = part.getFileName().orElse("file");
          file = upTo(part, CameraImports.MAX_FILE_BYTES);
        }
        case "photos" -> {
          photosName = part.getFileName().orElse("foto.zip");
          photos = upTo(part, CameraImports.MAX_PHOTOS_BYTES);
        }
        default -> {
          // other parts are ignored
        }
      }
    }
    List<FieldError> errors = new ArrayList<>();
    if (device == null || device.isBlank()) {
      errors.add(new FieldError("device", "is required: the code of a fixed device"));
    }
    if (operator == null || operator.isBlank()) {
      errors.add(new FieldError("operator", "is required: the operator responsible for the file"));
    }
    if (file == null) {
      errors.add(new FieldError("file", "is required: the camera file"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    ImportView started =
        imports.start(
            new CameraImports.NewImport(
                device, operator, note, fileName, file, photosName, photos));
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build())
        .build();
  }

  @GET
  @Path("{id}")
  public ImportView status(@PathParam("id") long id) {
    return imports.status(id);
  }

  @GET
  @Path("{id}/report")
  public List<RefusedRow> report(@PathParam("id") long id) {
    return imports.report(id);
  }

  @POST
  @Path("{id}/cancel")
  public ImportView cancel(@PathParam("id") long id) {
    return imports.cancel(id);
  }

  @POST
  @Path("{id}/stop")
  public ImportView stop(@PathParam("id") long id) {
    return imports.stop(id);
  }

  @POST
  @Path("{id}/restart")
  public ImportView restart(@PathParam("id") long id) {
    return imports.restart(id);
  }

  private static String text(EntityPart part) throws IOException {
    return new String(bytes(part, 10_000), java.nio.charset.StandardCharsets.UTF_8).strip();
  }

  /**
   * The part's bytes up to one beyond {@code limit}, without reading more: a larger file reaches
   * the service one byte over its limit, and the service refuses it with its Italian reason (400).
   */
  private static byte[] upTo(EntityPart part, int limit) throws IOException {
    try (InputStream in = part.getContent()) {
      return in.readNBytes(limit + 1);
    }
  }

  /** The part's bytes, refused beyond {@code limit} without reading all of it. */
  private static byte[] bytes(EntityPart part, int limit) throws IOException {
    try (InputStream in = part.getContent()) {
      byte[] content = in.readNBytes(limit + 1);
      if (content.length > limit) {
        throw new InvalidRequestException(
            List.of(
                new FieldError(
                    part.getName(), "is larger than " + (limit / (1024 * 1024)) + " MB")));
      }
      return content;
    }
  }
}
