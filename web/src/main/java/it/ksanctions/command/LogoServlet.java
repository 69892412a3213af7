package it.ksanctions.command;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.domain.RegistryImage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** {@code /t/<slug>/admin/logo}: the command's logo as uploaded in its registry (CMD-1). */
@WebServlet("/admin/logo")
public class LogoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject CommandRegistryAdministration registry;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<RegistryImage> logo = registry.logo();
    if (logo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(logo.get().contentType());
    response.setHeader("Cache-Control", "private, max-age=60");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(logo.get().content().length);
    response.getOutputStream().write(logo.get().content());
  }
}
