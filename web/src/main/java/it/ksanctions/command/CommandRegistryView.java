package it.ksanctions.command;

import it.ksanctions.command.application.CommandHealth;
import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.CommandRegistryAdministration.RegistryView;
import it.ksanctions.command.domain.BodyKind;
import it.ksanctions.command.domain.CommandAnomaly;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * The command's registry (CMD-1): institutional data, logo and letterhead, and the state of the
 * configuration (CMD-8 anomalies, the serious ones blocking new verbali).
 */
@Named
@ViewScoped
public class CommandRegistryView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CommandRegistryAdministration administration;
  @Inject CommandHealth health;

  private RegistryView saved;
  private List<CommandAnomaly> anomalies = List.of();

  private String officialName;
  private BodyKind bodyKind;
  private String parentBodyName;
  private String taxCode;
  private String vatNumber;
  private String street;
  private String postalCode;
  private String city;
  private String province;
  private String phone;
  private String email;
  private String pec;
  private String website;
  private String commandManager;
  private String procedureManager;
  private SignatureKind signatureKind = SignatureKind.NONE;
  private String signatureHolder;
  private LocalDate signatureValidUntil;
  private String reference;

  private transient UploadedFile logoFile;
  private transient UploadedFile letterheadFile;

  @PostConstruct
  void load() {
    saved = Feedback.attempt(administration::view, null);
    if (saved != null) {
      fill(saved.registry());
    }
    List<CommandAnomaly> found = Feedback.attempt(health::anomalies, null);
    anomalies = found == null ? List.of() : found;
  }

  private void fill(CommandRegistry r) {
    officialName = r.officialName();
    bodyKind = r.bodyKind();
    parentBodyName = r.parentBodyName();
    taxCode = r.taxCode();
    vatNumber = r.vatNumber();
    street = r.street();
    postalCode = r.postalCode();
    city = r.city();
    province = r.province();
    phone = r.phone();
    email = r.email();
    pec = r.pec();
    website = r.website();
    commandManager = r.commandManager();
    procedureManager = r.procedureManager();
    signatureKind = r.signatureKind() == null ? SignatureKind.NONE : r.signatureKind();
    signatureHolder = r.signatureHolder();
    signatureValidUntil = r.signatureValidUntil();
  }

  public void save() {
    CommandRegistry registry =
        new CommandRegistry(
            officialName,
            bodyKind,
            parentBodyName,
            taxCode,
            vatNumber,
            street,
            postalCode,
            city,
            province,
            phone,
            email,
            pec,
            website,
            commandManager,
            procedureManager,
            signatureKind,
            signatureHolder,
            signatureValidUntil);
    RegistryView result =
        Feedback.attempt(
            () -> administration.save(registry, reference), "Anagrafica del comando salvata.");
    if (result != null) {
      saved = result;
      fill(result.registry());
      reference = null;
      refreshAnomalies();
    }
  }

  public void uploadLogo() {
    if (logoFile == null || logoFile.getSize() == 0) {
      Feedback.error("Scegliere un'immagine PNG o JPEG per il logo.");
      return;
    }
    if (Feedback.attempt(
        () -> administration.uploadLogo(logoFile.getFileName(), bytes(logoFile)),
        "Logo caricato.")) {
      saved = administration.view();
    }
  }

  public void uploadLetterhead() {
    if (letterheadFile == null || letterheadFile.getSize() == 0) {
      Feedback.error("Scegliere un file PNG, JPEG o PDF per la carta intestata.");
      return;
    }
    if (Feedback.attempt(
        () -> administration.uploadLetterhead(letterheadFile.getFileName(), bytes(letterheadFile)),
        "Carta intestata caricata.")) {
      saved = administration.view();
    }
  }

  public void downloadLetterhead() {
    administration
        .letterhead()
        .ifPresentOrElse(
            image -> Downloads.send(image.content(), image.contentType(), image.fileName()),
            () -> Feedback.error("Nessuna carta intestata caricata."));
  }

  private void refreshAnomalies() {
    List<CommandAnomaly> found = Feedback.attempt(health::anomalies, null);
    anomalies = found == null ? List.of() : found;
  }

  private static byte[] bytes(UploadedFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readNBytes(6 * 1024 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isBlocked() {
    return anomalies.stream().anyMatch(CommandAnomaly::blocking);
  }

  public List<CommandAnomaly> getAnomalies() {
    return anomalies;
  }

  public RegistryView getSaved() {
    return saved;
  }

  public BodyKind[] getBodyKinds() {
    return BodyKind.values();
  }

  public SignatureKind[] getSignatureKinds() {
    return SignatureKind.values();
  }

  public String getOfficialName() {
    return officialName;
  }

  public void setOfficialName(String v) {
    officialName = v;
  }

  public BodyKind getBodyKind() {
    return bodyKind;
  }

  public void setBodyKind(BodyKind v) {
    bodyKind = v;
  }

  public String getParentBodyName() {
    return parentBodyName;
  }

  public void setParentBodyName(String v) {
    parentBodyName = v;
  }

  public String getTaxCode() {
    return taxCode;
  }

  public void setTaxCode(String v) {
    taxCode = v;
  }

  public String getVatNumber() {
    return vatNumber;
  }

  public void setVatNumber(String v) {
    vatNumber = v;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String v) {
    street = v;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String v) {
    postalCode = v;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String v) {
    city = v;
  }

  public String getProvince() {
    return province;
  }

  public void setProvince(String v) {
    province = v;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String v) {
    phone = v;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String v) {
    email = v;
  }

  public String getPec() {
    return pec;
  }

  public void setPec(String v) {
    pec = v;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String v) {
    website = v;
  }

  public String getCommandManager() {
    return commandManager;
  }

  public void setCommandManager(String v) {
    commandManager = v;
  }

  public String getProcedureManager() {
    return procedureManager;
  }

  public void setProcedureManager(String v) {
    procedureManager = v;
  }

  public SignatureKind getSignatureKind() {
    return signatureKind;
  }

  public void setSignatureKind(SignatureKind v) {
    signatureKind = v;
  }

  public String getSignatureHolder() {
    return signatureHolder;
  }

  public void setSignatureHolder(String v) {
    signatureHolder = v;
  }

  public LocalDate getSignatureValidUntil() {
    return signatureValidUntil;
  }

  public void setSignatureValidUntil(LocalDate v) {
    signatureValidUntil = v;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String v) {
    reference = v;
  }

  public UploadedFile getLogoFile() {
    return logoFile;
  }

  public void setLogoFile(UploadedFile f) {
    logoFile = f;
  }

  public UploadedFile getLetterheadFile() {
    return letterheadFile;
  }

  public void setLetterheadFile(UploadedFile f) {
    letterheadFile = f;
  }
}
