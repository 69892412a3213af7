package it.ksanctions.portal;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.command.domain.RegistryImage;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /t/<slug>/portale/logo}: the tenant's logo (its branding's own, else the command
 * registry's), public like the portal that shows it.
 */
@WebServlet("/portale/logo")
public class PortalLogoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject BrandingAdministration branding;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<RegistryImage> logo =
        TenantContext.current().flatMap(tenant -> branding.logo(tenant.slug()));
    if (logo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(logo.get().contentType());
    response.setHeader("Cache-Control", "public, max-age=300");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (logo.get().contentType().contains("svg")) {
      response.setHeader(
          "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }
    response.setContentLength(logo.get().content().length);
    response.getOutputStream().write(logo.get().content());
  }
}
