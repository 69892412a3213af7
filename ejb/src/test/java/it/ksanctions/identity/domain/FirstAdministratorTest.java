package it.ksanctions.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.tenancy.context.TenantId;
import org.junit.jupiter.api.Test;

class FirstAdministratorTest {

  @Test
  void theDefaultIsWhatTheApiHasAlwaysCreated() {
    FirstAdministrator admin = FirstAdministrator.defaultFor(TenantId.of("sabaudia"));
    assertThat(admin.username()).isEqualTo("admin.sabaudia");
    assertThat(admin.firstName()).isEqualTo("Amministratore");
    assertThat(admin.email()).isNull();
  }

  @Test
  void aValidAdministratorIsNormalised() {
    FirstAdministrator admin =
        FirstAdministrator.validated(
            " Admin.Sabaudia ",
            " Maria Grazia ",
            "D'Angelo",
            " m.dangelo@comune.example.it ",
            true);
    assertThat(admin)
        .isEqualTo(
            new FirstAdministrator(
                "admin.sabaudia", "Maria Grazia", "D'Angelo", "m.dangelo@comune.example.it"));
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> FirstAdministrator.validated("a", "", "Rossi (prova)", "nope", true))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "adminUsername", "adminFirstName", "adminLastName", "adminEmail"));
  }

  @Test
  void theEmailIsRequiredOnlyWhenAsked() {
    assertThat(FirstAdministrator.validated("admin.x1", "Anna", "Neri", " ", false).email())
        .isNull();
    assertThatThrownBy(() -> FirstAdministrator.validated("admin.x1", "Anna", "Neri", null, true))
        .isInstanceOf(InvalidRequestException.class);
  }
}
