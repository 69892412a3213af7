package it.ksanctions.web.backoffice;

import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffDirectory;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.Permission;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.CurrentTenant;
import it.ksanctions.web.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The back office of a tenant ({@code /admin/...} after the tenant filter's forward): only the
 * tenant's own active staff, logged in through the browser. The login itself was required on the
 * original URL ({@link BackOfficeLoginRequired}); here the caller's organization must be the tenant
 * (else 403 page), the user must be an active member of the command's staff, and bearer tokens are
 * refused (the back office is for browser sessions). Signs the user in for the request's
 * authorisation ({@link CurrentStaff}), records the access once per session and sets the session's
 * idle timeout (command setting {@value #IDLE_MINUTES_KEY}, default 30 minutes).
 */
public class AdminAccessFilter extends HttpFilter {

  @Inject transient CurrentTenant currentTenant;

  private static final long serialVersionUID = 1L;

  /** Request attribute with the reason of a 403, shown by the error page. */
  public static final String FORBIDDEN_REASON = "ksanctions.forbidden.reason";

  public static final String IDLE_MINUTES_KEY = "session.idle.minutes";
  static final int DEFAULT_IDLE_MINUTES = 30;
  private static final String ACCESS_RECORDED = "ksanctions.access.recorded";

  @Inject CurrentStaff currentStaff;
  @Inject StaffDirectory directory;
  @Inject CommandSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    TenantSnapshot tenant = currentTenant.find().orElse(null);
    if (tenant == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND); // only inside a tenant
      return;
    }
    if (request.getHeader("Authorization") != null) {
      forbid(request, response, "Il back office si usa dal browser, non con un token di accesso.");
      return;
    }
    Optional<Caller> caller = Caller.of(request.getUserPrincipal());
    if (caller.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!caller.get().belongsTo(tenant.slug()) || !request.isUserInRole("staff")) {
      forbid(
          request,
          response,
          "L'utente "
              + caller.get().username()
              + " non appartiene al comando "
              + tenant.displayName()
              + ". Accedere con le credenziali di questo comando.");
      return;
    }
    currentStaff.signIn(caller.get().username());
    Optional<StaffProfile> profile = currentStaff.profile();
    if (profile.isEmpty()) {
      forbid(
          request,
          response,
          "L'utente " + caller.get().username() + " non è censito tra il personale del comando.");
      return;
    }
    if (profile.get().status() != UserStatus.ACTIVE) {
      forbid(
          request,
          response,
          "L'utente "
              + caller.get().username()
              + " è "
              + profile.get().status().italianLabel().toLowerCase()
              + ": accesso non consentito.");
      return;
    }
    Optional<Permission> page = pagePermission(request);
    if (page.isPresent() && !currentStaff.allows(page.get().module(), page.get().action())) {
      forbid(
          request,
          response,
          "Il ruolo «"
              + profile.get().roleName()
              + "» non consente l'accesso a questa pagina («"
              + page.get().module().italianLabel()
              + "»).");
      return;
    }
    HttpSession session = request.getSession();
    if (session.getAttribute(ACCESS_RECORDED) == null) {
      directory.recordAccess(caller.get().username());
      session.setMaxInactiveInterval(idleMinutes() * 60);
      session.setAttribute(ACCESS_RECORDED, Boolean.TRUE);
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }

  /**
   * The permission a back-office page needs to be opened at all. The services behind the page check
   * their own permissions again on every action ({@code Authorized}): this only spares the user a
   * page whose every action would be refused.
   */
  static Optional<Permission> pagePermission(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return Optional.ofNullable(PAGES.get(path));
  }

  private static final Map<String, Permission> PAGES =
      Map.ofEntries(
          Map.entry("/admin/utenti.xhtml", Permission.of(AppModule.PERMISSIONS, AppAction.ACCESS)),
          Map.entry(
              "/admin/preavvisi.xhtml", Permission.of(AppModule.PRE_NOTICES, AppAction.ACCESS)),
          Map.entry(
              "/admin/preavviso-foto", Permission.of(AppModule.PRE_NOTICES, AppAction.ACCESS)),
          Map.entry("/admin/ruoli.xhtml", Permission.of(AppModule.PERMISSIONS, AppAction.ACCESS)),
          Map.entry("/admin/audit.xhtml", Permission.of(AppModule.AUDIT, AppAction.READ_LOGS)),
          Map.entry("/admin/articoli.xhtml", Permission.of(AppModule.ARTICLES, AppAction.ACCESS)),
          Map.entry("/admin/luoghi.xhtml", Permission.of(AppModule.PLACES, AppAction.ACCESS)),
          Map.entry("/admin/mappa.xhtml", Permission.of(AppModule.PLACES, AppAction.ACCESS)),
          Map.entry("/admin/dispositivi.xhtml", Permission.of(AppModule.DEVICES, AppAction.ACCESS)),
          Map.entry(
              "/admin/rilevazioni.xhtml", Permission.of(AppModule.PRE_NOTICES, AppAction.ACCESS)),
          Map.entry(
              "/admin/proprietari.xhtml", Permission.of(AppModule.PRE_NOTICES, AppAction.ACCESS)),
          Map.entry(
              "/admin/monitoraggio.xhtml", Permission.of(AppModule.DEVICES, AppAction.ACCESS)),
          Map.entry(
              "/admin/comando-anagrafica.xhtml",
              Permission.of(AppModule.COMMAND, AppAction.ACCESS)),
          Map.entry(
              "/admin/comando-spese.xhtml", Permission.of(AppModule.COMMAND, AppAction.ACCESS)),
          Map.entry(
              "/admin/comando-capitoli.xhtml", Permission.of(AppModule.COMMAND, AppAction.ACCESS)),
          Map.entry(
              "/admin/comando-parametri.xhtml", Permission.of(AppModule.COMMAND, AppAction.ACCESS)),
          Map.entry(
              "/admin/comando-organizzazione.xhtml",
              Permission.of(AppModule.COMMAND, AppAction.ACCESS)),
          Map.entry(
              "/admin/comando-integrazioni.xhtml",
              Permission.of(AppModule.COMMAND, AppAction.MANAGE_CONFIGURATION)),
          Map.entry(
              "/admin/comando-registro.xhtml", Permission.of(AppModule.COMMAND, AppAction.ACCESS)),
          Map.entry("/admin/verbali.xhtml", Permission.of(AppModule.VERBALI, AppAction.ACCESS)),
          Map.entry(
              "/admin/notifiche.xhtml", Permission.of(AppModule.NOTIFICATIONS, AppAction.ACCESS)),
          Map.entry("/admin/pagamenti.xhtml", Permission.of(AppModule.PAYMENTS, AppAction.ACCESS)),
          Map.entry("/admin/ricorsi.xhtml", Permission.of(AppModule.APPEALS, AppAction.ACCESS)),
          Map.entry(
              "/admin/rateizzazioni.xhtml", Permission.of(AppModule.PAYMENTS, AppAction.ACCESS)));

  private int idleMinutes() {
    return settings
        .get(IDLE_MINUTES_KEY)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.strip());
              } catch (NumberFormatException e) {
                return DEFAULT_IDLE_MINUTES;
              }
            })
        .filter(m -> m >= 5 && m <= 480)
        .orElse(DEFAULT_IDLE_MINUTES);
  }

  private static void forbid(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    request.setAttribute(FORBIDDEN_REASON, why);
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
