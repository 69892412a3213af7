package it.ksanctions.command.domain;

import static it.ksanctions.command.domain.DepartmentTest.refused;
import static it.ksanctions.command.domain.DepartmentTest.viabilita;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritorialZoneTest {

  @Test
  void aZoneHasCompetentDepartmentsAndThePlaceZonesItCoversOnceEach() {
    Department comando =
        Department.restore("COMANDO", "Comando", DepartmentKind.DEPARTMENT, null, null, true);
    TerritorialZone zone =
        TerritorialZone.create(
            "centro",
            "Centro storico",
            "Entro le mura",
            List.of(viabilita(), comando),
            Arrays.asList("Centro", " centro ", "Lido", "", null));
    assertThat(zone.code()).isEqualTo("CENTRO");
    assertThat(zone.departmentCodeList()).containsExactly("COMANDO", "VIABILITA");
    assertThat(zone.placeZones()).containsExactly("Centro", "Lido");
    assertThat(zone.covers("CENTRO ")).isTrue();
    assertThat(zone.covers("Borgo")).isFalse();
    assertThat(zone.summary()).contains("COMANDO, VIABILITA").contains("Centro, Lido");
  }

  @Test
  void atLeastOneActiveDepartmentIsCompetent() {
    refused(
        () -> TerritorialZone.create("NORD", "Nord", null, List.of(), List.of()),
        "command.organisation.zone.department-required");
    Department closed =
        Department.restore("OLD", "Vecchio", DepartmentKind.DEPARTMENT, null, null, false);
    refused(
        () -> TerritorialZone.create("NORD", "Nord", null, List.of(closed), List.of()),
        "command.organisation.zone.department-inactive");
    refused(
        () -> TerritorialZone.create("N", "Nord", null, List.of(viabilita()), List.of()),
        "command.organisation.zone.code-invalid");
    refused(
        () ->
            TerritorialZone.create(
                "NORD", "Nord", null, List.of(viabilita()), List.of("x".repeat(101))),
        "command.organisation.zone.place-zone-invalid");
  }

  @Test
  void aDeactivatedZoneDoesNotChangeUntilReactivated() {
    TerritorialZone zone =
        TerritorialZone.create("NORD", "Nord", null, List.of(viabilita()), List.of());
    zone.deactivate();
    refused(
        () -> zone.change("Nord 2", null, List.of(viabilita()), List.of()),
        "command.organisation.zone.inactive");
    refused(zone::deactivate, "command.organisation.zone.already-inactive");
    zone.reactivate();
    zone.change("Quartieri nord", "Q1-Q4", List.of(viabilita()), List.of("Q1"));
    assertThat(zone.name()).isEqualTo("Quartieri nord");
    assertThat(zone.description()).isEqualTo("Q1-Q4");
  }
}
