package it.ksanctions.portal;

import it.ksanctions.portal.application.PortalPreNotices;
import it.ksanctions.sanctions.application.PreNoticePayments.Line;
import it.ksanctions.sanctions.application.PreNoticePayments.Quote;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Paying a pre-notice before notification (issue 16 item 3, ADR 0013): the citizen types the plate
 * and the code printed on the pre-notice; the page then shows the violation and the amount due
 * today without notification fees, and "Paga con pagoPA" opens a Checkout cart. The pre-notice
 * found is kept in the HTTP session only, never in the address.
 */
@Named
@ViewScoped
public class PortalPreNoticeView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PortalPreNotices preNotices;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private String plate;
  private String code;
  private String email;
  private String outcome;
  private transient Quote quote;

  public void load() {
    if ("ok".equals(outcome)) {
      info(language.text("prenotice.outcome-ok"));
    } else if ("annullato".equals(outcome)) {
      info(language.text("file.outcome-cancelled"));
    } else if ("errore".equals(outcome)) {
      error(language.text("file.outcome-error"));
    }
  }

  public void find() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    try {
      UUID id = preNotices.find(plate, code, request.getRemoteAddr());
      session.foundPreNotice(tenant.require().slug(), id);
      external.redirect(page());
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      error(language.rule(violation));
    }
  }

  public void pay() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Optional<UUID> id = session.preNotice(tenant.require().slug());
    if (id.isEmpty()) {
      return;
    }
    String back =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + page();
    try {
      URI checkout = preNotices.pay(id.get(), URI.create(back), blankToNull(email));
      external.redirect(checkout.toString());
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      quote = null;
      error(language.rule(violation));
    }
  }

  /** Forgets the pre-notice found, to look for another. */
  public void another() throws IOException {
    session.foundPreNotice(tenant.require().slug(), null);
    FacesContext.getCurrentInstance().getExternalContext().redirect(page());
  }

  /** The pre-notice found in this session, as it stands today; null before a search. */
  public Quote getQuote() {
    if (quote == null) {
      quote =
          session
              .preNotice(tenant.require().slug())
              .map(
                  id -> {
                    try {
                      return preNotices.quote(id);
                    } catch (RuntimeException e) {
                      if (e instanceof RuleViolation) {
                        return null;
                      }
                      throw e;
                    }
                  })
              .orElse(null);
    }
    return quote;
  }

  /** The refusal in the visitor's language. */
  public String getRefusal() {
    Quote q = getQuote();
    return q == null || q.refusal() == null
        ? null
        : language.ruleByCode(q.refusalCode(), q.refusal());
  }

  public String windowLabel(Line line) {
    return language.label(line.type(), line.label());
  }

  private String page() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    return external.getRequestContextPath() + tenant.pathPrefix() + "/portale/preavviso.xhtml";
  }

  public String euro(BigDecimal amount) {
    return language.euro(amount);
  }

  public String day(LocalDate day) {
    return language.day(day);
  }

  public String time(Object at) {
    return language.time(at);
  }

  public String getPlate() {
    return plate;
  }

  public void setPlate(String plate) {
    this.plate = plate;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
