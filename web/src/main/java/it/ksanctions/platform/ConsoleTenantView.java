package it.ksanctions.platform;

import it.ksanctions.platform.application.OnboardingWizards;
import it.ksanctions.platform.application.TenantAdministration;
import it.ksanctions.platform.application.TenantAdministration.Usage;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/** A tenant's detail page: data, usage, migration, suspension and reactivation with a reason. */
@Named
@ViewScoped
public class ConsoleTenantView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TenantAdministration administration;
  @Inject transient OnboardingWizards wizards;

  private String slug;
  private transient Tenant tenant;
  private transient Usage usage;
  private transient OnboardingWizardRecord wizard;
  private String reason;
  private boolean confirmed;

  /** Loads the tenant named by the {@code comando} parameter. */
  public void load() {
    tenant = slug == null ? null : administration.find(slug).orElse(null);
    if (tenant == null) {
      ConsoleSupport.error("Comando inesistente: tornare all'elenco dei comandi.");
      return;
    }
    try {
      usage = administration.usage(slug);
    } catch (RuntimeException e) {
      ConsoleSupport.error("Dati di utilizzo non disponibili: " + ConsoleSupport.explain(e));
    }
    wizard = wizards.latestOf(slug).orElse(null);
  }

  public String suspend() {
    String who = ConsoleSupport.platformUser();
    if (ConsoleSupport.attempt(
        () -> administration.suspend(slug, reason, confirmed, who),
        "Comando " + slug + " sospeso: le sue pagine rispondono «Servizio sospeso».")) {
      reason = null;
      confirmed = false;
    }
    load();
    return null;
  }

  public String reactivate() {
    String who = ConsoleSupport.platformUser();
    if (ConsoleSupport.attempt(
        () -> administration.reactivate(slug, reason, confirmed, who),
        "Comando " + slug + " riattivato.")) {
      reason = null;
      confirmed = false;
    }
    load();
    return null;
  }

  public boolean isSuspendable() {
    return tenant != null && tenant.getStatus() == TenantStatus.ACTIVE;
  }

  public boolean isReactivable() {
    return tenant != null && tenant.getStatus() == TenantStatus.SUSPENDED;
  }

  public String getStatusLabel() {
    return tenant == null ? "" : ConsoleTenantsView.statusLabel(tenant.getStatus());
  }

  public String getHostnames() {
    return tenant == null || tenant.getHostnames().isEmpty()
        ? "—"
        : String.join(", ", tenant.getHostnames());
  }

  public String getSchemaSize() {
    return usage == null ? "—" : ConsoleSupport.bytes(usage.schemaBytes());
  }

  public String format(Instant instant) {
    return ConsoleSupport.format(instant);
  }

  public Tenant getTenant() {
    return tenant;
  }

  public Usage getUsage() {
    return usage;
  }

  public OnboardingWizardRecord getWizard() {
    return wizard;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }
}
