package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

  private static final Instant NOW = Instant.parse("2026-02-10T09:00:00Z");
  private static final SecurityChangeRequest CONFIRMED =
      SecurityChangeRequest.confirmed("admin.latina", NOW, "det. 12/2026, turno notturno");
  private static final SecurityChangeRequest UNCONFIRMED =
      SecurityChangeRequest.unconfirmed("admin.latina", NOW, "det. 12/2026");
  private static final Permission EXPORT_VERBALI =
      Permission.of(AppModule.VERBALI, AppAction.EXPORT_NOTIFY);

  private final RoleCatalogue catalogue = RoleCatalogue.withPredefinedRoles();

  @Test
  void aNewCommandHasEveryPredefinedRoleWithItsDefaults() {
    assertThat(catalogue.activeRoles())
        .extracting(Role::code)
        .containsExactly(
            Arrays.stream(PredefinedRole.values())
                .map(PredefinedRole::code)
                .toArray(String[]::new));
    Role instructor = catalogue.role("instructor");
    assertThat(instructor.isPredefined()).isTrue();
    assertThat(instructor.name()).isEqualTo("Istruttore");
    assertThat(instructor.permissions()).isEqualTo(PredefinedRole.INSTRUCTOR.defaultPermissions());
    assertThat(instructor.derivedFrom()).isEmpty();
  }

  @Test
  void duplicatingCreatesADerivedRoleWithTheSamePermissionsAndRecordsIt() {
    Role night =
        catalogue.duplicate("FIELD_OFFICER", "night_officer", " Agente  notturno ", CONFIRMED);

    assertThat(night.code()).isEqualTo("NIGHT_OFFICER");
    assertThat(night.name()).isEqualTo("Agente notturno");
    assertThat(night.isPredefined()).isFalse();
    assertThat(night.derivedFrom()).hasValue("FIELD_OFFICER");
    assertThat(night.permissions()).isEqualTo(PredefinedRole.FIELD_OFFICER.defaultPermissions());
    assertThat(catalogue.role("NIGHT_OFFICER")).isSameAs(night);
    assertThat(catalogue.matrix().roleCodes()).endsWith("NIGHT_OFFICER");
    assertThat(night.recordedChanges())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.change()).isEqualTo(SecurityChangeKind.ROLE_CREATED);
              assertThat(e.subject()).isEqualTo(SecuritySubject.role("NIGHT_OFFICER"));
              assertThat(e.oldValue()).isEmpty();
              assertThat(e.newValue())
                  .isEqualTo(
                      "derived from FIELD_OFFICER: "
                          + PredefinedRole.FIELD_OFFICER.defaultPermissions().code());
              assertThat(e.author()).isEqualTo("admin.latina");
              assertThat(e.at()).isEqualTo(NOW);
            });
  }

  @Test
  void aDerivedRoleCanItselfBeDuplicated() {
    catalogue.duplicate("INSTRUCTOR", "INSTRUCTOR_A", "Istruttore A", CONFIRMED);

    Role copy = catalogue.duplicate("INSTRUCTOR_A", "INSTRUCTOR_B", "Istruttore B", CONFIRMED);

    assertThat(copy.derivedFrom()).hasValue("INSTRUCTOR_A");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Istruttore", "ISTRUTTORE", " istruttore ", "Agente  accertatore"})
  void aNewNameMustBeUniqueIgnoringCaseAndSpaces(String name) {
    assertThatThrownBy(() -> catalogue.duplicate("INSTRUCTOR", "OTHER", name, CONFIRMED))
        .isInstanceOf(DuplicateRoleException.class)
        .hasMessageContaining("already used")
        .extracting(e -> ((DuplicateRoleException) e).rule())
        .isEqualTo(PermissionRule.ROLE_NAME_TAKEN);
  }

  @Test
  void aNewCodeMustBeUnique() {
    assertThatThrownBy(() -> catalogue.duplicate("INSTRUCTOR", "auditor", "Altro", CONFIRMED))
        .isInstanceOf(DuplicateRoleException.class)
        .extracting(e -> ((DuplicateRoleException) e).rule())
        .isEqualTo(PermissionRule.ROLE_CODE_TAKEN);
  }

  @Test
  void aDeletedRoleKeepsItsNameAndCodeForever() {
    Role night = catalogue.duplicate("FIELD_OFFICER", "NIGHT", "Notturno", CONFIRMED);
    night.delete(false, CONFIRMED);

    assertThatThrownBy(() -> catalogue.duplicate("FIELD_OFFICER", "NIGHT2", "Notturno", CONFIRMED))
        .isInstanceOf(DuplicateRoleException.class);
    assertThatThrownBy(() -> catalogue.duplicate("NIGHT", "NIGHT3", "Notturno 3", CONFIRMED))
        .isInstanceOf(DeletedRoleException.class);
    assertThat(catalogue.activeRoles()).extracting(Role::code).doesNotContain("NIGHT");
    assertThat(catalogue.allRoles()).extracting(Role::code).contains("NIGHT");
    assertThat(catalogue.matrix().roleCodes()).doesNotContain("NIGHT");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"A", "1ROLE", "ROLE-X", "RUOLO NOTTE"})
  void roleCodesAreShortIdentifiers(String code) {
    assertThatThrownBy(() -> catalogue.duplicate("INSTRUCTOR", code, "Nome", CONFIRMED))
        .isInstanceOf(InvalidRoleException.class);
  }

  @Test
  void anUnknownSourceRoleIsReported() {
    assertThatThrownBy(() -> catalogue.duplicate("CHIEF", "CHIEF2", "Capo", CONFIRMED))
        .isInstanceOf(UnknownRoleException.class)
        .hasMessageContaining("CHIEF");
  }

  @ParameterizedTest
  @EnumSource(PredefinedRole.class)
  void predefinedRolesCanBeNeitherDeletedNorEdited(PredefinedRole predefined) {
    Role role = catalogue.role(predefined.code());

    assertThatThrownBy(() -> role.delete(false, CONFIRMED))
        .isInstanceOf(PredefinedRoleProtectedException.class)
        .extracting(e -> ((PermissionRuleException) e).rule())
        .isEqualTo(PermissionRule.PREDEFINED_ROLE_NOT_DELETABLE);
    assertThatThrownBy(() -> role.changePermissions(PermissionSet.none(), CONFIRMED))
        .isInstanceOf(PredefinedRoleProtectedException.class)
        .extracting(e -> ((PermissionRuleException) e).rule())
        .isEqualTo(PermissionRule.PREDEFINED_ROLE_NOT_EDITABLE);
    assertThat(role.permissions()).isEqualTo(predefined.defaultPermissions());
    assertThat(role.isDeleted()).isFalse();
    assertThat(role.recordedChanges()).isEmpty();
  }

  @Test
  void changingPermissionsNeedsExplicitConfirmation() {
    Role role = catalogue.duplicate("INSTRUCTOR", "NIGHT", "Notturno", CONFIRMED);
    PermissionSet before = role.permissions();

    assertThatThrownBy(() -> role.changePermissions(before.without(EXPORT_VERBALI), UNCONFIRMED))
        .isInstanceOf(UnconfirmedSecurityChangeException.class)
        .hasMessageContaining("explicit confirmation")
        .extracting(e -> ((PermissionRuleException) e).code())
        .isEqualTo("permissions.change.not-confirmed");
    assertThat(role.permissions()).isEqualTo(before);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\n"})
  void everySecurityChangeNeedsAReason(String reason) {
    assertThatThrownBy(() -> SecurityChangeRequest.confirmed("admin", NOW, reason))
        .isInstanceOf(UnconfirmedSecurityChangeException.class)
        .extracting(e -> ((PermissionRuleException) e).rule())
        .isEqualTo(PermissionRule.CHANGE_REASON_MISSING);
  }

  @Test
  void aConfirmedChangeReplacesThePermissionsAndRecordsOldAndNewValues() {
    Role role = catalogue.duplicate("INSTRUCTOR", "NIGHT", "Notturno", CONFIRMED);
    PermissionSet before = role.permissions();
    PermissionSet after = before.without(EXPORT_VERBALI);
    PermissionMatrix matrixBefore = catalogue.matrix();

    SecurityHistoryEntry entry = role.changePermissions(after, CONFIRMED);

    assertThat(role.permissions()).isEqualTo(after);
    assertThat(entry.change()).isEqualTo(SecurityChangeKind.ROLE_PERMISSIONS_CHANGED);
    assertThat(entry.subject()).isEqualTo(SecuritySubject.role("NIGHT"));
    assertThat(entry.oldValue()).isEqualTo(before.code()).contains("VERBALI:EXPORT_NOTIFY");
    assertThat(entry.newValue()).isEqualTo(after.code()).doesNotContain("VERBALI:EXPORT_NOTIFY");
    assertThat(entry.reason()).isEqualTo("det. 12/2026, turno notturno");
    assertThat(role.recordedChanges()).hasSize(2).endsWith(entry);
    assertThat(matrixBefore.changesTo(catalogue.matrix()))
        .containsExactly(
            new PermissionChange("NIGHT", EXPORT_VERBALI, PermissionChange.Kind.REMOVED));
  }

  @Test
  void aChangeToTheSamePermissionsIsRefused() {
    Role role = catalogue.duplicate("INSTRUCTOR", "NIGHT", "Notturno", CONFIRMED);

    assertThatThrownBy(() -> role.changePermissions(role.permissions(), CONFIRMED))
        .isInstanceOf(ChangeWithoutEffectException.class);
    assertThat(role.recordedChanges()).hasSize(1);
  }

  @Test
  void aDerivedRoleIsDeletedLogicallyOnlyWhenNoUserHoldsIt() {
    Role role = catalogue.duplicate("INSTRUCTOR", "NIGHT", "Notturno", CONFIRMED);

    assertThatThrownBy(() -> role.delete(true, CONFIRMED)).isInstanceOf(RoleInUseException.class);
    assertThatThrownBy(() -> role.delete(false, UNCONFIRMED))
        .isInstanceOf(UnconfirmedSecurityChangeException.class);
    assertThat(role.isDeleted()).isFalse();

    SecurityHistoryEntry entry = role.delete(false, CONFIRMED);

    assertThat(role.isDeleted()).isTrue();
    assertThat(entry.change()).isEqualTo(SecurityChangeKind.ROLE_DELETED);
    assertThat(catalogue.role("NIGHT")).isSameAs(role);
    assertThatThrownBy(() -> role.delete(false, CONFIRMED))
        .isInstanceOf(DeletedRoleException.class);
    assertThatThrownBy(() -> role.changePermissions(PermissionSet.none(), CONFIRMED))
        .isInstanceOf(DeletedRoleException.class);
  }

  @Test
  void aStoredCatalogueRejectsDuplicateNamesAndAlwaysHasThePredefinedRoles() {
    Role a = Role.derived("NIGHT", "Notturno", "INSTRUCTOR", PermissionSet.none(), false);
    Role b = Role.derived("NIGHT_B", "notturno", "INSTRUCTOR", PermissionSet.none(), true);

    assertThat(RoleCatalogue.of(List.of(a)).activeRoles())
        .hasSize(PredefinedRole.values().length + 1);
    assertThatThrownBy(() -> RoleCatalogue.of(List.of(a, b)))
        .isInstanceOf(DuplicateRoleException.class);
    assertThatThrownBy(
            () ->
                RoleCatalogue.of(
                    List.of(Role.derived("AUDITOR", "Altro", "X", PermissionSet.none(), false))))
        .isInstanceOf(DuplicateRoleException.class);
  }
}
