package it.ksanctions.portal;

import it.ksanctions.portal.application.CompanyDrivers;
import it.ksanctions.portal.application.CompanyDrivers.ActLine;
import it.ksanctions.portal.application.CompanyDrivers.Company;
import it.ksanctions.portal.application.CompanyDrivers.Outcome;
import it.ksanctions.portal.application.CompanyDrivers.SentRequest;
import it.ksanctions.portal.application.CompanyDrivers.UploadView;
import it.ksanctions.portal.domain.DriverCsv;
import it.ksanctions.portal.domain.DriverField;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The area of rental and leasing companies (issue 16 item 6, {@code portale/azienda.xhtml}): the
 * company's acts with the last day to name each driver, the CSV upload with its report of every
 * wrong row, the requests sent and the files accepted. Without a signed-in company, the page
 * explains the service and offers the login.
 */
@Named
@ViewScoped
public class CompanyAreaView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CompanyDrivers drivers;
  @Inject CompanySession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private transient Part file;
  private boolean declared;
  private String loginError;
  private transient Outcome outcome;
  private transient List<ActLine> acts;
  private transient List<SentRequest> sent;
  private transient List<UploadView> uploads;

  /** On every GET: the login's error to show once. */
  public void load() {
    Object external = FacesContext.getCurrentInstance().getExternalContext().getSession(false);
    if (external instanceof HttpSession http) {
      Object error = http.getAttribute(CompanyAccessServlet.ERROR);
      http.removeAttribute(CompanyAccessServlet.ERROR);
      if (error instanceof CompanyAccessServlet.Failure f) {
        // in Italian the identity check's own explanation when it gave one
        loginError =
            f.italian() != null && !language.isEnglish() ? f.italian() : language.text(f.key());
      }
    }
  }

  public boolean isSignedIn() {
    return company().isPresent();
  }

  public Company getCompany() {
    return company().orElse(null);
  }

  /** How the company's tax code is called: a partita IVA has 11 digits. */
  public String getTaxCodeLabel() {
    Company c = getCompany();
    return language.text(
        c != null && c.taxCode().length() == 11 ? "company.vat" : "company.tax-code");
  }

  public String getLoginError() {
    return loginError;
  }

  public List<ActLine> getActs() {
    if (acts == null) {
      acts = company().map(drivers::acts).orElse(List.of());
    }
    return acts;
  }

  public long getToName() {
    return getActs().stream().filter(ActLine::toName).count();
  }

  public List<SentRequest> getSent() {
    if (sent == null) {
      sent = company().map(drivers::sent).orElse(List.of());
    }
    return sent;
  }

  public List<UploadView> getUploads() {
    if (uploads == null) {
      uploads = company().map(drivers::uploads).orElse(List.of());
    }
    return uploads;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** The columns' names in the file, in order. */
  public List<String> getColumns() {
    return DriverCsv.COLUMNS.stream().map(DriverField::csvName).toList();
  }

  /** What the driver's column says of an act, in the portal's language. */
  public String note(ActLine act) {
    return switch (act.driver()) {
      case TO_NAME ->
          language.format2("company.note.to-name", language.day(act.lastDay()), act.daysLeft());
      case NAMED ->
          language.format2(
              "company.note.named",
              act.requestId(),
              language.label(act.requestStatus(), act.requestStatus().label()));
      case ELAPSED -> language.format("company.note.elapsed", language.day(act.lastDay()));
      case NOT_NOTIFIED -> language.text("company.note.not-notified");
    };
  }

  public String getHeader() {
    return DriverCsv.header();
  }

  public int getMaxRows() {
    return DriverCsv.MAX_ROWS;
  }

  public int getMaxKilobytes() {
    return DriverCsv.MAX_BYTES / 1024;
  }

  /** Sends the file: back to the page with the report, or to the lists when accepted. */
  public void upload() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<Company> company = company();
    if (company.isEmpty()) {
      error(language.text("company.msg.session-expired"));
      return;
    }
    if (file == null || (file.getSize() == 0 && blank(file.getSubmittedFileName()))) {
      error(language.text("company.msg.choose-file"));
      return;
    }
    Outcome done;
    try {
      done = drivers.upload(company.get(), file.getSubmittedFileName(), read(file), declared);
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      error(language.rule(violation));
      return;
    }
    if (done.refused()) {
      outcome = done;
      error(
          done.problems().size() == 1
              ? language.text("company.msg.refused-one")
              : language.format("company.msg.refused", done.problems().size()));
      return;
    }
    ExternalContext external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    UploadView upload = done.upload();
    String text;
    if (done.replay()) {
      text =
          language.format3(
              "company.msg.replay",
              language.time(upload.uploadedAt()),
              upload.uploadedBy(),
              upload.fileName());
    } else if (done.requests().size() == 1) {
      text = language.format("company.msg.accepted-one", upload.fileName());
    } else {
      text = language.format2("company.msg.accepted", upload.fileName(), done.requests().size());
    }
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    external.redirect(
        external.getRequestContextPath() + tenant.pathPrefix() + "/portale/azienda.xhtml");
  }

  private Optional<Company> company() {
    return session.company(tenant.require().slug());
  }

  private static byte[] read(Part part) throws IOException {
    long limit = DriverCsv.MAX_BYTES + 1L; // enough to tell a larger file
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes((int) Math.min(limit, Math.max(part.getSize(), 0) + 1));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public boolean isDeclared() {
    return declared;
  }

  public void setDeclared(boolean declared) {
    this.declared = declared;
  }
}
