package it.ksanctions.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.platform.application.OnboardingWizards;
import it.ksanctions.platform.application.PlatformAudit;
import it.ksanctions.platform.application.TenantAdministration;
import it.ksanctions.platform.application.TenantAdministration.Usage;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.platform.domain.PlatformRuleException;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord.Data;
import it.ksanctions.tenancy.operations.PlatformAuditEntry;
import it.ksanctions.tenancy.operations.PlatformAuditTrail;
import it.ksanctions.tenancy.operations.WizardStepRecord;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vendor console's services in the server: usage figures of a tenant with known users and
 * devices, suspension and reactivation with a reason in the platform audit trail, and the
 * onboarding wizard failing at the Keycloak organization (duplicate name) then resumed with the
 * corrected name up to its PEC/SMTP credentials.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleServicesIT {

  static final String TENANT = "con-uso";
  static final String NAME = "Comune di Console Uso";
  static final String SUPPORT = "assistenza.it";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject TenantAdministration administration;
  @Inject OnboardingWizards wizards;
  @Inject PlatformAudit audit;
  @Inject PermissionsAdministration permissions;
  @Inject DeviceRegistry devices;
  @Inject IntegrationCredentials credentials;
  @Inject CurrentStaff currentStaff;

  @Test
  void usageSuspensionAuditAndAResumedWizard() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, NAME, "COMUNE", "00097020598", null, List.of("multe.con-uso.example.it")));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      String taxCode = "NRENNA80A41I712" + CodiceFiscale.checkCharacterOf("NRENNA80A41I712");
      permissions.createUser(
          new NewUser("agente.uso", "Anna", "Neri", taxCode, null, null, "FIELD_OFFICER"), null);
      devices.register(
          "PALM-01",
          DeviceData.mobile(
              "490154203237518",
              "Zebra TC58",
              "3.2.0",
              "agente.uso",
              null,
              LocalDate.now(ZoneId.of("Europe/Rome")),
              null),
          null);
    }

    // Usage: the first administrator and the officer, one device, a schema of some size.
    Usage usage = administration.usage(TENANT);
    assertThat(usage.staffUsers()).isEqualTo(2);
    assertThat(usage.devices()).isEqualTo(1);
    assertThat(usage.schemaBytes()).isGreaterThan(100_000);
    assertThat(usage.lastActivity()).isNotNull();
    assertThat(administration.search("con-uso.example", null))
        .extracting(r -> r.tenant().getSlug())
        .containsExactly(TENANT);
    assertThat(administration.search("console uso", TenantStatus.SUSPENDED)).isEmpty();

    // Suspension: reason and confirmation required, then audited with the reason.
    assertThatThrownBy(() -> administration.suspend(TENANT, "  ", true, SUPPORT))
        .isInstanceOf(PlatformRuleException.class);
    assertThatThrownBy(
            () -> administration.suspend(TENANT, "Contratto scaduto il 31/10", false, SUPPORT))
        .isInstanceOf(PlatformRuleException.class);
    assertThat(
            administration.suspend(TENANT, "Contratto scaduto il 31/10", true, SUPPORT).getStatus())
        .isEqualTo(TenantStatus.SUSPENDED);
    assertThat(
            administration
                .reactivate(TENANT, "Contratto rinnovato (det. 12/2026)", true, SUPPORT)
                .getStatus())
        .isEqualTo(TenantStatus.ACTIVE);
    List<PlatformAuditEntry> trail =
        audit.search(new PlatformAuditTrail.Filter(TENANT, SUPPORT, null, null, null, 50));
    assertThat(trail)
        .extracting(PlatformAuditEntry::getAction, PlatformAuditEntry::getDetail)
        .containsSubsequence(
            org.assertj.core.groups.Tuple.tuple(
                PlatformAudit.REACTIVATION, "Contratto rinnovato (det. 12/2026)"),
            org.assertj.core.groups.Tuple.tuple(
                PlatformAudit.SUSPENSION, "Contratto scaduto il 31/10"));
    assertThat(
            audit.search(new PlatformAuditTrail.Filter(null, null, "sospensione", null, null, 50)))
        .isNotEmpty();

    // The wizard: the same name as an existing command is refused by Keycloak at the organization.
    Data data =
        new Data(
            "con-nuovo",
            NAME,
            "COMUNE",
            "00097020598",
            "12-26",
            List.of(),
            "admin.con-nuovo",
            "Maria",
            "Rossi",
            "maria.rossi@example.it",
            "verde",
            "127.0.0.1",
            "2525",
            "NONE",
            "pl.nuovo",
            "polizialocale@con-nuovo.example.it");
    OnboardingWizards.Run failed = wizards.start(data, "Segreta-2026", SUPPORT);
    assertThat(failed.failed()).isTrue();
    OnboardingWizardRecord wizard = failed.wizard();
    assertThat(wizard.getFailedStep()).isEqualTo("ORGANIZATION");
    assertThat(wizard.getFailureReason()).contains("Keycloak ha rifiutato il nome");
    assertThat(wizard.getSteps())
        .extracting(WizardStepRecord::getStatus)
        .containsExactly(
            WizardStepRecord.Status.DONE,
            WizardStepRecord.Status.DONE,
            WizardStepRecord.Status.FAILED,
            WizardStepRecord.Status.PENDING,
            WizardStepRecord.Status.PENDING,
            WizardStepRecord.Status.PENDING);
    assertThat(administration.find("con-nuovo").orElseThrow().getStatus())
        .isEqualTo(TenantStatus.FAILED);

    Data corrected =
        new Data(
            data.slug(),
            "Comune di Console Nuovo",
            data.kind(),
            data.taxCode(),
            data.patronSaintDay(),
            data.hostnames(),
            data.adminUsername(),
            data.adminFirstName(),
            data.adminLastName(),
            data.adminEmail(),
            data.themeCode(),
            data.smtpHost(),
            data.smtpPort(),
            data.smtpTls(),
            data.smtpUsername(),
            data.smtpSender());
    OnboardingWizards.Run resumed =
        wizards.resume(wizard.getId(), corrected, "Segreta-2026", SUPPORT);
    assertThat(resumed.failed()).as(resumed.wizard().getFailureReason()).isFalse();
    assertThat(resumed.wizard().getStatus()).isEqualTo(OnboardingWizardRecord.Status.DONE);
    assertThat(resumed.wizard().getSteps())
        .extracting(WizardStepRecord::getStatus)
        .containsOnly(WizardStepRecord.Status.DONE);
    assertThat(resumed.administrator()).isPresent();
    assertThat(resumed.administrator().get().username()).isEqualTo("admin.con-nuovo");
    assertThat(administration.find("con-nuovo").orElseThrow().getDisplayName())
        .isEqualTo("Comune di Console Nuovo");
    try (TenantScope scope = TenantScope.enter(TenantId.of("con-nuovo"))) {
      assertThat(credentials.smtpForUse()).isPresent();
      assertThat(credentials.smtpForUse().get().host()).isEqualTo("127.0.0.1");
    }
    assertThat(
            audit.search(
                new PlatformAuditTrail.Filter("con-nuovo", SUPPORT, null, null, null, 100)))
        .extracting(PlatformAuditEntry::getAction)
        .contains(
            PlatformAudit.ONBOARDING,
            PlatformAudit.WIZARD_STEP,
            PlatformAudit.THEME,
            PlatformAudit.CREDENTIALS);
  }
}
