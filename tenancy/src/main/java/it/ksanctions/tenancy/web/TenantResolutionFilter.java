package it.ksanctions.tenancy.web;

import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place where a request gets its tenant.
 *
 * <ul>
 *   <li>Path prefix {@code /t/<slug>/...} (local runs, a single host name): the prefix is removed
 *       and the request forwarded to the application path, with the prefix remembered so that
 *       generated links keep it ({@link TenantPathViewHandler}).
 *   <li>Host {@code <slug>.<base-domain>} ({@code ksanctions.tenancy.base-domain}) or a host name
 *       registered for a tenant: served as is.
 * </ul>
 *
 * Unknown (or not yet onboarded) tenants get 404, suspended tenants 403, each with a page that says
 * why ({@link #ERROR_ATTRIBUTE}) or a problem document for API paths. The tenant is in scope (and
 * in the logging MDC) for the rest of the chain and always cleared afterwards.
 */
public class TenantResolutionFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * Request attribute with the resolved {@link TenantSnapshot}; others inject {@link
   * CurrentTenant}.
   */
  static final String TENANT_ATTRIBUTE = "ksanctions.tenant";

  /** Request attribute with the path prefix ({@code /t/<slug>}) when resolved from the path. */
  static final String PATH_PREFIX_ATTRIBUTE = "ksanctions.tenant.pathPrefix";

  /** Request attribute naming why the tenant could not be served: a {@link TenantRejection}. */
  static final String ERROR_ATTRIBUTE = "ksanctions.tenant.error";

  private static final String PATH_PREFIX = "/t/";

  @Inject TenantDirectory directory;
  @Inject CurrentTenant currentTenant;

  @Inject
  @ConfigProperty(name = "ksanctions.tenancy.base-domain")
  Optional<String> baseDomain;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(PATH_PREFIX) || path.equals("/t")) {
      resolveFromPath(path, request, response);
      return;
    }
    Optional<String> slugFromHost = slugFromHost(request.getServerName());
    if (slugFromHost.isEmpty()) {
      chain.doFilter(request, response); // platform space: no tenant
      return;
    }
    Optional<TenantSnapshot> tenant = directory.bySlug(slugFromHost.get());
    if (admit(tenant, path, request, response)) {
      try (TenantScope scope = TenantScope.enter(tenant.get().id())) {
        request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
        currentTenant.resolved(tenant.get(), null);
        chain.doFilter(request, response);
      }
    }
  }

  private void resolveFromPath(
      String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String rest = path.length() > PATH_PREFIX.length() ? path.substring(PATH_PREFIX.length()) : "";
    int slash = rest.indexOf('/');
    String slug = slash < 0 ? rest : rest.substring(0, slash);
    String target = slash < 0 ? "" : rest.substring(slash);
    if (!isPlainPath(target)) {
      // "/t/latina/../torino/" and the like: never another tenant's page, never a 500.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<TenantSnapshot> tenant =
        TenantId.isValidSlug(slug) ? directory.bySlug(slug) : Optional.empty();
    if (!admit(tenant, target, request, response)) {
      return;
    }
    if (target.isEmpty()) {
      // "/t/latina" -> "/t/latina/" so that relative links resolve inside the tenant.
      String query = request.getQueryString();
      response.sendRedirect(
          request.getContextPath() + path + "/" + (query == null ? "" : "?" + query));
      return;
    }
    if (target.endsWith("/")) {
      target = target + "index.xhtml";
    }
    try (TenantScope scope = TenantScope.enter(tenant.get().id())) {
      request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
      request.setAttribute(PATH_PREFIX_ATTRIBUTE, PATH_PREFIX + slug);
      currentTenant.resolved(tenant.get(), PATH_PREFIX + slug);
      RequestDispatcher dispatcher = request.getRequestDispatcher(target);
      if (dispatcher == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      dispatcher.forward(request, response);
    }
  }

  /**
   * Whether the path after the tenant prefix names a resource of the application as it is: no
   * {@code .} or {@code ..} segment (path parameters aside), no encoded dot, slash or backslash, no
   * backslash. Such paths could leave the tenant's prefix (or the application) once the container
   * normalises them.
   */
  static boolean isPlainPath(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.contains("\\")
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")) {
      return false;
    }
    for (String segment : target.split("/", -1)) {
      String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
      if (name.equals(".") || name.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The slug of the tenant the host names: {@code <slug>.<base-domain>}, or a host name registered
   * for a tenant. Empty for the platform's own hosts (the base domain itself, localhost, IP
   * literals) and unknown hosts: such requests are platform space, with no tenant.
   */
  private Optional<String> slugFromHost(String host) {
    if (host == null) {
      return Optional.empty();
    }
    String lower = host.toLowerCase(Locale.ROOT);
    if (baseDomain.isPresent() && !baseDomain.get().isBlank()) {
      String suffix = "." + baseDomain.get().toLowerCase(Locale.ROOT);
      if (lower.endsWith(suffix)) {
        String label = lower.substring(0, lower.length() - suffix.length());
        return Optional.of(label);
      }
      if (lower.equals(baseDomain.get().toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    if (lower.equals("localhost") || lower.matches("[0-9.]+") || lower.contains(":")) {
      return Optional.empty();
    }
    return directory.byHostname(lower).map(TenantSnapshot::slug);
  }

  private boolean admit(
      Optional<TenantSnapshot> tenant,
      String target,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (tenant.isEmpty() || !tenant.get().isOnboarded()) {
      reject(TenantRejection.NOT_FOUND, target, request, response);
      return false;
    }
    if (!tenant.get().isServing()) {
      request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
      currentTenant.rejected(TenantRejection.SUSPENDED, tenant.get());
      reject(TenantRejection.SUSPENDED, target, request, response);
      return false;
    }
    return true;
  }

  private void reject(
      TenantRejection rejection,
      String target,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (target.startsWith("/api/")) {
      response.setStatus(rejection.status());
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + rejection.title()
                  + "\",\"status\":"
                  + rejection.status()
                  + "}");
      return;
    }
    request.setAttribute(ERROR_ATTRIBUTE, rejection);
    if (currentTenant.rejection().isEmpty()) {
      currentTenant.rejected(rejection, null);
    }
    response.sendError(rejection.status());
  }
}
