package it.ksanctions.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Ends a browser session here and at the identity provider (OpenID Connect RP-initiated logout),
 * then sends the browser to {@code home}: the one logout of the back office and the vendor console.
 */
public final class OidcLogout {

  private OidcLogout() {}

  public static void endSession(
      HttpServletRequest request, HttpServletResponse response, String home) throws IOException {
    String idToken = null;
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> oidc
        && oidc.getOidcSecurityContext() != null) {
      idToken = oidc.getOidcSecurityContext().getIDTokenString();
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
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

  /** This server's root for the request, with {@code path} appended. */
  public static String serverUrl(HttpServletRequest request, String path) {
    return request.getScheme()
        + "://"
        + request.getServerName()
        + ":"
        + request.getServerPort()
        + request.getContextPath()
        + path;
  }
}
