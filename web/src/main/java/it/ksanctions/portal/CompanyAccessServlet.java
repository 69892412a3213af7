package it.ksanctions.portal;

import it.ksanctions.portal.application.CitizenIdentityProvider.IdentityRefused;
import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import it.ksanctions.portal.application.CompanyIdentityProvider;
import it.ksanctions.portal.application.CompanyIdentityProvider.VerifiedCompany;
import it.ksanctions.portal.domain.DriverCsv;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Access of rental and leasing companies to their area (issue 16 item 6, ADR 0011 addendum):
 *
 * <ul>
 *   <li>{@code /t/<slug>/portale/aziende/login}: a new state, nonce and PKCE verifier in the HTTP
 *       session, then the citizens' realm's own login form (username and password, no SPID);
 *   <li>{@code /t/<slug>/portale/aziende/callback}: the state checked, the code exchanged, the ID
 *       token verified with the role {@value CompanyIdentityProvider#ROLE} and the company's tax
 *       code; the session id changes and the company goes to its area;
 *   <li>{@code /t/<slug>/portale/aziende/esci}: the company is forgotten and the realm's session
 *       ended;
 *   <li>{@code /t/<slug>/portale/aziende/modello-conducenti.csv}: the CSV template (public).
 * </ul>
 *
 * Every failure leads back to {@code azienda.xhtml} with an explanation in the portal's language,
 * never to a 500.
 */
@WebServlet({
  "/portale/aziende/login",
  "/portale/aziende/callback",
  "/portale/aziende/esci",
  "/portale/aziende/modello-conducenti.csv"
})
public class CompanyAccessServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CompanyAccessServlet.class.getName());

  /** Session attribute with the {@link Failure} {@code azienda.xhtml} shows once. */
  static final String ERROR = "ksanctions.company.error";

  /**
   * Why a login failed: the bundle key of its text ({@code company.error.*}), and the identity
   * check's own Italian explanation when it gave one.
   */
  record Failure(String key, String italian) implements Serializable {}

  private static final String PENDING = "ksanctions.company.pending.";

  @Inject CompanyIdentityProvider identity;
  @Inject CompanySession companies;
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
      case "/portale/aziende/login" -> login(request, response, slug, portal);
      case "/portale/aziende/callback" -> callback(request, response, slug, portal);
      case "/portale/aziende/esci" -> logout(request, response, slug, portal);
      default -> template(response);
    }
  }

  private static void template(HttpServletResponse response) throws IOException {
    byte[] csv = DriverCsv.template();
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"modello-conducenti.csv\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(csv.length);
    response.getOutputStream().write(csv);
  }

  private void login(
      HttpServletRequest request, HttpServletResponse response, String slug, String portal)
      throws IOException {
    Login login;
    try {
      login = identity.begin(URI.create(portal + "/aziende/callback"));
    } catch (IdentityRefused e) {
      fail(request, response, portal, new Failure("company.error.default", e.italianMessage()), e);
      return;
    }
    PendingLogin.keep(request, PENDING + slug, login, portal + "/aziende/callback");
    response.sendRedirect(login.authorizationUrl().toString());
  }

  private void callback(
      HttpServletRequest request, HttpServletResponse response, String slug, String portal)
      throws IOException {
    PendingLogin pending = PendingLogin.take(request, PENDING + slug).orElse(null);
    if (pending == null) {
      fail(request, response, portal, new Failure("company.error.stale", null), null);
      return;
    }
    String code = request.getParameter("code");
    if (request.getParameter("error") != null || code == null || code.isBlank()) {
      fail(request, response, portal, new Failure("company.error.default", null), null);
      return;
    }
    VerifiedCompany verified;
    try {
      verified =
          identity.finish(
              code, URI.create(pending.redirectUri()), pending.codeVerifier(), pending.nonce());
    } catch (IdentityRefused e) {
      fail(request, response, portal, new Failure("company.error.default", e.italianMessage()), e);
      return;
    }
    request.changeSessionId();
    companies.signedIn(slug, verified.company(), verified.idToken());
    response.sendRedirect(portal + "/azienda.xhtml");
  }

  private void logout(
      HttpServletRequest request, HttpServletResponse response, String slug, String portal)
      throws IOException {
    String idToken = companies.leave(slug).orElse(null);
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    URI home = URI.create(portal + "/azienda.xhtml");
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
      LOG.log(Level.WARNING, "Company access refused: {0}", cause.getMessage());
    }
    request.getSession(true).setAttribute(ERROR, failure);
    response.sendRedirect(portal + "/azienda.xhtml");
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
