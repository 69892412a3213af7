package it.ksanctions.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the citizen API keys a token: its {@code fiscal_number} claim, as SPID releases it. */
class CitizenApiTest {

  private final CitizenApi api = new CitizenApi();

  @Test
  void spidsFiscalNumberAndABareCodiceFiscaleNameTheSamePerson() {
    assertThat(api.taxCodeOf("TINIT-RSSMRA85T10A562S")).isEqualTo("RSSMRA85T10A562S");
    assertThat(api.taxCodeOf(" tinit-rssmra85t10a562s ")).isEqualTo("RSSMRA85T10A562S");
    assertThat(api.taxCodeOf("RSSMRA85T10A562S")).isEqualTo("RSSMRA85T10A562S");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"TINIT-", "RSSMRA85T10A562X", "00097020598", "TINIT-00097020598"})
  void aClaimThatIsNoPersonsCodiceFiscaleIsRefusedInItalian(String claim) {
    assertThatThrownBy(() -> api.taxCodeOf(claim))
        .isInstanceOfSatisfying(
            CitizenApi.Refused.class,
            refused -> {
              assertThat(refused.answer()).isEqualTo(CitizenApi.Refused.Answer.NOT_A_CITIZEN);
              assertThat(refused.code()).isEqualTo("portal.api.no-tax-code");
              assertThat(refused.italianMessage()).contains("codice fiscale", "SPID o CIE");
              assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
            });
  }
}
