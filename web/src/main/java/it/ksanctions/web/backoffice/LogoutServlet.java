package it.ksanctions.web.backoffice;

import it.ksanctions.tenancy.web.TenantResolutionFilter;
import it.ksanctions.web.security.OidcLogout;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /t/<slug>/admin/esci}: ends the back-office session here and at the identity provider
 * (OpenID Connect RP-initiated logout), then back to the command's home page.
 */
@WebServlet("/admin/esci")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object prefix = request.getAttribute(TenantResolutionFilter.PATH_PREFIX_ATTRIBUTE);
    OidcLogout.endSession(
        request, response, OidcLogout.serverUrl(request, (prefix == null ? "" : prefix) + "/"));
  }
}
