package it.ksanctions.portal;

import it.ksanctions.portal.application.PinRequests;
import it.ksanctions.shared.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** "Hai perso il PIN?" on the portal (issue 16 item 1): a new PIN asked online. */
@Named
@RequestScoped
public class PortalPinView {

  @Inject PinRequests pins;
  @Inject PortalLanguage language;

  private String taxCode;
  private String number;
  private String channel = "POST";
  private String pec;
  private boolean done;

  public void ask() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      String answer =
          pins.ask(taxCode, number, "PEC".equals(channel), pec, request.getRemoteAddr());
      done = true;
      String text =
          language.isEnglish() && PinRequests.ANSWER.equals(answer)
              ? language.text("pin.answer")
              : answer;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, language.rule(violation), null));
    }
  }

  public boolean isDone() {
    return done;
  }

  public String getTaxCode() {
    return taxCode;
  }

  public void setTaxCode(String taxCode) {
    this.taxCode = taxCode;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getPec() {
    return pec;
  }

  public void setPec(String pec) {
    this.pec = pec;
  }
}
