package it.ksanctions.sanctions;

import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PhotoContent;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /t/<slug>/admin/preavviso-foto?id=<UUID>&n=<position>}: a photo of a pre-notice the
 * signed-in user sees (the back-office filter signs them in; the service applies the permission and
 * the visibility policy). Anything else is a 404, never a hint that the pre-notice exists.
 */
@WebServlet("/admin/preavviso-foto")
public class PreNoticePhotoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject PreNotices preNotices;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<PhotoContent> photo;
    try {
      UUID id = UUID.fromString(String.valueOf(request.getParameter("id")));
      int position = Integer.parseInt(String.valueOf(request.getParameter("n")));
      photo = preNotices.photo(id, position);
    } catch (IllegalArgumentException e) {
      photo = Optional.empty();
    } catch (AccessDeniedException e) {
      // not allowed (e.g. the role lost the module): the same answer as a missing photo
      photo = Optional.empty();
    }
    if (photo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(photo.get().contentType());
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(photo.get().content().length);
    response.getOutputStream().write(photo.get().content());
  }
}
