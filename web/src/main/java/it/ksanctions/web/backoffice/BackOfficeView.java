package it.ksanctions.web.backoffice;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.TenantResolutionFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The frame of every back-office page: command, signed-in user, menu entries they may use. */
@Named("backOffice")
@RequestScoped
public class BackOfficeView {

  @Inject CurrentStaff currentStaff;

  public StaffProfile getProfile() {
    return currentStaff.requireActive();
  }

  public String getDisplayName() {
    Object tenant =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(TenantResolutionFilter.TENANT_ATTRIBUTE);
    return tenant instanceof TenantSnapshot t ? t.displayName() : "K-Sanctions";
  }

  /** The tenant's base URL path, e.g. {@code /t/latina}, or empty when reached by host name. */
  public String getBase() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Object prefix =
        faces
            .getExternalContext()
            .getRequestMap()
            .get(TenantResolutionFilter.PATH_PREFIX_ATTRIBUTE);
    return faces.getExternalContext().getRequestContextPath() + (prefix == null ? "" : prefix);
  }

  public boolean can(String module, String action) {
    return currentStaff.allows(AppModule.valueOf(module), AppAction.valueOf(action));
  }
}
