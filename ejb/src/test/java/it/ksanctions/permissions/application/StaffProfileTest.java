package it.ksanctions.permissions.application;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.PermissionSet;
import it.ksanctions.permissions.domain.PredefinedRole;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.permissions.domain.VisibilityScope;
import org.junit.jupiter.api.Test;

class StaffProfileTest {

  private static StaffProfile of(PermissionSet permissions, VisibilityScope scope) {
    return new StaffProfile(
        "mario.rossi",
        "Mario Rossi",
        "R",
        "Ruolo",
        permissions,
        scope,
        "COMANDO",
        UserStatus.ACTIVE);
  }

  @Test
  void anActionNeedsTheModuleItself() {
    StaffProfile profile =
        of(PermissionSet.on(AppModule.VERBALI, AppAction.CREATE), VisibilityScope.WHOLE_COMMAND);
    assertThat(profile.allows(AppModule.VERBALI, AppAction.CREATE)).isFalse();
    StaffProfile withAccess =
        of(
            PermissionSet.on(AppModule.VERBALI, AppAction.ACCESS, AppAction.CREATE),
            VisibilityScope.WHOLE_COMMAND);
    assertThat(withAccess.allows(AppModule.VERBALI, AppAction.CREATE)).isTrue();
    assertThat(withAccess.allows(AppModule.PERMISSIONS, AppAction.ACCESS)).isFalse();
  }

  @Test
  void readOnlyWithoutExportRefusesExportsEvenWhenTheMatrixGrantsThem() {
    PermissionSet all = PermissionSet.everything();
    assertThat(
            of(all, VisibilityScope.READ_ONLY_NO_EXPORT)
                .allows(AppModule.AUDIT, AppAction.EXPORT_NOTIFY))
        .isFalse();
    assertThat(
            of(all, VisibilityScope.WHOLE_COMMAND).allows(AppModule.AUDIT, AppAction.EXPORT_NOTIFY))
        .isTrue();
  }

  @Test
  void theFieldOfficerRoleHasNoAccessToPermissionsNorAudit() {
    StaffProfile officer =
        of(
            PredefinedRole.FIELD_OFFICER.defaultPermissions(),
            PredefinedRole.FIELD_OFFICER.defaultVisibility());
    assertThat(officer.allows(AppModule.PERMISSIONS, AppAction.ACCESS)).isFalse();
    assertThat(officer.allows(AppModule.AUDIT, AppAction.READ_LOGS)).isFalse();
    assertThat(officer.allows(AppModule.PRE_NOTICES, AppAction.CREATE)).isTrue();
  }
}
