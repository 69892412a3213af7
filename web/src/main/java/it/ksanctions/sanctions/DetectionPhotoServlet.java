package it.ksanctions.sanctions;

import it.ksanctions.sanctions.application.Detections;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A detection's photo for the back office ({@code /admin/rilevazioni/foto?id=&name=}): served only
 * to staff the Permissions module lets see detections (the back office's access filter has checked
 * the user; {@link Detections} checks the permission), never cached by shared caches.
 */
@WebServlet("/admin/rilevazioni/foto")
public class DetectionPhotoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Detections detections;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long id;
    try {
      id = Long.parseLong(request.getParameter("id"));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    String name = request.getParameter("name");
    Optional<Detections.Photo> photo;
    try {
      photo = name == null ? Optional.empty() : detections.photo(id, name);
    } catch (RuntimeException refused) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (photo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(photo.get().mediaType());
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentLength(photo.get().bytes().length);
    response.getOutputStream().write(photo.get().bytes());
  }
}
