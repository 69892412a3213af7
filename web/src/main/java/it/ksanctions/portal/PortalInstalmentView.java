package it.ksanctions.portal;

import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.portal.application.InstalmentRequests.Terms;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.InstalmentPlan;
import it.ksanctions.portal.domain.InstalmentRules;
import it.ksanctions.portal.domain.InstalmentRules.Eligibility;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Rateizzazione" on the portal (issue 16 item 5, POR-6): on an act the citizen opened, the terms
 * (amount due today, notification, deadline, most instalments, rate), the eligibility check with
 * every reason, the provisional schedule of the chosen number of instalments, the notice that
 * asking waives the appeal, and the request with the income self-declaration. The form carries a
 * key made when it is shown, so pressing "Invia" twice records one request.
 */
@Named
@ViewScoped
public class PortalInstalmentView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Read at most this much of a part: anything larger is refused by size anyway. */
  private static final long READ_LIMIT = 10L * 1024 * 1024 + 1;

  @Inject InstalmentRequests requests;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private Long verbale;
  private BigDecimal income;
  private Integer family = 0;
  private Integer count;
  private String email;
  private boolean waiver;
  private transient Part declaration;
  private transient Terms terms;
  private transient Eligibility eligibility;
  private transient InstalmentPlan preview;
  private final String key = UUID.randomUUID().toString();

  public boolean isAllowed() {
    return grant().filter(g -> verbale != null && g.mayRead(verbale)).isPresent();
  }

  public Terms getTerms() {
    if (terms == null && isAllowed()) {
      try {
        terms = requests.terms(grant().orElseThrow(), verbale);
      } catch (RuntimeException e) {
        if (!(e instanceof RuleViolation)) {
          throw e;
        }
      }
    }
    return terms;
  }

  /** The notice that asking waives the appeal: the rule's own Italian text, or its English. */
  public String getWaiverNotice() {
    return language.isEnglish()
        ? language.text("instalments.waiver-notice")
        : InstalmentRules.APPEAL_WAIVER_NOTICE;
  }

  /** The numbers of instalments the amount allows, for the menu. */
  public List<Integer> getCounts() {
    Terms t = getTerms();
    if (t == null || t.maxInstalments() < InstalmentRules.MIN_INSTALMENTS) {
      return List.of();
    }
    return java.util.stream.IntStream.rangeClosed(
            InstalmentRules.MIN_INSTALMENTS, t.maxInstalments())
        .boxed()
        .toList();
  }

  /** "Verifica": every reason against, or the provisional schedule. */
  public void check() {
    Optional<Grant> grant = grant();
    if (grant.isEmpty() || verbale == null) {
      error(language.text("common.session-expired"));
      return;
    }
    preview = null;
    try {
      eligibility = requests.check(grant.get(), verbale, income, family);
      if (!eligibility.eligible()) {
        error(
            language.ruleByCode(
                InstalmentRules.NOT_ELIGIBLE,
                "Pagamento rateale non ammesso. " + eligibility.italianMessage()));
        return;
      }
      if (count == null) {
        info(language.text("instalments.allowed-choose"));
        return;
      }
      preview = requests.preview(grant.get(), verbale, count);
      info(language.text("instalments.allowed-plan"));
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      error(language.rule(violation));
    }
  }

  public void send() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<Grant> grant = grant();
    if (grant.isEmpty() || verbale == null) {
      error(language.text("common.session-expired"));
      return;
    }
    try {
      InstalmentRequests.Declaration file =
          declaration == null
                  || declaration.getSize() == 0 && blank(declaration.getSubmittedFileName())
              ? null
              : new InstalmentRequests.Declaration(
                  declaration.getSubmittedFileName(), read(declaration));
      InstalmentRequests.PlanView done =
          requests.submit(
              grant.get(),
              verbale,
              income,
              family,
              count == null ? 0 : count,
              email,
              waiver,
              file,
              key);
      ExternalContext external = faces.getExternalContext();
      external.getFlash().setKeepMessages(true);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              language.format2("instalments.received", done.id(), day(done.decisionDueOn())),
              null));
      external.redirect(
          external.getRequestContextPath()
              + tenant.pathPrefix()
              + "/portale/verbale.xhtml?id="
              + verbale);
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      error(language.rule(violation));
    }
  }

  private Optional<Grant> grant() {
    return session.grant(tenant.require().slug());
  }

  private static byte[] read(Part part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes((int) Math.min(READ_LIMIT, Math.max(part.getSize(), 0) + 1));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public String euro(BigDecimal amount) {
    return language.euro(amount);
  }

  public String day(LocalDate day) {
    return language.day(day);
  }

  /** The annual rate as the citizen reads it (see {@link PortalLanguage#rate}). */
  public String rate(BigDecimal rate, boolean configured, String italian) {
    return language.rate(rate, configured, italian);
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public InstalmentPlan getPreview() {
    return preview;
  }

  public Eligibility getEligibility() {
    return eligibility;
  }

  public Long getVerbale() {
    return verbale;
  }

  public void setVerbale(Long verbale) {
    this.verbale = verbale;
  }

  public BigDecimal getIncome() {
    return income;
  }

  public void setIncome(BigDecimal income) {
    this.income = income;
  }

  public Integer getFamily() {
    return family;
  }

  public void setFamily(Integer family) {
    this.family = family;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isWaiver() {
    return waiver;
  }

  public void setWaiver(boolean waiver) {
    this.waiver = waiver;
  }

  public Part getDeclaration() {
    return declaration;
  }

  public void setDeclaration(Part declaration) {
    this.declaration = declaration;
  }
}
