package it.ksanctions.portal;

import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code /t/<slug>/portale/lingua?l=en&back=verbale.xhtml?id=5}: the header's "Italiano | English"
 * switch. Keeps the choice in the HTTP session and in a cookie for a year, then sends the citizen
 * back to the page they were on — only to a page of this portal (no open redirect): anything else
 * goes to the portal's home.
 */
@WebServlet("/portale/lingua")
public class PortalLanguageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** A portal page with its query: {@code verbale.xhtml?id=5}, nothing that leaves the portal. */
  static final Pattern PAGE =
      Pattern.compile("[a-z0-9-]{1,40}\\.xhtml(\\?[A-Za-z0-9_.%=&-]{0,200})?");

  private static final int COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

  @Inject CurrentTenant tenant;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (tenant.serving().isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String language = request.getParameter("l");
    if (PortalLanguage.supported(language)) {
      request.getSession(true).setAttribute(PortalLanguage.SESSION_ATTRIBUTE, language);
      Cookie cookie = new Cookie(PortalLanguage.COOKIE, language);
      cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
      cookie.setMaxAge(COOKIE_AGE);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
    response.sendRedirect(
        request.getContextPath() + tenant.pathPrefix() + "/portale/" + back(request));
  }

  /** The page to go back to, when it is a page of the portal; else the home page. */
  static String back(HttpServletRequest request) {
    String back = request.getParameter("back");
    return back != null && PAGE.matcher(back).matches() ? back : "";
  }
}
