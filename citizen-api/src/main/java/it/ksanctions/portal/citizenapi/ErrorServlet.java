package it.ksanctions.portal.citizenapi;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of every status the container answers itself (WEB-INF/web.xml): above all the 401
 * of MicroProfile JWT for a missing, invalid, expired or foreign token, which never reaches the
 * JAX-RS resources. Answers the same Italian problem document as the API's own refusals.
 */
@WebServlet(ErrorServlet.PATH)
public class ErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/errore";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    if (isUnverifiableToken(request, status)) {
      status = HttpServletResponse.SC_UNAUTHORIZED;
    }
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    if (status == HttpServletResponse.SC_UNAUTHORIZED
        && response.getHeader("WWW-Authenticate") == null) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"ksanctions-citizens\"");
    }
    response.getOutputStream().write(Problems.jsonBytes(status, Problems.detail(status)));
  }

  /**
   * Whether a 500 is MicroProfile JWT's answer to a bearer token it could not verify for want of a
   * key: SmallRye JWT (4.3) answers a token signed with a key the realm does not publish (forged,
   * another realm's, a rotated-away key) with {@code sendError(500)} ("SRJWT11003: Failed to
   * resolve the key") instead of a 401. Such a 500 comes before any application code (no caller, no
   * exception): for the client it is a token that is not valid here. (The same answer when the
   * realm's keys cannot be fetched at all, ADR 0012.)
   */
  static boolean isUnverifiableToken(HttpServletRequest request, int status) {
    String authorization = request.getHeader("Authorization");
    return status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
        && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
        && request.getUserPrincipal() == null
        && authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
  }
}
