package it.ksanctions.platform;

import it.ksanctions.platform.application.OnboardingWizards;
import it.ksanctions.platform.application.OnboardingWizards.Run;
import it.ksanctions.platform.domain.OnboardingStep;
import it.ksanctions.platform.domain.PlatformRules;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord.Data;
import it.ksanctions.tenancy.operations.WizardStepRecord;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The onboarding wizard: (1) body data, (2) slug and host names, (3) first administrator, (4)
 * theme, (5) optional PEC/SMTP credentials, (6) run with the progress of each step. Each page is
 * checked when leaving it; a failed run can be resumed (also later, from {@code ?procedura=<id>}),
 * with the same data or after correcting it.
 */
@Named
@ViewScoped
public class OnboardingWizardView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Set<String> PAGE_1 =
      Set.of("displayName", "kind", "taxCode", "patronSaintDay");
  private static final Set<String> PAGE_2 = Set.of("slug", "hostnames");

  @Inject transient OnboardingWizards wizards;

  private int page = 1;
  private String wizardId;
  private String displayName;
  private String kind = "COMUNE";
  private String taxCode;
  private String patronSaintDay;
  private String slug;
  private String hostnames;
  private String adminUsername;
  private String adminFirstName;
  private String adminLastName;
  private String adminEmail;
  private String themeCode = "default";
  private String smtpHost;
  private String smtpPort;
  private String smtpTls = "STARTTLS";
  private String smtpUsername;
  private String smtpPassword;
  private String smtpSender;
  private String oneTimeUsername;
  private String oneTimePassword;
  private transient OnboardingWizardRecord record;

  /** Opens a wizard already started ({@code ?procedura=<id>}) at its progress page. */
  public void load() {
    if (wizardId == null || wizardId.isBlank()) {
      wizardId = null;
      return;
    }
    record = wizards.find(wizardId).orElse(null);
    if (record == null) {
      ConsoleSupport.error("Procedura di attivazione inesistente.");
      wizardId = null;
      return;
    }
    fill(record.data());
    page = 6;
  }

  private void fill(Data data) {
    slug = data.slug();
    displayName = data.displayName();
    kind = data.kind();
    taxCode = data.taxCode();
    patronSaintDay = data.patronSaintDay();
    hostnames = String.join("\n", data.hostnames());
    adminUsername = data.adminUsername();
    adminFirstName = data.adminFirstName();
    adminLastName = data.adminLastName();
    adminEmail = data.adminEmail();
    themeCode = data.themeCode();
    smtpHost = data.smtpHost();
    smtpPort = data.smtpPort();
    smtpTls = data.smtpTls() == null ? "STARTTLS" : data.smtpTls();
    smtpUsername = data.smtpUsername();
    smtpSender = data.smtpSender();
  }

  Data data() {
    return new Data(
        slug == null ? null : slug.strip(),
        displayName,
        kind,
        taxCode == null ? null : taxCode.strip(),
        patronSaintDay,
        hostList(),
        adminUsername,
        adminFirstName,
        adminLastName,
        adminEmail,
        themeCode,
        blank(smtpHost),
        blank(smtpPort),
        smtpTls,
        blank(smtpUsername),
        blank(smtpSender));
  }

  private List<String> hostList() {
    if (hostnames == null || hostnames.isBlank()) {
      return List.of();
    }
    return Arrays.stream(hostnames.split("[\\s,;]+")).filter(h -> !h.isBlank()).toList();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String next() {
    switch (page) {
      case 1 -> {
        if (show(wizards.checkTenant(data(), wizardId), PAGE_1)) {
          if (slug == null || slug.isBlank()) {
            slug = suggestSlug(displayName);
          }
          page = 2;
        }
      }
      case 2 -> {
        if (show(wizards.checkTenant(data(), wizardId), PAGE_2)) {
          if (adminUsername == null || adminUsername.isBlank()) {
            adminUsername = "admin." + slug.strip();
          }
          page = 3;
        }
      }
      case 3 -> {
        if (show(wizards.checkAdministrator(data()), null)) {
          page = 4;
        }
      }
      case 4 -> {
        if (ConsoleSupport.attempt(() -> PlatformRules.baseTheme(themeCode), null)) {
          page = 5;
        }
      }
      case 5 -> {
        var problem = wizards.checkCredentials(data(), smtpPassword);
        if (problem.isPresent()) {
          ConsoleSupport.error(problem.get());
        } else {
          page = 6;
        }
      }
      default -> {}
    }
    return null;
  }

  public String back() {
    if (page > 1) {
      page--;
    }
    return null;
  }

  /** Goes back to the first page to correct the data of a failed wizard, then resume. */
  public String correct() {
    page = 1;
    return null;
  }

  /** Runs the onboarding: a new wizard, or the resume of the one being shown. */
  public String run() {
    String who = ConsoleSupport.platformUser();
    oneTimeUsername = null;
    oneTimePassword = null;
    try {
      Run run =
          wizardId == null
              ? wizards.start(data(), smtpPassword, who)
              : wizards.resume(wizardId, data(), smtpPassword, who);
      record = run.wizard();
      wizardId = record.getId();
      page = 6;
      run.administrator()
          .ifPresent(
              credentials -> {
                oneTimeUsername = credentials.username();
                oneTimePassword = credentials.temporaryPassword();
              });
      if (run.failed()) {
        ConsoleSupport.error(
            "Attivazione interrotta al passo «"
                + stepLabel(record.getFailedStep())
                + "»: "
                + record.getFailureReason());
      } else {
        ConsoleSupport.info("Comando " + record.getSlug() + " attivato.");
      }
    } catch (InvalidRequestException e) {
      show(e.errors(), null);
      ConsoleSupport.error("Dati non validi: correggere i campi segnalati.");
    } catch (RuntimeException e) {
      ConsoleSupport.error(ConsoleSupport.explain(e));
    }
    return null;
  }

  /** Shows the field errors among {@code fields} (all when null); true when there are none. */
  private boolean show(List<FieldError> errors, Set<String> fields) {
    boolean ok = true;
    for (FieldError error : errors) {
      String field = error.field().startsWith("hostnames") ? "hostnames" : error.field();
      if (fields != null && !fields.contains(field)) {
        continue;
      }
      ok = false;
      ConsoleSupport.fieldError("wizard:" + field, italian(error));
    }
    return ok;
  }

  static String italian(FieldError error) {
    String message = error.message();
    return switch (error.field()) {
      case "displayName" -> "Indicare il nome dell'ente (al massimo 200 caratteri).";
      case "kind" -> "Scegliere Comune, Unione di comuni o Provincia.";
      case "taxCode" ->
          "Codice fiscale dell'ente non valido: 11 cifre con la cifra di controllo corretta.";
      case "patronSaintDay" -> "Giorno del santo patrono non valido: MM-GG, ad esempio 12-26.";
      case "slug" ->
          "taken".equals(message)
              ? "Slug già usato da un altro comando: sceglierne un altro."
              : "Slug non valido: 2-31 caratteri, una lettera minuscola seguita da lettere"
                  + " minuscole, cifre o '-'.";
      case "hostnames" ->
          message.startsWith("taken:")
              ? "Il nome host «" + message.substring(6) + "» è già usato da un altro comando."
              : "Nome host non valido.";
      case "adminUsername" ->
          "Nome utente non valido: 3-64 caratteri tra lettere minuscole, cifre, '.', '_', '@',"
              + " '-'.";
      case "adminFirstName" -> "Indicare il nome della persona.";
      case "adminLastName" -> "Indicare il cognome della persona.";
      case "adminEmail" -> "Indicare un indirizzo e-mail valido.";
      default ->
          error.field().startsWith("hostnames")
              ? "Nome host non valido: ad esempio multe.comune.example.it."
              : error.field() + ": " + message;
    };
  }

  static String suggestSlug(String name) {
    if (name == null) {
      return null;
    }
    String plain =
        Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceFirst("^(comune|citta|unione|provincia)( dei| dell[ae]| del| di| d')?\\s*", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (plain.length() > 31) {
      plain = plain.substring(0, 31).replaceAll("-+$", "");
    }
    return plain;
  }

  public List<WizardStepRecord> getSteps() {
    return record == null ? List.of() : record.getSteps();
  }

  public List<OnboardingStep> getStepNames() {
    return List.of(OnboardingStep.values());
  }

  public String stepLabel(String step) {
    try {
      return OnboardingStep.valueOf(step).italianLabel();
    } catch (RuntimeException e) {
      return step;
    }
  }

  public String statusLabel(WizardStepRecord.Status status) {
    return switch (status) {
      case PENDING -> "In attesa";
      case RUNNING -> "In corso";
      case DONE -> "Completato";
      case FAILED -> "Non riuscito";
      case SKIPPED -> "Saltato";
    };
  }

  public boolean isFailed() {
    return record != null && record.getStatus() == OnboardingWizardRecord.Status.FAILED;
  }

  public boolean isDone() {
    return record != null && record.getStatus() == OnboardingWizardRecord.Status.DONE;
  }

  public boolean isStarted() {
    return record != null;
  }

  public List<String> getThemes() {
    return PlatformRules.BASE_THEMES;
  }

  public String themeLabel(String code) {
    return it.ksanctions.branding.domain.BaseThemes.label(code);
  }

  public OnboardingWizardRecord getRecord() {
    return record;
  }

  public int getPage() {
    return page;
  }

  public String getWizardId() {
    return wizardId;
  }

  public void setWizardId(String wizardId) {
    this.wizardId = wizardId;
  }

  public String getOneTimeUsername() {
    return oneTimeUsername;
  }

  public String getOneTimePassword() {
    return oneTimePassword;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getTaxCode() {
    return taxCode;
  }

  public void setTaxCode(String taxCode) {
    this.taxCode = taxCode;
  }

  public String getPatronSaintDay() {
    return patronSaintDay;
  }

  public void setPatronSaintDay(String patronSaintDay) {
    this.patronSaintDay = patronSaintDay;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getHostnames() {
    return hostnames;
  }

  public void setHostnames(String hostnames) {
    this.hostnames = hostnames;
  }

  public String getAdminUsername() {
    return adminUsername;
  }

  public void setAdminUsername(String adminUsername) {
    this.adminUsername = adminUsername;
  }

  public String getAdminFirstName() {
    return adminFirstName;
  }

  public void setAdminFirstName(String adminFirstName) {
    this.adminFirstName = adminFirstName;
  }

  public String getAdminLastName() {
    return adminLastName;
  }

  public void setAdminLastName(String adminLastName) {
    this.adminLastName = adminLastName;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public String getThemeCode() {
    return themeCode;
  }

  public void setThemeCode(String themeCode) {
    this.themeCode = themeCode;
  }

  public String getSmtpHost() {
    return smtpHost;
  }

  public void setSmtpHost(String smtpHost) {
    this.smtpHost = smtpHost;
  }

  public String getSmtpPort() {
    return smtpPort;
  }

  public void setSmtpPort(String smtpPort) {
    this.smtpPort = smtpPort;
  }

  public String getSmtpTls() {
    return smtpTls;
  }

  public void setSmtpTls(String smtpTls) {
    this.smtpTls = smtpTls;
  }

  public String getSmtpUsername() {
    return smtpUsername;
  }

  public void setSmtpUsername(String smtpUsername) {
    this.smtpUsername = smtpUsername;
  }

  public String getSmtpPassword() {
    return null; // never sent back to the browser
  }

  public void setSmtpPassword(String smtpPassword) {
    if (smtpPassword != null && !smtpPassword.isBlank()) {
      this.smtpPassword = smtpPassword;
    }
  }

  public boolean isSmtpPasswordTyped() {
    return smtpPassword != null;
  }

  public String getSmtpSender() {
    return smtpSender;
  }

  public void setSmtpSender(String smtpSender) {
    this.smtpSender = smtpSender;
  }
}
