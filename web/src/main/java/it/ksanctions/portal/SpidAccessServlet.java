package it.ksanctions.portal;

import it.ksanctions.portal.application.CitizenIdentityProvider;
import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import it.ksanctions.portal.application.CitizenIdentityProvider.VerifiedCitizen;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Access with SPID or CIE through the citizens' realm (issue 16 item 1, ADR 0011):
 *
 * <ul>
 *   <li>{@code /t/<slug>/portale/spid/login}: a new state, nonce and PKCE verifier in the HTTP
 *       session, then the realm's authorization endpoint with {@code kc_idp_hint=spid};
 *   <li>{@code /t/<slug>/portale/spid/callback}: the state checked against the session's, the code
 *       exchanged and the ID token verified; the session id changes, the session gets a grant for
 *       every act of the codice fiscale in the tenant, and the citizen goes to the personal area;
 *   <li>{@code /t/<slug>/portale/spid/esci}: the grant is dropped and the realm's session ended.
 * </ul>
 *
 * Every failure (state mismatch or a stale login, consent denied, an invalid token, the realm
 * unreachable) leads to {@code spid-errore.xhtml} with an explanation in the portal's language,
 * never to a 500.
 */
@WebServlet({"/portale/spid/login", "/portale/spid/callback", "/portale/spid/esci"})
public class SpidAccessServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SpidAccessServlet.class.getName());

  /** Session attribute with the {@link Failure} {@code spid-errore.xhtml} shows. */
  static final String ERROR = "ksanctions.spid.error";

  /**
   * Why an access failed: the bundle key of its text ({@code spid.error.*}), and the identity
   * provider's own Italian explanation when there is one (shown on Italian pages).
   */
  record Failure(String key, String italian) implements Serializable {}

  private static final String PENDING = "ksanctions.spid.pending.";
  private static final String ID_TOKEN = "ksanctions.spid.id-token.";

  @Inject CitizenIdentityProvider identity;
  @Inject CitizenActs acts;
  @Inject CitizenSession citizens;
  @Inject CurrentTenant tenant;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (tenant.serving().isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String slug = tenant.require().slug();
    String portal = portalUrl(request);
    switch (request.getServletPath()) {
      case "/portale/spid/login" -> login(request, response, slug, portal);
      case "/portale/spid/callback" -> callback(request, response, slug, portal);
      default -> logout(request, response, slug, portal);
    }
  }

  private void login(
      HttpServletRequest request, HttpServletResponse response, String slug, String portal)
      throws IOException {
    Login login;
    try {
      login = identity.begin(URI.create(portal + "/spid/callback"));
    } catch (IdentityRefused e) {
      fail(request, response, portal, new Failure("spid.error.default", e.italianMessage()), e);
      return;
    }
    PendingLogin.keep(request, PENDING + slug, login, portal + "/spid/callback");
    response.sendRedirect(login.authorizationUrl().toString());
  }

  private void callback(
      HttpServletRequest request, HttpServletResponse response, String slug, String portal)
      throws IOException {
    PendingLogin pending = PendingLogin.take(request, PENDING + slug).orElse(null);
    if (pending == null) {
      fail(request, response, portal, new Failure("spid.error.stale", null), null);
      return;
    }
    String error = request.getParameter("error");
    if (error != null) {
      fail(
          request,
          response,
          portal,
          new Failure(
              "access_denied".equals(error) ? "spid.error.denied" : "spid.error.default", null),
          null);
      return;
    }
    String code = request.getParameter("code");
    if (code == null || code.isBlank()) {
      fail(request, response, portal, new Failure("spid.error.default", null), null);
      return;
    }
    VerifiedCitizen citizen;
    try {
      citizen =
          identity.finish(
              code, URI.create(pending.redirectUri()), pending.codeVerifier(), pending.nonce());
    } catch (IdentityRefused e) {
      fail(request, response, portal, new Failure("spid.error.default", e.italianMessage()), e);
      return;
    }
    request.changeSessionId();
    citizens.verified(slug, citizen.taxCode(), acts.ofOwner(citizen.taxCode()));
    request.getSession().setAttribute(ID_TOKEN + slug, citizen.idToken());
    response.sendRedirect(portal + "/area-personale.xhtml");
  }

  private void logout(
      HttpServletRequest request, HttpServletResponse response, String slug, String portal)
      throws IOException {
    citizens.leave(slug);
    HttpSession session = request.getSession(false);
    String idToken = null;
    if (session != null) {
      idToken = (String) session.getAttribute(ID_TOKEN + slug);
      session.removeAttribute(ID_TOKEN + slug);
      request.changeSessionId();
    }
    URI home = URI.create(portal + "/");
    response.sendRedirect(
        (idToken == null ? home : identity.logout(idToken, home).orElse(home)).toString());
  }

  private static void fail(
      HttpServletRequest request,
      HttpServletResponse response,
      String portal,
      Failure failure,
      Exception cause)
      throws IOException {
    if (cause != null) {
      LOG.log(Level.WARNING, "SPID access refused: {0}", cause.getMessage());
    }
    request.getSession(true).setAttribute(ERROR, failure);
    response.sendRedirect(portal + "/spid-errore.xhtml");
  }

  /** The portal's absolute URL for this tenant, as the browser reached it. */
  private String portalUrl(HttpServletRequest request) {
    StringBuilder url = new StringBuilder();
    url.append(request.getScheme()).append("://").append(request.getServerName());
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(request.getScheme()) && port == 80)
            || ("https".equals(request.getScheme()) && port == 443);
    if (!defaultPort) {
      url.append(':').append(port);
    }
    return url.append(request.getContextPath())
        .append(tenant.pathPrefix())
        .append("/portale")
        .toString();
  }
}
