package it.ksanctions.command.domain;

import static it.ksanctions.command.domain.DepartmentTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionalRoleTest {

  @Test
  void aRoleHasANameOf2To60CharactersAndAnOptionalDescription() {
    FunctionalRole role = FunctionalRole.create("  Istruttore   amministrativo ", " ");
    assertThat(role.name()).isEqualTo("Istruttore amministrativo");
    assertThat(role.description()).isNull();
    assertThat(role.active()).isTrue();
    refused(() -> FunctionalRole.create("A", null), "command.organisation.role.name-invalid");
    refused(
        () -> FunctionalRole.create("x".repeat(61), null),
        "command.organisation.role.name-invalid");
    refused(
        () -> FunctionalRole.create("Agente", "x".repeat(501)),
        "command.organisation.role.description-too-long");
  }

  @Test
  void aRoleInUseIsNotDeactivated() {
    FunctionalRole role = FunctionalRole.create("Agente", null);
    refused(() -> role.deactivate(2), "command.organisation.role.in-use")
        .hasMessageContaining("2 assegnazioni in corso o future");
    role.deactivate(0);
    assertThat(role.active()).isFalse();
    refused(() -> role.changeDescription("x"), "command.organisation.role.inactive");
    role.reactivate();
    role.changeDescription("Agente di polizia locale");
    assertThat(role.summary()).isEqualTo("Agente — Agente di polizia locale");
  }
}
