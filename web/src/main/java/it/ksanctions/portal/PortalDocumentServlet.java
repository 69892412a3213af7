package it.ksanctions.portal;

import it.ksanctions.portal.application.PortalFiles;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /t/<slug>/portale/documento?verbale=&tipo=verbale|foto|attestazione&n=}: the act's PDF, a
 * photo, or a legal fact of its notifications, only for a citizen whose session opened the act
 * (else 404, the same as for an act that does not exist). Never cached by the browser or a proxy.
 */
@WebServlet("/portale/documento")
public class PortalDocumentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject PortalFiles files;
  @Inject CitizenSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    Optional<Grant> grant = TenantContext.current().flatMap(tenant -> session.grant(tenant.slug()));
    long verbale;
    int n;
    try {
      verbale = Long.parseLong(request.getParameter("verbale"));
      n = request.getParameter("n") == null ? 0 : Integer.parseInt(request.getParameter("n"));
    } catch (NumberFormatException e) {
      notFound(response);
      return;
    }
    if (grant.isEmpty()) {
      notFound(response);
      return;
    }
    String kind = String.valueOf(request.getParameter("tipo"));
    try {
      switch (kind) {
        case "verbale" -> {
          byte[] pdf = files.pdf(grant.get(), verbale);
          write(response, "application/pdf", "verbale-" + verbale + ".pdf", pdf);
        }
        case "foto" -> {
          CitizenActs.ActPhoto photo = files.photo(grant.get(), verbale, n);
          write(response, photo.mediaType(), null, photo.bytes());
        }
        case "attestazione" -> {
          Object[] fact = files.legalFact(grant.get(), verbale, n);
          write(response, "application/pdf", (String) fact[0], (byte[]) fact[1]);
        }
        default -> notFound(response);
      }
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation)) {
        throw e;
      }
      notFound(response);
    }
  }

  private static void write(
      HttpServletResponse response, String type, String fileName, byte[] content)
      throws IOException {
    response.setContentType(type);
    if (fileName != null) {
      response.setHeader(
          "Content-Disposition",
          "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }
    response.setContentLength(content.length);
    response.getOutputStream().write(content);
  }

  private static void notFound(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("text/plain; charset=UTF-8");
    response
        .getOutputStream()
        .write(
            "Documento non disponibile: accedere al verbale con codice fiscale e PIN."
                .getBytes(StandardCharsets.UTF_8));
  }
}
