package it.ksanctions.web.backoffice;

import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The tenant's home page: the command's name from the registry and its notice, if any. */
@Named
@RequestScoped
public class HomeView {

  @Inject CurrentTenant currentTenant;

  @EJB CommandSettings settings;

  private TenantSnapshot tenant;
  private String notice;

  @PostConstruct
  void init() {
    tenant = currentTenant.find().orElse(null);
    if (tenant != null) {
      notice = settings.get(CommandSettings.HOME_NOTICE).orElse(null);
    }
  }

  public boolean isTenantResolved() {
    return tenant != null;
  }

  public String getDisplayName() {
    return tenant == null ? "K-Sanctions" : tenant.displayName();
  }

  public String getKindLabel() {
    if (tenant == null) {
      return "";
    }
    return switch (tenant.kind()) {
      case COMUNE -> "Comune";
      case UNIONE -> "Unione di Comuni";
      case PROVINCIA -> "Provincia";
    };
  }

  public String getNotice() {
    return notice;
  }
}
