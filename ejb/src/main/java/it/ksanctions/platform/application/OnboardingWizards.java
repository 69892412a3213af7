package it.ksanctions.platform.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.IntegrationSettings;
import it.ksanctions.command.domain.SecretValue;
import it.ksanctions.identity.application.IdentityProviderException;
import it.ksanctions.identity.application.TenantIdentities.InitialCredentials;
import it.ksanctions.identity.domain.FirstAdministrator;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.platform.domain.OnboardingStep;
import it.ksanctions.platform.domain.PlatformRuleException;
import it.ksanctions.platform.domain.PlatformRules;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord.Data;
import it.ksanctions.tenancy.operations.OnboardingWizardStore;
import it.ksanctions.tenancy.operations.WizardStepRecord;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The vendor console's onboarding wizard (SPEC PLT-3): checks each page's data, then runs the
 * onboarding step by step (database role and schema, migrations, Keycloak organization, first
 * administrator, theme, integration credentials), recording each step's progress in schema {@code
 * platform} and in the platform audit trail. A failed step leaves the tenant FAILED with the step
 * and its Italian reason; {@link #resume} runs the same (or corrected) request again, which the
 * onboarding's idempotent steps continue.
 */
@ApplicationScoped
public class OnboardingWizards {

  private static final Logger LOG = Logger.getLogger(OnboardingWizards.class);

  /** The outcome of a run: the wizard's record and the one-time credentials, if created now. */
  public record Run(OnboardingWizardRecord wizard, Optional<InitialCredentials> administrator) {
    public boolean failed() {
      return wizard.getStatus() == OnboardingWizardRecord.Status.FAILED;
    }
  }

  @Inject TenantOnboarding onboarding;
  @Inject it.ksanctions.branding.application.BrandingAdministration branding;
  @Inject TenantRegistry registry;
  @Inject OnboardingWizardStore store;
  @Inject PlatformAudit audit;
  @Inject IntegrationCredentials credentials;

  Clock clock = Clock.systemUTC();

  /**
   * Problems of the body's data and its slug and host names (pages 1 and 2), as the API validates
   * them, plus uniqueness: a slug already used (except by the tenant whose failed onboarding this
   * wizard resumes) and host names owned by other tenants.
   */
  public List<FieldError> checkTenant(Data data, String resumingWizardId) {
    List<FieldError> errors = new ArrayList<>();
    OnboardingRequest request = null;
    try {
      request = request(data);
    } catch (InvalidRequestException e) {
      errors.addAll(e.errors());
    }
    if (request != null) {
      Optional<Tenant> existing = registry.find(request.slug());
      boolean resuming =
          resumingWizardId != null
              && store
                  .find(resumingWizardId)
                  .map(w -> w.getSlug().equals(data.slug()))
                  .orElse(false);
      if (existing.isPresent()
          && !(resuming && existing.get().getStatus() == TenantStatus.FAILED)) {
        errors.add(new FieldError("slug", "taken"));
      }
      List<String> taken = registry.hostnamesOwnedByOthers(request.slug(), request.hostnames());
      for (String host : taken) {
        errors.add(new FieldError("hostnames", "taken:" + host));
      }
    }
    return errors;
  }

  /** Problems of the first administrator (page 3). */
  public List<FieldError> checkAdministrator(Data data) {
    try {
      administrator(data);
      return List.of();
    } catch (InvalidRequestException e) {
      return e.errors();
    }
  }

  /** Problems of the optional PEC/SMTP credentials (page 5), in Italian; empty when none. */
  public Optional<String> checkCredentials(Data data, String smtpPassword) {
    if (!hasSmtp(data)) {
      return Optional.empty();
    }
    try {
      Map<String, SecretValue> secrets = new LinkedHashMap<>();
      SecretValue password = SecretValue.ofNullable(smtpPassword);
      if (password != null) {
        secrets.put("password", password);
      }
      IntegrationSettings.validate(IntegrationKind.PEC_SMTP, smtpValues(data), Set.of(), secrets);
      return Optional.empty();
    } catch (CommandRuleException e) {
      return Optional.of(e.italianMessage());
    }
  }

  /**
   * Starts a wizard's onboarding with {@code data} and runs it.
   *
   * @throws InvalidRequestException or {@link PlatformRuleException} when the data is wrong
   */
  public Run start(Data data, String smtpPassword, String platformUser) {
    validateAll(data, smtpPassword);
    OnboardingWizardRecord wizard =
        store.insert(
            new OnboardingWizardRecord(
                data,
                Arrays.stream(OnboardingStep.values()).map(Enum::name).toList(),
                platformUser,
                clock.instant()));
    audit.success(
        platformUser,
        PlatformAudit.ONBOARDING,
        data.slug(),
        "Procedura guidata avviata: " + data.displayName());
    return run(wizard.getId(), data, smtpPassword, platformUser);
  }

  /**
   * Resumes a failed wizard, with corrected data when given ({@code null}: the same request). The
   * SMTP password is not stored: it is typed again when the credentials step is still to do.
   */
  public Run resume(String wizardId, Data corrected, String smtpPassword, String platformUser) {
    OnboardingWizardRecord wizard =
        store.find(wizardId).orElseThrow(() -> new UnknownTenantException(wizardId));
    Data data = corrected == null ? wizard.data() : corrected;
    if (!data.slug().equals(wizard.getSlug())) {
      throw new PlatformRuleException(
          "platform.wizard.slug-fixed",
          "Lo slug di una procedura già avviata non si cambia: avviare una nuova procedura.");
    }
    validateAll(data, smtpPassword);
    store.update(
        wizardId,
        w -> {
          w.change(data, clock.instant());
          w.resumeSteps(clock.instant());
        });
    audit.success(platformUser, PlatformAudit.ONBOARDING, data.slug(), "Procedura guidata ripresa");
    return run(wizardId, data, smtpPassword, platformUser);
  }

  public Optional<OnboardingWizardRecord> find(String wizardId) {
    return store.find(wizardId);
  }

  public Optional<OnboardingWizardRecord> latestOf(String slug) {
    return store.latestOf(slug);
  }

  private Run run(String wizardId, Data data, String smtpPassword, String platformUser) {
    OnboardingRequest request = request(data);
    FirstAdministrator administrator = administrator(data);
    Recorder recorder = new Recorder(wizardId, data.slug(), platformUser);
    Optional<InitialCredentials> created;
    try {
      created = onboarding.resumeCorrected(request, administrator, recorder).administrator();
    } catch (RuntimeException e) {
      if (!recorder.anyFailed) {
        // refused before any step ran (e.g. a host name taken meanwhile)
        String reason = italianReason(null, e, data);
        store.update(
            wizardId, w -> w.failed(OnboardingStep.SCHEMA.name(), reason, clock.instant()));
        audit.failure(platformUser, PlatformAudit.ONBOARDING, data.slug(), reason);
      }
      return new Run(store.find(wizardId).orElseThrow(), Optional.empty());
    }
    recorder.skipDoneSteps();
    recorder.started(OnboardingStep.THEME);
    try {
      applyTheme(data.slug(), data.themeCode(), platformUser);
      recorder.done(OnboardingStep.THEME);
    } catch (RuntimeException e) {
      recorder.failed(OnboardingStep.THEME, e);
      return new Run(store.find(wizardId).orElseThrow(), created);
    }
    recorder.started(OnboardingStep.CREDENTIALS);
    try {
      saveCredentials(request, data, smtpPassword, platformUser);
      recorder.done(OnboardingStep.CREDENTIALS);
    } catch (RuntimeException e) {
      recorder.failed(OnboardingStep.CREDENTIALS, e);
      return new Run(store.find(wizardId).orElseThrow(), created);
    }
    OnboardingWizardRecord done = store.update(wizardId, w -> w.completed(clock.instant()));
    audit.success(
        platformUser,
        PlatformAudit.ONBOARDING,
        data.slug(),
        "Procedura guidata completata: " + data.displayName());
    return new Run(done, created);
  }

  /**
   * Applies the chosen base theme. For now it only records the choice in the platform audit trail:
   * the lead wires it to {@code BrandingAdministration.assignBaseTheme(slug, themeCode,
   * platformUser)} of the themes module.
   */
  private void applyTheme(String slug, String themeCode, String platformUser) {
    branding.assignBaseTheme(slug, themeCode, platformUser);
    audit.success(platformUser, PlatformAudit.THEME, slug, "Tema di base scelto: " + themeCode);
  }

  private void saveCredentials(
      OnboardingRequest request, Data data, String smtpPassword, String platformUser) {
    if (!hasSmtp(data)) {
      audit.success(
          platformUser, PlatformAudit.CREDENTIALS, data.slug(), "Nessuna credenziale indicata");
      return;
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    if (smtpPassword != null && !smtpPassword.isBlank()) {
      secrets.put("password", smtpPassword);
    }
    try (TenantScope scope = TenantScope.enter(request.tenantId())) {
      try {
        credentials.saveByPlatform(
            IntegrationKind.PEC_SMTP,
            new IntegrationCredentials.Change(
                smtpValues(data), secrets, Set.of(), "Attivazione del comando"),
            platformUser);
      } catch (CommandRuleException e) {
        if (!"command.integration.unchanged".equals(e.code())) {
          throw e;
        }
      }
    }
    audit.success(
        platformUser,
        PlatformAudit.CREDENTIALS,
        data.slug(),
        "PEC/SMTP: " + data.smtpHost() + ":" + data.smtpPort() + ", mittente " + data.smtpSender());
  }

  private void validateAll(Data data, String smtpPassword) {
    List<FieldError> errors = new ArrayList<>();
    try {
      request(data);
    } catch (InvalidRequestException e) {
      errors.addAll(e.errors());
    }
    errors.addAll(checkAdministrator(data));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    PlatformRules.baseTheme(data.themeCode());
    Optional<String> smtp = checkCredentials(data, smtpPassword);
    if (smtp.isPresent()) {
      throw new PlatformRuleException("platform.wizard.credentials", smtp.get());
    }
  }

  static OnboardingRequest request(Data data) {
    return OnboardingRequest.validated(
        data.slug(),
        data.displayName(),
        data.kind(),
        data.taxCode(),
        data.patronSaintDay(),
        data.hostnames());
  }

  static FirstAdministrator administrator(Data data) {
    return FirstAdministrator.validated(
        data.adminUsername(), data.adminFirstName(), data.adminLastName(), data.adminEmail(), true);
  }

  static boolean hasSmtp(Data data) {
    return data.smtpHost() != null && !data.smtpHost().isBlank();
  }

  private static Map<String, String> smtpValues(Data data) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("host", blankToEmpty(data.smtpHost()));
    values.put("port", blankToEmpty(data.smtpPort()));
    values.put("tlsMode", data.smtpTls() == null ? "STARTTLS" : data.smtpTls());
    values.put("username", blankToEmpty(data.smtpUsername()));
    values.put("sender", blankToEmpty(data.smtpSender()));
    return values;
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }

  /**
   * The Italian reason of a failed step, saying what to do: the identity provider's refusals are
   * explained, other failures keep their technical detail.
   */
  static String italianReason(OnboardingStep step, Throwable failure, Data data) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof IdentityProviderException idp) {
        String message = String.valueOf(idp.getMessage());
        if (message.contains("refused the organization name")) {
          return "Keycloak ha rifiutato il nome «"
              + data.displayName()
              + "»: esiste già un'organizzazione con questo nome. Correggere il nome dell'ente"
              + " (passo 1) e riprendere.";
        }
        return "Il servizio di autenticazione (Keycloak) ha rifiutato l'operazione: " + message;
      }
      if (e instanceof TenantConflictException conflict) {
        return "Conflitto con un comando esistente (nome host o slug già usati): "
            + conflict.getMessage()
            + ". Correggere i dati e riprendere.";
      }
      if (e instanceof CommandRuleException rule) {
        return rule.italianMessage();
      }
      if (e instanceof PlatformRuleException rule) {
        return rule.italianMessage();
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String where = step == null ? "Attivazione" : "Passo «" + step.italianLabel() + "»";
    return where + " non riuscito: " + (root.getMessage() == null ? root : root.getMessage());
  }

  /** Records the steps' progress in the wizard and in the platform audit trail. */
  private final class Recorder implements OnboardingProgress {
    private final String wizardId;
    private final String slug;
    private final String platformUser;
    private final Data data;
    boolean anyFailed;

    Recorder(String wizardId, String slug, String platformUser) {
      this.wizardId = wizardId;
      this.slug = slug;
      this.platformUser = platformUser;
      this.data = store.find(wizardId).orElseThrow().data();
    }

    @Override
    public void started(OnboardingStep step) {
      change(step, WizardStepRecord.Status.RUNNING, null);
    }

    @Override
    public void done(OnboardingStep step) {
      change(step, WizardStepRecord.Status.DONE, null);
      audit.success(platformUser, PlatformAudit.WIZARD_STEP, slug, step.italianLabel());
    }

    @Override
    public void failed(OnboardingStep step, RuntimeException cause) {
      anyFailed = true;
      String reason = italianReason(step, cause, data);
      LOG.infof("Onboarding wizard %s of %s: step %s failed: %s", wizardId, slug, step, reason);
      change(step, WizardStepRecord.Status.FAILED, reason);
      audit.failure(
          platformUser, PlatformAudit.WIZARD_STEP, slug, step.italianLabel() + ": " + reason);
    }

    /** Steps of an onboarding that had already completed are done (an idempotent repeat). */
    void skipDoneSteps() {
      OnboardingWizardRecord wizard = store.find(wizardId).orElseThrow();
      for (WizardStepRecord record : wizard.getSteps()) {
        OnboardingStep step = OnboardingStep.valueOf(record.getStep());
        if (step.ordinal() <= OnboardingStep.ADMINISTRATOR.ordinal()
            && record.getStatus() != WizardStepRecord.Status.DONE) {
          change(step, WizardStepRecord.Status.DONE, null);
        }
      }
    }

    private void change(OnboardingStep step, WizardStepRecord.Status status, String error) {
      store.update(wizardId, w -> w.stepChanged(step.name(), status, error, clock.instant()));
    }
  }
}
