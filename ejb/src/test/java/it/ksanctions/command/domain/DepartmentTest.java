package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DepartmentTest {

  static Department viabilita() {
    return Department.create("VIABILITA", "Viabilità", DepartmentKind.DEPARTMENT, null, null);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> refused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
    return assertThatThrownBy(call)
        .isInstanceOf(CommandRuleException.class)
        .satisfies(e -> assertThat(((CommandRuleException) e).code()).isEqualTo(code));
  }

  @Test
  void aDepartmentIsCreatedActiveWithItsCodeInUpperCase() {
    Department d =
        Department.create(
            " viab_1 ",
            "  Viabilità   e traffico ",
            DepartmentKind.DEPARTMENT,
            null,
            " Mario.Rossi ");
    assertThat(d.code()).isEqualTo("VIAB_1");
    assertThat(d.name()).isEqualTo("Viabilità e traffico");
    assertThat(d.headUsername()).isEqualTo("mario.rossi");
    assertThat(d.active()).isTrue();
    assertThat(d.summary()).contains("reparto").contains("responsabile mario.rossi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "V", "VIA-BILITA", "VIABILITÀ", "ABCDEFGHIJKLMNOPQRSTU"})
  void malformedCodesAreRefused(String code) {
    refused(
            () -> Department.create(code, "Viabilità", DepartmentKind.DEPARTMENT, null, null),
            "command.organisation.department.code-invalid")
        .hasMessageContaining("da 2 a 20 caratteri");
  }

  @Test
  void nameAndKindAreRequired() {
    refused(
        () -> Department.create("VIAB", " ", DepartmentKind.DEPARTMENT, null, null),
        "command.organisation.department.name-invalid");
    refused(
        () -> Department.create("VIAB", "Viabilità", null, null, null),
        "command.organisation.department.kind-required");
  }

  @Test
  void aUnitSitsUnderAnActiveDepartmentOneLevelOnly() {
    Department viab = viabilita();
    Department ztl = Department.create("ZTL", "Nucleo ZTL", DepartmentKind.UNIT, viab, null);
    assertThat(ztl.parentCode()).isEqualTo("VIABILITA");

    refused(
        () -> Department.create("ZTL2", "Nucleo ZTL 2", DepartmentKind.UNIT, null, null),
        "command.organisation.department.parent-required");
    refused(
        () -> Department.create("VARCHI", "Varchi", DepartmentKind.UNIT, ztl, null),
        "command.organisation.department.parent-level");
    refused(
        () -> Department.create("CONT", "Contenzioso", DepartmentKind.DEPARTMENT, viab, null),
        "command.organisation.department.parent-not-allowed");

    Department closed =
        Department.restore("OLD", "Vecchio", DepartmentKind.DEPARTMENT, null, null, false);
    refused(
        () -> Department.create("U1", "Unità", DepartmentKind.UNIT, closed, null),
        "command.organisation.department.parent-inactive");
  }

  @Test
  void aMalformedHeadIsRefused() {
    refused(
        () -> Department.create("VIAB", "Viabilità", DepartmentKind.DEPARTMENT, null, "x"),
        "command.organisation.department.head-invalid");
  }

  @Test
  void deactivationIsRefusedWhileMembersOrUnitsAreActiveSayingHowMany() {
    Department viab = viabilita();
    refused(() -> viab.deactivate(3, 0), "command.organisation.department.in-use")
        .hasMessageContaining("3 membri attivi")
        .hasMessageContaining("assegnare il personale");
    refused(() -> viab.deactivate(1, 2), "command.organisation.department.in-use")
        .hasMessageContaining("1 membro attivo e 2 unità operative attive");
    refused(() -> viab.deactivate(0, 1), "command.organisation.department.in-use")
        .hasMessageContaining("1 unità operativa attiva");
    assertThat(viab.active()).isTrue();

    viab.deactivate(0, 0);
    assertThat(viab.active()).isFalse();
    refused(() -> viab.deactivate(0, 0), "command.organisation.department.already-inactive");
    refused(
        () -> viab.change("Viabilità 2", null, null), "command.organisation.department.inactive");
  }

  @Test
  void theWholeCommandIsNeverDeactivated() {
    Department comando =
        Department.restore("COMANDO", "Comando", DepartmentKind.DEPARTMENT, null, null, true);
    refused(() -> comando.deactivate(0, 0), "command.organisation.department.whole-command");
  }

  @Test
  void aUnitIsReactivatedOnlyUnderAnActiveDepartment() {
    Department viab =
        Department.restore("VIABILITA", "Viabilità", DepartmentKind.DEPARTMENT, null, null, false);
    Department ztl =
        Department.restore("ZTL", "Nucleo ZTL", DepartmentKind.UNIT, "VIABILITA", null, false);
    refused(() -> ztl.reactivate(viab), "command.organisation.department.parent-inactive");
    viab.reactivate(null);
    ztl.reactivate(viab);
    assertThat(ztl.active()).isTrue();
    refused(() -> ztl.reactivate(viab), "command.organisation.department.already-active");
  }

  @Test
  void aChangeKeepsCodeAndKind() {
    Department viab = viabilita();
    viab.change("Viabilità e ZTL", null, "anna.bianchi");
    assertThat(viab.code()).isEqualTo("VIABILITA");
    assertThat(viab.kind()).isEqualTo(DepartmentKind.DEPARTMENT);
    assertThat(viab.name()).isEqualTo("Viabilità e ZTL");
    assertThat(viab.headUsername()).isEqualTo("anna.bianchi");
  }
}
