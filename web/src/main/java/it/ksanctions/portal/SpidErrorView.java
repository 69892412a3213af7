package it.ksanctions.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The reason of a failed SPID/CIE access, shown once by {@code spid-errore.xhtml}: in Italian the
 * identity provider's own explanation when it gave one, else the bundle's text of the failure.
 */
@Named
@RequestScoped
public class SpidErrorView {

  @Inject PortalLanguage language;

  private String message;

  public String getMessage() {
    if (message == null) {
      HttpServletRequest request =
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
      HttpSession session = request.getSession(false);
      Object failure = session == null ? null : session.getAttribute(SpidAccessServlet.ERROR);
      if (session != null) {
        session.removeAttribute(SpidAccessServlet.ERROR);
      }
      if (failure instanceof SpidAccessServlet.Failure f) {
        message =
            f.italian() != null && !language.isEnglish() ? f.italian() : language.text(f.key());
      } else {
        message = language.text("spid.error.default");
      }
    }
    return message;
  }
}
