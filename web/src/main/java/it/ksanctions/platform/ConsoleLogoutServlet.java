package it.ksanctions.platform;

import it.ksanctions.web.security.OidcLogout;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /console/esci}: ends the console session here and at the identity provider (RP-initiated
 * logout), then back to the platform's home page.
 */
@WebServlet("/console/esci")
public class ConsoleLogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    OidcLogout.endSession(request, response, OidcLogout.serverUrl(request, "/"));
  }
}
