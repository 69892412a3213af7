package it.ksanctions.portal;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.branding.domain.EffectiveBranding;
import it.ksanctions.command.application.PublicRegistry;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The citizen portal's shell (SPEC PLT-10): the command's name, contacts and logo from its registry
 * (public data, read without a signed-in user, kept by {@link PublicRegistry}) and the tenant's
 * branding. The portal issue fills the services.
 */
@Named
@RequestScoped
public class PortalView {

  @Inject CurrentTenant currentTenant;

  @Inject PublicRegistry publicRegistry;
  @Inject BrandingAdministration branding;
  @Inject PortalLanguage language;

  private TenantSnapshot tenant;
  private CommandRegistry registry;
  private EffectiveBranding effective;

  /** One service card of the home page; without a link the service is still to come. */
  public record Service(String id, String title, String description, String href) {}

  @PostConstruct
  void init() {
    Optional<TenantSnapshot> served = currentTenant.serving();
    if (served.isPresent()) {
      TenantSnapshot snapshot = served.get();
      tenant = snapshot;
      registry = publicRegistry.current().registry();
      effective = branding.effectiveBranding(snapshot.slug());
    }
  }

  public boolean isTenantResolved() {
    return tenant != null;
  }

  /** The command's name: the registry's official name, else the tenant's display name. */
  public String getCommandName() {
    if (registry != null && notBlank(registry.officialName())) {
      return registry.officialName();
    }
    return effective != null ? effective.displayName() : "K-Sanctions";
  }

  /** The body the command belongs to (slim header): the registry's, else the tenant's name. */
  public String getBodyName() {
    if (registry != null && notBlank(registry.parentBodyName())) {
      return registry.parentBodyName();
    }
    return tenant == null ? "K-Sanctions" : tenant.displayName();
  }

  public String getAddress() {
    if (registry == null || !notBlank(registry.street())) {
      return null;
    }
    StringBuilder s = new StringBuilder(registry.street());
    if (notBlank(registry.postalCode()) || notBlank(registry.city())) {
      s.append(", ");
      if (notBlank(registry.postalCode())) {
        s.append(registry.postalCode()).append(' ');
      }
      if (notBlank(registry.city())) {
        s.append(registry.city());
      }
      if (notBlank(registry.province())) {
        s.append(" (").append(registry.province().toUpperCase(Locale.ROOT)).append(')');
      }
    }
    return s.toString();
  }

  public CommandRegistry getRegistry() {
    return registry;
  }

  /** The website, only when it is an http(s) URL (it becomes a link). */
  public String getWebsite() {
    String w = registry == null ? null : registry.website();
    return w != null && (w.startsWith("https://") || w.startsWith("http://")) ? w : null;
  }

  public boolean isHasContacts() {
    return registry != null
        && (getAddress() != null
            || notBlank(registry.phone())
            || notBlank(registry.email())
            || notBlank(registry.pec())
            || getWebsite() != null);
  }

  public List<Service> getServices() {
    List<Service> services = new ArrayList<>();
    services.add(service("multe", getPortalBase() + "/accesso.xhtml"));
    services.add(service("preavviso", getPortalBase() + "/preavviso.xhtml"));
    services.add(service("ricorsi", getPortalBase() + "/accesso.xhtml"));
    services.add(service("rateizzazioni", getPortalBase() + "/accesso.xhtml"));
    services.add(service("autovelox", getPortalBase() + "/autovelox.xhtml"));
    return services;
  }

  /** A service card with its title and description from the bundle ({@code service.<id>.*}). */
  private Service service(String id, String href) {
    return new Service(
        id,
        language.text("service." + id + ".title"),
        language.text("service." + id + ".description"),
        href);
  }

  /** The portal's base URL, e.g. {@code /ctx/t/latina/portale}. */
  public String getPortalBase() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    return external.getRequestContextPath() + currentTenant.pathPrefix() + "/portale";
  }

  public String getContextPath() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
