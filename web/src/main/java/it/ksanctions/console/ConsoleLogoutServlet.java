package it.ksanctions.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.wildfly.security.http.oidc.OidcPrincipal;

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
    String idToken = null;
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> oidc
        && oidc.getOidcSecurityContext() != null) {
      idToken = oidc.getOidcSecurityContext().getIDTokenString();
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String home =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + request.getContextPath()
            + "/";
    String provider =
        ConfigProvider.getConfig()
            .getOptionalValue("ksanctions.oidc.provider-url", String.class)
            .orElse(null);
    if (provider == null || idToken == null) {
      response.sendRedirect(home);
      return;
    }
    response.sendRedirect(
        provider
            + "/protocol/openid-connect/logout?client_id=ksanctions-web&id_token_hint="
            + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
            + "&post_logout_redirect_uri="
            + URLEncoder.encode(home, StandardCharsets.UTF_8));
  }
}
