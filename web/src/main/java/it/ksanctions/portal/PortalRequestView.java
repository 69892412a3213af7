package it.ksanctions.portal;

import it.ksanctions.portal.application.CitizenRequests;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.RequestKind;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Nuova richiesta" on the portal (issue 16 items 4 and 7): an appeal, a self-protection request or
 * a communication about an act the citizen opened, with up to five attachments. The form carries a
 * key made when it is shown, so pressing "Invia" twice records one request.
 */
@Named
@ViewScoped
public class PortalRequestView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Read at most this much of a part: anything larger is refused by size anyway. */
  private static final long READ_LIMIT = 10L * 1024 * 1024 + 1;

  @Inject CitizenRequests requests;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private Long verbale;
  private RequestKind kind;
  private String body;
  private String email;
  private boolean residentAbroad;
  private transient List<Part> files;
  private final String key = UUID.randomUUID().toString();
  private String driverName;
  private String driverTaxCode;
  private String licenceNumber;
  private String category;
  private java.time.LocalDate issuedOn;
  private java.time.LocalDate expiresOn;

  public String getDriverName() {
    return driverName;
  }

  public void setDriverName(String driverName) {
    this.driverName = driverName;
  }

  public String getDriverTaxCode() {
    return driverTaxCode;
  }

  public void setDriverTaxCode(String driverTaxCode) {
    this.driverTaxCode = driverTaxCode;
  }

  public String getLicenceNumber() {
    return licenceNumber;
  }

  public void setLicenceNumber(String licenceNumber) {
    this.licenceNumber = licenceNumber;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public java.time.LocalDate getIssuedOn() {
    return issuedOn;
  }

  public void setIssuedOn(java.time.LocalDate issuedOn) {
    this.issuedOn = issuedOn;
  }

  public java.time.LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(java.time.LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }

  public boolean isAllowed() {
    return grant().filter(g -> verbale != null && g.mayRead(verbale)).isPresent();
  }

  public List<RequestKind> getKinds() {
    return List.of(
        RequestKind.PREFETTO_APPEAL,
        RequestKind.SELF_PROTECTION,
        RequestKind.JUSTICE_OF_PEACE_APPEAL,
        RequestKind.DRIVER_IDENTIFICATION,
        RequestKind.OWNERSHIP_CHANGE,
        RequestKind.WRONG_PLATE,
        RequestKind.OTHER_COMMUNICATION);
  }

  public void send() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<Grant> grant = grant();
    if (grant.isEmpty() || verbale == null) {
      error(language.text("common.session-expired"));
      return;
    }
    try {
      List<CitizenRequests.Upload> uploads = new ArrayList<>();
      if (files != null) {
        for (Part part : files) {
          if (part == null || part.getSize() == 0 && blank(part.getSubmittedFileName())) {
            continue;
          }
          uploads.add(new CitizenRequests.Upload(part.getSubmittedFileName(), read(part)));
        }
      }
      CitizenRequests.RequestView done =
          kind == RequestKind.DRIVER_IDENTIFICATION
              ? requests.submitDriver(
                  grant.get(),
                  verbale,
                  new CitizenRequests.DriverData(
                      driverName, driverTaxCode, licenceNumber, category, issuedOn, expiresOn),
                  email,
                  uploads,
                  key)
              : requests.submit(
                  grant.get(), verbale, kind, body, email, residentAbroad, uploads, key);
      ExternalContext external = faces.getExternalContext();
      external.getFlash().setKeepMessages(true);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              language.format2(
                  "request.received", done.id(), language.label(done.kind(), done.kindLabel())),
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

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public Long getVerbale() {
    return verbale;
  }

  public void setVerbale(Long verbale) {
    this.verbale = verbale;
  }

  public RequestKind getKind() {
    return kind;
  }

  public void setKind(RequestKind kind) {
    this.kind = kind;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isResidentAbroad() {
    return residentAbroad;
  }

  public void setResidentAbroad(boolean residentAbroad) {
    this.residentAbroad = residentAbroad;
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files;
  }
}
