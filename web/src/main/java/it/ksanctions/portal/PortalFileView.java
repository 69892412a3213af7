package it.ksanctions.portal;

import it.ksanctions.portal.application.PortalFiles;
import it.ksanctions.portal.application.PortalFiles.FileView;
import it.ksanctions.portal.application.PortalFiles.Grant;
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

/**
 * The act's file on the portal (issue 16 items 2–3): shown only to a citizen whose session opened
 * the act; "Paga con pagoPA" opens a Checkout cart and sends the citizen there; back from Checkout,
 * the outcome is told and the state follows pagoPA's receipt.
 */
@Named
@ViewScoped
public class PortalFileView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PortalFiles files;
  @Inject it.ksanctions.portal.application.CitizenRequests requests;
  private transient java.util.List<it.ksanctions.portal.application.CitizenRequests.RequestView>
      requestViews;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private Long id;
  private String outcome;
  private String email;
  private transient FileView file;
  private boolean denied;

  public void load() throws IOException {
    Optional<Grant> grant = session.grant(tenant.require().slug());
    if (id == null || grant.isEmpty() || !grant.get().mayRead(id)) {
      denied = true;
      return;
    }
    try {
      file = files.file(grant.get(), id);
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation)) {
        throw e;
      }
      denied = true;
    }
    if ("ok".equals(outcome)) {
      info(language.text("file.outcome-ok"));
    } else if ("annullato".equals(outcome)) {
      info(language.text("file.outcome-cancelled"));
    } else if ("errore".equals(outcome)) {
      error(language.text("file.outcome-error"));
    }
  }

  public void pay() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Optional<Grant> grant = session.grant(tenant.require().slug());
    if (grant.isEmpty()) {
      denied = true;
      return;
    }
    String back =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + external.getRequestContextPath()
            + tenant.pathPrefix()
            + "/portale/verbale.xhtml?id="
            + id;
    try {
      URI page = files.pay(grant.get(), id, URI.create(back), blankToNull(email));
      external.redirect(page.toString());
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      error(language.rule(violation));
    }
  }

  public FileView getFile() {
    if (file == null && !denied && id != null) {
      session
          .grant(tenant.require().slug())
          .filter(g -> g.mayRead(id))
          .ifPresent(g -> file = files.file(g, id));
    }
    return file;
  }

  /** The citizen's requests about the act, newest first. */
  public java.util.List<it.ksanctions.portal.application.CitizenRequests.RequestView>
      getRequests() {
    if (requestViews == null) {
      requestViews =
          session
              .grant(tenant.require().slug())
              .filter(g -> id != null && g.mayRead(id))
              .map(g -> requests.ofVerbale(g, id))
              .orElse(java.util.List.of());
    }
    return requestViews;
  }

  public boolean isDenied() {
    return denied;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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

  /** The days left of a window in words. */
  public String daysLeft(PortalFiles.WindowToday w) {
    if (w.daysLeft() == null) {
      return language.text("file.from-notification");
    }
    String lastDay = day(w.window().lastDay());
    if (!w.open()) {
      return language.format("file.expired-on", lastDay);
    }
    long d = w.daysLeft();
    return d == 0
        ? language.text("file.expires-today")
        : d == 1
            ? language.format("file.one-day-left", lastDay)
            : language.format2("file.days-left", d, lastDay);
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
