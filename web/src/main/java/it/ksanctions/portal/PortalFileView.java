package it.ksanctions.portal;

import it.ksanctions.portal.application.ActFilePages;
import it.ksanctions.portal.application.CitizenRequests.RequestView;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
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
import java.util.List;
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
  @Inject ActFilePages pages;
  private transient List<RequestView> requestViews;
  private transient List<PlanView> plans;
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
      keep(pages.page(grant.get(), id));
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
    reread();
    return file;
  }

  /** The citizen's requests about the act, newest first. */
  public List<RequestView> getRequests() {
    reread();
    return requestViews == null ? List.of() : requestViews;
  }

  /** The act's instalment plans, newest first. */
  public List<PlanView> getPlans() {
    reread();
    return plans == null ? List.of() : plans;
  }

  /** The page read in {@link #load()}, or read again after a postback lost it (view state). */
  private void reread() {
    if (file == null && !denied && id != null) {
      session
          .grant(tenant.require().slug())
          .filter(g -> g.mayRead(id))
          .ifPresent(g -> keep(pages.page(g, id)));
    }
  }

  private void keep(ActFilePages.Page page) {
    file = page.file();
    requestViews = page.requests();
    plans = page.plans();
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
