package it.ksanctions.platform.application;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.identity.application.IdentityProviderException;
import it.ksanctions.platform.domain.OnboardingStep;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord.Data;
import it.ksanctions.tenancy.operations.WizardStepRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingWizardsTest {

  static final Data DATA =
      new Data(
          "sabaudia",
          "Comune di Sabaudia",
          "COMUNE",
          "00097020598",
          "05-02",
          List.of("multe.sabaudia.example.it"),
          "admin.sabaudia",
          "Anna",
          "Neri",
          "anna.neri@example.it",
          "verde",
          null,
          null,
          null,
          null,
          null);

  @Test
  void aDuplicateOrganizationNameIsExplainedInItalian() {
    String reason =
        OnboardingWizards.italianReason(
            OnboardingStep.ORGANIZATION,
            new RuntimeException(
                new IdentityProviderException(
                    "Keycloak refused the organization name 'Comune di Sabaudia': {}")),
            DATA);
    assertThat(reason)
        .contains("Keycloak ha rifiutato il nome «Comune di Sabaudia»")
        .contains("Correggere il nome");
  }

  @Test
  void otherFailuresNameTheStepAndKeepTheDetail() {
    String reason =
        OnboardingWizards.italianReason(
            OnboardingStep.MIGRATIONS, new IllegalStateException("disk full"), DATA);
    assertThat(reason).isEqualTo("Passo «Migrazioni dello schema» non riuscito: disk full");
  }

  @Test
  void aFailedStepFailsTheWizardAndAResumeKeepsTheDoneSteps() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    OnboardingWizardRecord wizard =
        new OnboardingWizardRecord(
            DATA,
            Arrays.stream(OnboardingStep.values()).map(Enum::name).toList(),
            "assistenza",
            now);
    wizard.stepChanged("SCHEMA", WizardStepRecord.Status.DONE, null, now);
    wizard.stepChanged("ORGANIZATION", WizardStepRecord.Status.FAILED, "nome rifiutato", now);
    assertThat(wizard.getStatus()).isEqualTo(OnboardingWizardRecord.Status.FAILED);
    assertThat(wizard.getFailedStep()).isEqualTo("ORGANIZATION");
    assertThat(wizard.getFailureReason()).isEqualTo("nome rifiutato");

    wizard.resumeSteps(now);
    assertThat(wizard.getStatus()).isEqualTo(OnboardingWizardRecord.Status.RUNNING);
    assertThat(wizard.getSteps())
        .extracting(WizardStepRecord::getStatus)
        .containsExactly(
            WizardStepRecord.Status.DONE,
            WizardStepRecord.Status.PENDING,
            WizardStepRecord.Status.PENDING,
            WizardStepRecord.Status.PENDING,
            WizardStepRecord.Status.PENDING,
            WizardStepRecord.Status.PENDING);
    assertThat(wizard.data()).isEqualTo(DATA);
  }
}
