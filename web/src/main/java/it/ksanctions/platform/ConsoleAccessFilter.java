package it.ksanctions.platform;

import it.ksanctions.tenancy.web.CurrentTenant;
import it.ksanctions.web.Roles;
import it.ksanctions.web.backoffice.AdminAccessFilter;
import it.ksanctions.web.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The vendor console ({@code /console/...}, platform space: no tenant prefix, no tenant host): only
 * vendor support staff (realm role {@value Roles#PLATFORM_ADMIN}) signed in through the browser.
 * The login itself is required by the security constraint in {@code web.xml}; here a tenant's
 * address ({@code /t/<slug>/console/}, a tenant's host name) answers 404, a bearer token and staff
 * without the role answer 403 with the reason in Italian.
 */
@WebFilter(
    urlPatterns = "/console/*",
    dispatcherTypes = {
      jakarta.servlet.DispatcherType.REQUEST,
      jakarta.servlet.DispatcherType.FORWARD
    })
public class ConsoleAccessFilter extends HttpFilter {

  @Inject transient CurrentTenant currentTenant;

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (currentTenant.find().isPresent()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND); // the console is not a tenant page
      return;
    }
    if (request.getHeader("Authorization") != null) {
      forbid(
          request,
          response,
          "La console della piattaforma si usa dal browser, non con un token di accesso.");
      return;
    }
    Optional<Caller> caller = Caller.of(request.getUserPrincipal());
    if (caller.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!request.isUserInRole(Roles.PLATFORM_ADMIN)
        && !caller.get().roles().contains(Roles.PLATFORM_ADMIN)) {
      forbid(
          request,
          response,
          "L'utente "
              + caller.get().username()
              + " non fa parte dell'assistenza della piattaforma: la console dei comandi è"
              + " riservata al personale del fornitore (ruolo platform-admin). Il personale dei"
              + " comandi accede al back office del proprio comando.");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }

  private static void forbid(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    request.setAttribute(AdminAccessFilter.FORBIDDEN_REASON, why);
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
