package it.ksanctions.branding;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.branding.domain.EffectiveBranding;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The current tenant's effective branding for the layout of every page (back office, portal, error
 * pages): colours as CSS custom properties, display name, logo and footer. Outside a tenant it is
 * the default theme of the style sheet.
 */
@Named("ksBranding")
@RequestScoped
public class BrandingView {

  @Inject CurrentTenant currentTenant;

  @Inject BrandingAdministration branding;

  private Optional<EffectiveBranding> effective;
  private Boolean hasLogo;

  public Optional<EffectiveBranding> effective() {
    if (effective == null) {
      effective = tenant().map(t -> branding.effectiveBranding(t.slug()));
    }
    return effective;
  }

  public boolean isTenantResolved() {
    return effective().isPresent();
  }

  /**
   * The {@code <style>} element with the tenant's colours, or nothing. Only {@code #RRGGBB} values
   * are written (see {@link EffectiveBranding#cssVariables()}), so it needs no further escaping.
   */
  public String getStyleBlock() {
    return effective()
        .map(b -> "<style id=\"ks-branding\">" + b.cssVariables() + "</style>")
        .orElse("");
  }

  public String getDisplayName() {
    return effective().map(EffectiveBranding::displayName).orElse("K-Sanctions");
  }

  public String getPrimary() {
    return effective().map(b -> b.primary().css()).orElse("#0066cc");
  }

  public String getFooterContacts() {
    return effective().map(EffectiveBranding::footerContacts).orElse(null);
  }

  public String getFooterText() {
    return effective()
        .map(EffectiveBranding::footerText)
        .orElse("K-Sanctions — servizio per i comandi di Polizia Locale");
  }

  /** The URL of the tenant's logo (its own, else the registry's), or null when it has none. */
  public String getLogoUrl() {
    if (!isTenantResolved()) {
      return null;
    }
    if (hasLogo == null) {
      hasLogo = branding.hasLogo(effective().get().slug());
    }
    return hasLogo ? getBase() + "/portale/logo" : null;
  }

  /** The tenant's base URL path, e.g. {@code /t/latina}, or empty when reached by host name. */
  public String getBase() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    return external.getRequestContextPath() + currentTenant.pathPrefix();
  }

  private Optional<TenantSnapshot> tenant() {
    return currentTenant.serving();
  }
}
