package it.ksanctions.portal;

import it.ksanctions.portal.application.PortalAccess;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * "Accedi al verbale" (issue 16 item 1): codice fiscale and the PIN printed on the act. A wrong
 * pair, a lock or a malformed codice fiscale is told next to the form, in the portal's language; on
 * success the session id changes and the citizen goes to the act's file.
 */
@Named
@RequestScoped
public class PortalAccessView {

  @Inject PortalAccess access;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private String taxCode;
  private String pin;

  public String getTaxCode() {
    return taxCode;
  }

  public void setTaxCode(String taxCode) {
    this.taxCode = taxCode;
  }

  public String getPin() {
    return pin;
  }

  public void setPin(String pin) {
    this.pin = pin;
  }

  public void enter() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    try {
      long id = access.open(taxCode, pin, request.getRemoteAddr());
      request.changeSessionId();
      session.opened(tenant.require().slug(), PortalAccess.normalise(taxCode), id);
      external.redirect(
          external.getRequestContextPath()
              + tenant.pathPrefix()
              + "/portale/verbale.xhtml?id="
              + id);
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      pin = null;
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, language.rule(violation), null));
    }
  }
}
