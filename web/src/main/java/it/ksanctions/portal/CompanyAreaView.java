package it.ksanctions.portal;

import it.ksanctions.portal.application.CompanyDrivers;
import it.ksanctions.portal.application.CompanyDrivers.ActLine;
import it.ksanctions.portal.application.CompanyDrivers.Company;
import it.ksanctions.portal.application.CompanyDrivers.Outcome;
import it.ksanctions.portal.application.CompanyDrivers.SentRequest;
import it.ksanctions.portal.application.CompanyDrivers.UploadView;
import it.ksanctions.portal.domain.DriverCsv;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Rome"));

  @Inject CompanyDrivers drivers;
  @Inject CompanySession session;
  @Inject CurrentTenant tenant;

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
      if (error instanceof String message) {
        loginError = message;
        http.removeAttribute(CompanyAccessServlet.ERROR);
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
    return c != null && c.taxCode().length() == 11 ? "partita IVA" : "codice fiscale";
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
      error("Sessione scaduta: accedere di nuovo all'area aziende.");
      return;
    }
    if (file == null || (file.getSize() == 0 && blank(file.getSubmittedFileName()))) {
      error("Scegliere il file CSV dei conducenti da inviare.");
      return;
    }
    Outcome done;
    try {
      done = drivers.upload(company.get(), file.getSubmittedFileName(), read(file), declared);
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      error(violation.italianMessage());
      return;
    }
    if (done.refused()) {
      outcome = done;
      error(
          "Il file non è stato accettato e nessun conducente è stato comunicato: "
              + (done.problems().size() == 1
                  ? "c'è un problema"
                  : "ci sono " + done.problems().size() + " problemi")
              + ", elencati sotto. Correggere il file e caricarlo di nuovo.");
      return;
    }
    ExternalContext external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    UploadView upload = done.upload();
    String text =
        done.replay()
            ? "Questo file è già stato caricato il "
                + upload.when()
                + " da "
                + upload.uploadedBy()
                + " («"
                + upload.fileName()
                + "», "
                + done.requests().size()
                + (done.requests().size() == 1 ? " richiesta" : " richieste")
                + "): nessuna nuova richiesta è stata inviata."
            : "File «"
                + upload.fileName()
                + "» accettato: "
                + (done.requests().size() == 1
                    ? "inviata 1 comunicazione"
                    : "inviate " + done.requests().size() + " comunicazioni")
                + " dei dati del conducente al comando.";
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    external.redirect(
        external.getRequestContextPath() + tenant.pathPrefix() + "/portale/azienda.xhtml");
  }

  public String day(LocalDate day) {
    return day == null ? "—" : DAY.format(day);
  }

  public String when(Instant at) {
    return at == null ? "" : MINUTE.format(at);
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
