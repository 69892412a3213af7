package it.ksanctions.portal;

import it.ksanctions.portal.application.CitizenNotices;
import it.ksanctions.portal.application.CitizenNotices.PlateView;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * "Avvisi sulle mie targhe" in the personal area (issue 16 item 10): the plates a SPID citizen
 * registers for e-mail notices of new acts, with the channel preferred for the notification.
 */
@Named
@RequestScoped
public class CitizenPlatesView {

  @Inject CitizenNotices notices;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private String plate;
  private String email;
  private String channel = "ORDINARY";

  public List<PlateView> getPlates() {
    return grant().filter(g -> "SPID".equals(g.how())).map(notices::plates).orElse(List.of());
  }

  public void register() {
    try {
      PlateView saved = notices.register(grant().orElse(null), plate, email, channel);
      message(FacesMessage.SEVERITY_INFO, language.format("area.plate-registered", saved.plate()));
      plate = null;
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      message(FacesMessage.SEVERITY_ERROR, language.rule(violation));
    }
  }

  public void remove(String which) {
    try {
      notices.remove(grant().orElse(null), which);
      message(FacesMessage.SEVERITY_INFO, language.format("area.plate-removed", which));
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      message(FacesMessage.SEVERITY_ERROR, language.rule(violation));
    }
  }

  private Optional<Grant> grant() {
    return session.grant(tenant.require().slug());
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getPlate() {
    return plate;
  }

  public void setPlate(String plate) {
    this.plate = plate;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }
}
