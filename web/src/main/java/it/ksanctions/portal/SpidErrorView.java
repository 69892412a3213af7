package it.ksanctions.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The Italian reason of a failed SPID/CIE access, shown once by {@code spid-errore.xhtml}. */
@Named
@RequestScoped
public class SpidErrorView {

  private String message;

  public String getMessage() {
    if (message == null) {
      HttpServletRequest request =
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
      HttpSession session = request.getSession(false);
      Object text = session == null ? null : session.getAttribute(SpidAccessServlet.ERROR);
      if (session != null) {
        session.removeAttribute(SpidAccessServlet.ERROR);
      }
      message =
          text instanceof String s
              ? s
              : "L'accesso con SPID o CIE non è riuscito. Riprovare, oppure accedere con codice"
                  + " fiscale e PIN.";
    }
    return message;
  }
}
