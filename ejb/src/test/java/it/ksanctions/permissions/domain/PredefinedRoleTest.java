package it.ksanctions.permissions.domain;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppAction.READ_LOGS;
import static it.ksanctions.permissions.domain.AppAction.VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PredefinedRoleTest {

  @Test
  void theSevenRolesOfPrm2ArePredefined() {
    assertThat(PredefinedRole.values())
        .extracting(PredefinedRole::code)
        .containsExactly(
            "SYSTEM_ADMINISTRATOR",
            "COMMAND_MANAGER",
            "INSTRUCTOR",
            "FIELD_OFFICER",
            "ADMINISTRATIVE_OPERATOR",
            "AUDITOR",
            "TECHNICAL_MANAGER");
    assertThat(Arrays.stream(PredefinedRole.values()).map(PredefinedRole::italianLabel))
        .doesNotHaveDuplicates()
        .contains("Istruttore", "Agente accertatore");
  }

  @Test
  void theSystemAdministratorMayDoEverything() {
    assertThat(PredefinedRole.SYSTEM_ADMINISTRATOR.defaultPermissions())
        .isEqualTo(PermissionSet.everything());
  }

  @Test
  void theAuditorReadsEverythingAndNeverWritesNorExports() {
    PermissionSet auditor = PredefinedRole.AUDITOR.defaultPermissions();

    for (AppModule module : AppModule.values()) {
      assertThat(auditor.allows(module, ACCESS)).as("access %s", module).isTrue();
      assertThat(auditor.allows(module, READ_LOGS)).as("logs %s", module).isTrue();
      assertThat(auditor.allows(module, EXPORT_NOTIFY)).as("export %s", module).isFalse();
    }
    assertThat(auditor.changesData()).isFalse();
    assertThat(auditor.size()).isEqualTo(2 * AppModule.values().length);
    assertThat(PredefinedRole.AUDITOR.defaultVisibility())
        .isEqualTo(VisibilityScope.READ_ONLY_NO_EXPORT);
  }

  @Test
  void theFieldOfficerRegistersButNeverValidatesDeletesNorExports() {
    PermissionSet officer = PredefinedRole.FIELD_OFFICER.defaultPermissions();

    assertThat(officer.allows(AppModule.PRE_NOTICES, AppAction.CREATE)).isTrue();
    assertThat(officer.allows(AppModule.VERBALI, AppAction.CREATE)).isTrue();
    assertThat(officer.stream().map(Permission::action))
        .doesNotContain(VALIDATE, AppAction.DELETE_LOGICAL, EXPORT_NOTIFY, MANAGE_CONFIGURATION);
    assertThat(PredefinedRole.FIELD_OFFICER.defaultVisibility())
        .isEqualTo(VisibilityScope.OWN_RECORDS);
  }

  @Test
  void theInstructorValidatesPreNoticesAndVerbaliAndSendsNotifications() {
    PermissionSet instructor = PredefinedRole.INSTRUCTOR.defaultPermissions();

    assertThat(instructor.allows(AppModule.PRE_NOTICES, VALIDATE)).isTrue();
    assertThat(instructor.allows(AppModule.VERBALI, VALIDATE)).isTrue();
    assertThat(instructor.allows(AppModule.NOTIFICATIONS, EXPORT_NOTIFY)).isTrue();
    assertThat(instructor.allows(AppModule.ARTICLES, AppAction.EDIT)).isFalse();
    assertThat(instructor.allows(AppModule.PERMISSIONS, ACCESS)).isFalse();
    assertThat(PredefinedRole.INSTRUCTOR.defaultVisibility())
        .isEqualTo(VisibilityScope.OWN_DEPARTMENT);
  }

  @Test
  void theCommandManagerRunsSettingsButNotSecurity() {
    PermissionSet manager = PredefinedRole.COMMAND_MANAGER.defaultPermissions();

    for (AppModule managed :
        new AppModule[] {AppModule.COMMAND, AppModule.ARTICLES, AppModule.VERBALI}) {
      assertThat(manager.allows(managed, MANAGE_CONFIGURATION)).as("%s", managed).isTrue();
    }
    // DEV-9: devices are configured and deactivated only by administrators and technical
    // managers; the command manager monitors them and registers data downloads.
    assertThat(manager.allows(AppModule.DEVICES, MANAGE_CONFIGURATION)).isFalse();
    assertThat(manager.allows(AppModule.DEVICES, AppAction.DELETE_LOGICAL)).isFalse();
    assertThat(manager.allows(AppModule.DEVICES, AppAction.CREATE)).isTrue();
    assertThat(
            PredefinedRole.TECHNICAL_MANAGER
                .defaultPermissions()
                .allows(AppModule.DEVICES, MANAGE_CONFIGURATION))
        .isTrue();
    assertThat(manager.allows(AppModule.PERMISSIONS, ACCESS)).isFalse();
    assertThat(manager.allows(AppModule.AUDIT, READ_LOGS)).isFalse();
    assertThat(manager.allows(AppModule.APPEALS, ACCESS)).isTrue();
    assertThat(manager.allows(AppModule.APPEALS, AppAction.EDIT)).isFalse();
  }

  @Test
  void theAdministrativeOperatorHandlesAppealsPrintsAndStatistics() {
    PermissionSet operator = PredefinedRole.ADMINISTRATIVE_OPERATOR.defaultPermissions();

    assertThat(operator.allows(AppModule.APPEALS, AppAction.CREATE)).isTrue();
    assertThat(operator.allows(AppModule.STATISTICS, EXPORT_NOTIFY)).isTrue();
    assertThat(operator.allows(AppModule.VERBALI, VALIDATE)).isFalse();
    assertThat(operator.stream().map(Permission::action)).doesNotContain(MANAGE_CONFIGURATION);
  }

  @Test
  void theTechnicalManagerConfiguresDevicesAndPlacesOnly() {
    PermissionSet technical = PredefinedRole.TECHNICAL_MANAGER.defaultPermissions();

    assertThat(technical.allows(AppModule.DEVICES, MANAGE_CONFIGURATION)).isTrue();
    assertThat(technical.allows(AppModule.PLACES, MANAGE_CONFIGURATION)).isTrue();
    assertThat(technical.stream().map(Permission::module))
        .containsOnly(AppModule.DEVICES, AppModule.PLACES, AppModule.PORTAL);
  }

  @Test
  void onlyTheAdministratorManagesPermissions() {
    assertThat(
            RoleCatalogue.withPredefinedRoles()
                .matrix()
                .rolesGranting(Permission.of(AppModule.PERMISSIONS, MANAGE_CONFIGURATION)))
        .containsExactly("SYSTEM_ADMINISTRATOR");
  }
}
