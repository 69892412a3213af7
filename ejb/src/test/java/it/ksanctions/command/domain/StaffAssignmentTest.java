package it.ksanctions.command.domain;

import static it.ksanctions.command.domain.DepartmentTest.refused;
import static it.ksanctions.command.domain.DepartmentTest.viabilita;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffAssignmentTest {

  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);
  static final FunctionalRole AGENTE = FunctionalRole.create("Agente", null);

  static StaffAssignment stored(long id, LocalDate from, LocalDate to) {
    return StaffAssignment.restore(id, "mario.rossi", "VIABILITA", "Agente", from, to);
  }

  @Test
  void anAssignmentNamesAnActiveDepartmentAndAnActiveRole() {
    StaffAssignment a =
        StaffAssignment.create("mario.rossi", viabilita(), AGENTE, JAN_1, null, List.of());
    assertThat(a.departmentCode()).isEqualTo("VIABILITA");
    assertThat(a.functionalRole()).isEqualTo("Agente");
    assertThat(a.period()).isEqualTo("dal 01/01/2026 (senza data di fine)");
    assertThat(a.inEffectOn(JAN_1)).isTrue();
    assertThat(a.inEffectOn(JAN_1.minusDays(1))).isFalse();

    Department closed =
        Department.restore("OLD", "Vecchio", DepartmentKind.DEPARTMENT, null, null, false);
    refused(
        () -> StaffAssignment.create("mario.rossi", closed, AGENTE, JAN_1, null, List.of()),
        "command.organisation.assignment.department-inactive");
    refused(
        () ->
            StaffAssignment.create(
                "mario.rossi",
                viabilita(),
                FunctionalRole.restore("Vigile", null, false),
                JAN_1,
                null,
                List.of()),
        "command.organisation.assignment.role-inactive");
    refused(
        () -> StaffAssignment.create("mario.rossi", null, AGENTE, JAN_1, null, List.of()),
        "command.organisation.assignment.department-required");
    refused(
        () -> StaffAssignment.create(" ", viabilita(), AGENTE, JAN_1, null, List.of()),
        "command.organisation.assignment.user-required");
  }

  @Test
  void theEndIsNotBeforeTheStart() {
    refused(
        () -> StaffAssignment.create("mario.rossi", viabilita(), AGENTE, null, null, List.of()),
        "command.organisation.assignment.from-required");
    refused(
            () ->
                StaffAssignment.create(
                    "mario.rossi", viabilita(), AGENTE, JUN_30, JAN_1, List.of()),
            "command.organisation.assignment.period-invalid")
        .hasMessageContaining("01/01/2026")
        .hasMessageContaining("30/06/2026");
    StaffAssignment oneDay =
        StaffAssignment.create("mario.rossi", viabilita(), AGENTE, JAN_1, JAN_1, List.of());
    assertThat(oneDay.inEffectOn(JAN_1)).isTrue();
  }

  @Test
  void periodsOfTheSamePersonNeverOverlap() {
    List<StaffAssignment> existing = List.of(stored(1, JAN_1, JUN_30));
    refused(
            () ->
                StaffAssignment.create("mario.rossi", viabilita(), AGENTE, JUN_30, null, existing),
            "command.organisation.assignment.overlap")
        .hasMessageContaining("dal 01/01/2026 al 30/06/2026");
    refused(
        () ->
            StaffAssignment.create(
                "mario.rossi", viabilita(), AGENTE, JAN_1.minusYears(1), null, existing),
        "command.organisation.assignment.overlap");
    // The day after the end is free; another person is not concerned.
    StaffAssignment.create("mario.rossi", viabilita(), AGENTE, JUN_30.plusDays(1), null, existing);
    StaffAssignment.create("anna.bianchi", viabilita(), AGENTE, JAN_1, null, existing);
  }

  @Test
  void aChangeIsNotCheckedAgainstItselfAndEndingKeepsThePeriodValid() {
    StaffAssignment a = stored(1, JAN_1, null);
    StaffAssignment next = stored(2, JUN_30.plusDays(1), null);
    refused(
        () -> a.change(viabilita(), AGENTE, JAN_1, null, List.of(a, next)),
        "command.organisation.assignment.overlap");
    a.change(viabilita(), AGENTE, JAN_1, JUN_30, List.of(a, next));
    assertThat(a.to()).isEqualTo(JUN_30);

    refused(() -> a.end(JAN_1.minusDays(1)), "command.organisation.assignment.period-invalid");
    refused(() -> a.end(null), "command.organisation.assignment.end-required");
    a.end(JAN_1);
    assertThat(a.currentOrPlannedOn(JAN_1)).isTrue();
    assertThat(a.currentOrPlannedOn(JAN_1.plusDays(1))).isFalse();
  }
}
