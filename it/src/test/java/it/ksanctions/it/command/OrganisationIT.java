package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.CommandRuns;
import it.ksanctions.command.application.ConfigurationRegister;
import it.ksanctions.command.application.ConfigurationRegister.Filter;
import it.ksanctions.command.application.Departments;
import it.ksanctions.command.application.Departments.DepartmentView;
import it.ksanctions.command.application.FunctionalRoles;
import it.ksanctions.command.application.Shifts;
import it.ksanctions.command.application.StaffAssignments;
import it.ksanctions.command.application.StaffAssignments.AssignmentView;
import it.ksanctions.command.application.TerritorialZones;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.CommandRunKind;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConfigChange;
import it.ksanctions.command.domain.DepartmentKind;
import it.ksanctions.command.domain.Shift;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.permissions.application.StaffDirectory;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organisation of a command in the server (CMD-5, CMD-7): departments and a unit, a zone over
 * the places' zones, an assignment that moves the administrator's department in Permissions, shifts
 * (overlap refused, night shifts across midnight accepted), a department with members kept active,
 * every change in the configuration register with old and new value, changes refused during an
 * accounting batch and to a field officer, and nothing seen by another command.
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationIT {

  static final String TENANT = "org-alfa";
  static final String OTHER = "org-beta";
  static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject Departments departments;
  @Inject TerritorialZones zones;
  @Inject FunctionalRoles roles;
  @Inject StaffAssignments staffAssignments;
  @Inject Shifts shifts;
  @Inject ConfigurationRegister register;
  @Inject CommandRuns runs;
  @Inject PlacesAdministration places;
  @Inject PermissionsAdministration permissions;
  @Inject StaffDirectory directory;
  @Inject CurrentStaff currentStaff;

  static String ruleOf(Throwable e) {
    return ((CommandRuleException) e).code();
  }

  @Test
  void theOrganisationOfACommand() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune dell'Organizzazione", "COMUNE", "00097020598", null, List.of()));
    String admin = "admin." + TENANT;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(admin);

      // A new command has the whole-command department its first administrator belongs to.
      assertThat(departments.departments())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.department().code()).isEqualTo("COMANDO");
                assertThat(v.members()).isEqualTo(1);
              });

      departments.createDepartment(
          "VIABILITA",
          "Viabilità",
          DepartmentKind.DEPARTMENT,
          null,
          admin,
          "Delibera G.C. 12/2026");
      departments.createDepartment(
          "contenzioso", "Contenzioso", DepartmentKind.DEPARTMENT, null, null, null);
      departments.createDepartment(
          "ZTL", "Nucleo ZTL", DepartmentKind.UNIT, "VIABILITA", null, null);
      assertThatThrownBy(
              () ->
                  departments.createDepartment(
                      "VARCHI", "Varchi", DepartmentKind.UNIT, "ZTL", null, null))
          .isInstanceOf(CommandRuleException.class)
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.department.parent-level");
      assertThatThrownBy(
              () ->
                  departments.createDepartment(
                      "VIAB2", "viabilità", DepartmentKind.DEPARTMENT, null, null, null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.department.name-taken");
      assertThat(departments.departments())
          .extracting(v -> v.department().code())
          .containsExactly("COMANDO", "CONTENZIOSO", "VIABILITA", "ZTL");

      // A zone covering the zone of the coded places.
      places.create(
          "LT",
          new PlaceData(
              "Latina",
              PlaceCategory.OTHER,
              null,
              PlaceLevel.MUNICIPALITY,
              null,
              Coordinates.of("41.4676", "12.9037"),
              "Centro",
              null,
              null,
              null,
              null));
      assertThat(zones.placeZones()).containsExactly("Centro");
      var zone =
          zones.createZone(
              "CENTRO",
              "Centro storico",
              "Entro le mura",
              List.of("VIABILITA", "ZTL"),
              List.of("centro"),
              null);
      assertThat(zone.placeZones()).containsExactly("Centro");
      assertThat(zone.departmentCodes()).containsExactlyInAnyOrder("VIABILITA", "ZTL");
      assertThatThrownBy(
              () ->
                  zones.createZone(
                      "LIDO", "Lido", null, List.of("VIABILITA"), List.of("Lido"), null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.zone.place-zone-unknown");
      assertThat(zones.zones()).extracting(z -> z.code()).containsExactly("CENTRO");

      // The administrator assigned to Viabilità as an officer: Permissions follows.
      roles.createFunctionalRole("Ufficiale", "Ufficiale di polizia locale", null);
      roles.createFunctionalRole("Agente", null, null);
      assertThatThrownBy(() -> roles.createFunctionalRole("agente", null, null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.role.name-taken");
      AssignmentView assigned =
          staffAssignments.assign(
              admin, "VIABILITA", "ufficiale", today, null, "Ordine di servizio 3");
      assertThat(assigned.inEffect()).isTrue();
      assertThat(assigned.assignment().functionalRole()).isEqualTo("Ufficiale");
      assertThat(directory.profileOf(admin).orElseThrow().departmentId()).isEqualTo("VIABILITA");
      assertThatThrownBy(
              () ->
                  staffAssignments.assign(
                      admin, "CONTENZIOSO", "Agente", today.plusMonths(1), null, null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.assignment.overlap");
      assertThat(staffAssignments.assignments(false))
          .extracting(a -> a.assignment().username())
          .containsExactly(admin);
      assertThat(staffAssignments.staffChoices()).extracting(c -> c.username()).contains(admin);

      // Shifts: the same department never twice at the same moment; nights cross midnight.
      shifts.createShift(
          "MATT", "Mattina", LocalTime.of(7, 0), LocalTime.of(13, 0), MON_FRI, "VIABILITA", null);
      assertThatThrownBy(
              () ->
                  shifts.createShift(
                      "LUNGO",
                      "Lungo",
                      LocalTime.of(12, 0),
                      LocalTime.of(18, 0),
                      Set.of(DayOfWeek.MONDAY),
                      "VIABILITA",
                      null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.shift.overlap");
      shifts.createShift(
          "CMATT",
          "Mattina contenzioso",
          LocalTime.of(7, 0),
          LocalTime.of(13, 0),
          MON_FRI,
          "CONTENZIOSO",
          null);
      Shift night =
          shifts.createShift(
              "NOTTE",
              "Notte",
              LocalTime.of(22, 0),
              LocalTime.of(6, 0),
              Set.of(DayOfWeek.FRIDAY),
              "VIABILITA",
              null);
      assertThat(night.crossesMidnight()).isTrue();
      assertThatThrownBy(
              () ->
                  shifts.createShift(
                      "SABALBA",
                      "Alba del sabato",
                      LocalTime.of(5, 0),
                      LocalTime.of(7, 0),
                      Set.of(DayOfWeek.SATURDAY),
                      "VIABILITA",
                      null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.shift.overlap");
      assertThat(shifts.shifts()).extracting(Shift::code).containsExactly("CMATT", "MATT", "NOTTE");

      // A department with members or units stays active.
      assertThatThrownBy(() -> departments.deactivateDepartment("VIABILITA", null))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("1 membro attivo e 1 unità operativa attiva");
      assertThatThrownBy(() -> departments.deactivateDepartment("COMANDO", null))
          .extracting(OrganisationIT::ruleOf)
          .isEqualTo("command.organisation.department.whole-command");
      departments.deactivateDepartment("CONTENZIOSO", "Accorpato in Viabilità");
      assertThat(departments.departments())
          .filteredOn(v -> v.department().code().equals("CONTENZIOSO"))
          .singleElement()
          .satisfies(v -> assertThat(v.department().active()).isFalse());
      assertThat(departments.activeDepartments())
          .extracting(d -> d.code())
          .containsExactly("COMANDO", "VIABILITA", "ZTL");
      departments.changeDepartment("VIABILITA", "Viabilità e traffico", null, admin, "Det. 5/2026");
      assertThat(departments.departments())
          .filteredOn(v -> v.department().code().equals("VIABILITA"))
          .extracting(DepartmentView::members)
          .containsExactly(1L);

      // Every change in the configuration register, with old and new value.
      List<ConfigChange> changes =
          register.search(new Filter(ConfigCategory.ORGANISATION, null, null, null));
      assertThat(changes)
          .filteredOn(c -> c.item().equals("Reparto CONTENZIOSO"))
          .extracting(ConfigChange::oldValue, ConfigChange::newValue, ConfigChange::reference)
          .contains(
              org.assertj.core.groups.Tuple.tuple(null, "Contenzioso (reparto)", null),
              org.assertj.core.groups.Tuple.tuple(
                  "Contenzioso (reparto)",
                  "Contenzioso (reparto, disattivato)",
                  "Accorpato in Viabilità"));
      assertThat(changes)
          .filteredOn(c -> c.item().equals("Reparto VIABILITA") && c.oldValue() != null)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.oldValue()).startsWith("Viabilità (reparto, responsabile " + admin);
                assertThat(c.newValue()).startsWith("Viabilità e traffico (reparto");
                assertThat(c.author()).isEqualTo(admin);
                assertThat(c.reference()).isEqualTo("Det. 5/2026");
              });
      assertThat(changes)
          .extracting(ConfigChange::item)
          .contains(
              "Zona CENTRO",
              "Ruolo funzionale Ufficiale",
              "Assegnazione " + admin,
              "Turno MATT",
              "Turno NOTTE");

      // No change while an accounting batch runs.
      long run = runs.start(CommandRunKind.ACCOUNTING_BATCH, "Rendiconto trimestrale");
      try {
        assertThatThrownBy(
                () ->
                    departments.createDepartment(
                        "SERVIZI", "Servizi esterni", DepartmentKind.DEPARTMENT, null, null, null))
            .extracting(OrganisationIT::ruleOf)
            .isEqualTo("command.configuration.run-active");
        assertThatThrownBy(() -> shifts.deactivateShift("MATT", null))
            .hasMessageContaining("elaborazione contabile");
      } finally {
        runs.finish(run);
      }
      departments.createDepartment(
          "SERVIZI", "Servizi esterni", DepartmentKind.DEPARTMENT, null, null, null);

      // A field officer reads nothing of it and changes nothing.
      String taxCode = "VRDLCU81B02E472" + CodiceFiscale.checkCharacterOf("VRDLCU81B02E472");
      permissions.createUser(
          new NewUser("org.agente", "Luca", "Verdi", taxCode, null, "ZTL", "FIELD_OFFICER"), null);
      currentStaff.signIn("org.agente");
      assertThatThrownBy(
              () ->
                  departments.createDepartment(
                      "ALTRO", "Altro", DepartmentKind.DEPARTMENT, null, null, null))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(
              () ->
                  shifts.createShift(
                      "SERA",
                      "Sera",
                      LocalTime.of(19, 0),
                      LocalTime.of(22, 0),
                      MON_FRI,
                      "ZTL",
                      null))
          .isInstanceOf(AccessDeniedException.class);
      currentStaff.signIn(admin);
      assertThatThrownBy(() -> departments.deactivateDepartment("ZTL", null))
          .hasMessageContaining("1 membro attivo");
    }

    // Another command sees none of it.
    onboarding.onboard(
        OnboardingRequest.validated(
            OTHER, "Comune Vicino", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(OTHER))) {
      currentStaff.signIn("admin." + OTHER);
      assertThat(departments.departments())
          .extracting(v -> v.department().code())
          .containsExactly("COMANDO");
      assertThat(zones.zones()).isEmpty();
      assertThat(roles.functionalRoles()).isEmpty();
      assertThat(staffAssignments.assignments(true)).isEmpty();
      assertThat(shifts.shifts()).isEmpty();
      assertThat(register.search(Filter.all())).isEmpty();
    }
  }
}
