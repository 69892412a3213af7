package it.ksanctions.web.backoffice;

import it.ksanctions.tenancy.web.CurrentTenant;
import it.ksanctions.web.security.OidcLogout;
import jakarta.inject.Inject;
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

  @Inject transient CurrentTenant currentTenant;

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    OidcLogout.endSession(
        request, response, OidcLogout.serverUrl(request, currentTenant.pathPrefix() + "/"));
  }
}
