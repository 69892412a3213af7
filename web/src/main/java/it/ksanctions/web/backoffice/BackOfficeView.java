package it.ksanctions.web.backoffice;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The frame of every back-office page: command, signed-in user, menu entries they may use. */
@Named("backOffice")
@RequestScoped
public class BackOfficeView {

  @Inject CurrentTenant currentTenant;

  @Inject CurrentStaff currentStaff;

  public StaffProfile getProfile() {
    return currentStaff.requireActive();
  }

  public String getDisplayName() {
    return currentTenant.find().map(TenantSnapshot::displayName).orElse("K-Sanctions");
  }

  /** The tenant's base URL path, e.g. {@code /t/latina}, or empty when reached by host name. */
  public String getBase() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + currentTenant.pathPrefix();
  }

  public boolean can(String module, String action) {
    return currentStaff.allows(AppModule.valueOf(module), AppAction.valueOf(action));
  }
}
