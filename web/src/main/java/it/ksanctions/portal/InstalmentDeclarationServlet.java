package it.ksanctions.portal;

import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.shared.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /admin/rateizzazioni/dichiarazione?id=}: the income self-declaration of an instalment
 * request, for officers with access to Pagamenti (checked by the service); always downloaded, never
 * shown inline.
 */
@WebServlet("/admin/rateizzazioni/dichiarazione")
public class InstalmentDeclarationServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject InstalmentRequests requests;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    Object[] file;
    try {
      file = requests.declaration(Long.parseLong(request.getParameter("id")));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (RuntimeException e) {
      if (e instanceof RuleViolation violation) {
        response.sendError(
            violation.kind() == RuleViolation.Kind.NOT_FOUND
                ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      throw e;
    }
    byte[] content = (byte[]) file[2];
    response.setContentType((String) file[1]);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + ((String) file[0]).replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    response.setContentLength(content.length);
    response.getOutputStream().write(content);
  }
}
