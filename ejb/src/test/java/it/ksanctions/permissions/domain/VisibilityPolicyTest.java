package it.ksanctions.permissions.domain;

import static it.ksanctions.permissions.domain.RecordVisibility.HIDDEN;
import static it.ksanctions.permissions.domain.RecordVisibility.READ_ONLY;
import static it.ksanctions.permissions.domain.RecordVisibility.VISIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.CodiceFiscale;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisibilityPolicyTest {

  private static final Instant NOW = Instant.parse("2026-02-10T09:00:00Z");
  private static final Viewer ANNA = new Viewer("anna", "viabilita");

  /** Records: Anna's own, a colleague's in her department, one of another department. */
  @ParameterizedTest(name = "{0}: own {1}, department {2}, other {3}")
  @CsvSource({
    "OWN_RECORDS,         VISIBLE, HIDDEN,    HIDDEN",
    "OWN_DEPARTMENT,      VISIBLE, VISIBLE,   HIDDEN",
    "WHOLE_COMMAND,       VISIBLE, VISIBLE,   VISIBLE",
    "READ_ONLY_NO_EXPORT, READ_ONLY, READ_ONLY, READ_ONLY"
  })
  void eachScopeDecidesWhichRecordsAreSeenAndExported(
      VisibilityScope scope,
      RecordVisibility own,
      RecordVisibility sameDepartment,
      RecordVisibility otherDepartment) {
    assertThat(RecordVisibility.of(scope, ANNA, new RecordOwnership("anna", "viabilita")))
        .isEqualTo(own);
    assertThat(RecordVisibility.of(scope, ANNA, new RecordOwnership("luca", "viabilita")))
        .isEqualTo(sameDepartment);
    assertThat(RecordVisibility.of(scope, ANNA, new RecordOwnership("luca", "annonaria")))
        .isEqualTo(otherDepartment);
  }

  @Test
  void theDecisionsTellWhatTheUserMayDo() {
    assertThat(VISIBLE.canSee()).isTrue();
    assertThat(VISIBLE.canExport()).isTrue();
    assertThat(READ_ONLY.canSee()).isTrue();
    assertThat(READ_ONLY.canExport()).isFalse();
    assertThat(HIDDEN.canSee()).isFalse();
    assertThat(HIDDEN.canExport()).isFalse();
  }

  @Test
  void unknownOwnersAndDepartmentsMatchNobody() {
    RecordOwnership imported = new RecordOwnership(null, null);
    Viewer withoutDepartment = new Viewer("anna", null);

    assertThat(RecordVisibility.of(VisibilityScope.OWN_RECORDS, ANNA, imported)).isEqualTo(HIDDEN);
    assertThat(RecordVisibility.of(VisibilityScope.OWN_DEPARTMENT, ANNA, imported))
        .isEqualTo(HIDDEN);
    assertThat(RecordVisibility.of(VisibilityScope.OWN_DEPARTMENT, withoutDepartment, imported))
        .isEqualTo(HIDDEN);
    assertThat(RecordVisibility.of(VisibilityScope.WHOLE_COMMAND, ANNA, imported))
        .isEqualTo(VISIBLE);
  }

  @Test
  void predefinedRolesStartFromTheSeedPolicies() {
    RecordOwnership colleagues = new RecordOwnership("luca", "viabilita");

    assertThat(
            VisibilityPolicy.defaultFor(PredefinedRole.FIELD_OFFICER)
                .visibilityOf(ANNA, colleagues))
        .isEqualTo(HIDDEN);
    assertThat(
            VisibilityPolicy.defaultFor(PredefinedRole.INSTRUCTOR).visibilityOf(ANNA, colleagues))
        .isEqualTo(VISIBLE);
    assertThat(VisibilityPolicy.defaultFor(PredefinedRole.COMMAND_MANAGER).scope())
        .isEqualTo(VisibilityScope.WHOLE_COMMAND);
    assertThat(VisibilityPolicy.defaultFor(PredefinedRole.AUDITOR).visibilityOf(ANNA, colleagues))
        .isEqualTo(READ_ONLY);
  }

  @Test
  void aUserIsAViewerOfTheirDepartment() {
    StaffUser user =
        StaffUser.create(
            "anna",
            "Anna",
            "Bianchi",
            CodiceFiscale.parse("BNCNNA90A41H501T"),
            Role.predefined(PredefinedRole.INSTRUCTOR),
            "viabilita",
            SecurityChangeRequest.unconfirmed("admin", NOW, "assunzione"));

    assertThat(user.asViewer()).isEqualTo(ANNA);
  }

  @Test
  void aPolicyChangeNeedsConfirmationAndIsRecorded() {
    VisibilityPolicy policy = VisibilityPolicy.defaultFor(PredefinedRole.INSTRUCTOR);

    assertThatThrownBy(
            () ->
                policy.changeScope(
                    VisibilityScope.WHOLE_COMMAND,
                    SecurityChangeRequest.unconfirmed("admin", NOW, "riorganizzazione")))
        .isInstanceOf(UnconfirmedSecurityChangeException.class);
    assertThat(policy.scope()).isEqualTo(VisibilityScope.OWN_DEPARTMENT);

    SecurityHistoryEntry entry =
        policy.changeScope(
            VisibilityScope.WHOLE_COMMAND,
            SecurityChangeRequest.confirmed("admin", NOW, "riorganizzazione"));

    assertThat(policy.scope()).isEqualTo(VisibilityScope.WHOLE_COMMAND);
    assertThat(entry.subject()).isEqualTo(SecuritySubject.visibilityPolicy("INSTRUCTOR"));
    assertThat(entry.change()).isEqualTo(SecurityChangeKind.VISIBILITY_SCOPE_CHANGED);
    assertThat(entry.oldValue()).isEqualTo("OWN_DEPARTMENT");
    assertThat(entry.newValue()).isEqualTo("WHOLE_COMMAND");
    assertThat(policy.recordedChanges()).containsExactly(entry);
  }

  @Test
  void aChangeToTheSameScopeIsRefused() {
    VisibilityPolicy policy = VisibilityPolicy.defaultFor(PredefinedRole.INSTRUCTOR);

    assertThatThrownBy(
            () ->
                policy.changeScope(
                    VisibilityScope.OWN_DEPARTMENT,
                    SecurityChangeRequest.confirmed("admin", NOW, "nessuna")))
        .isInstanceOf(ChangeWithoutEffectException.class);
  }

  @Test
  void theAuditorRoleStaysReadOnlyWithoutExport() {
    VisibilityPolicy auditor = VisibilityPolicy.defaultFor(PredefinedRole.AUDITOR);

    assertThatThrownBy(
            () ->
                auditor.changeScope(
                    VisibilityScope.WHOLE_COMMAND,
                    SecurityChangeRequest.confirmed("admin", NOW, "verifica esterna")))
        .isInstanceOf(InvalidVisibilityScopeException.class)
        .extracting(e -> ((PermissionRuleException) e).rule())
        .isEqualTo(PermissionRule.VISIBILITY_SCOPE_INVALID);
    assertThat(auditor.scope()).isEqualTo(VisibilityScope.READ_ONLY_NO_EXPORT);
    assertThat(auditor.recordedChanges()).isEmpty();
  }

  @Test
  void onlyTheAuditorsScopeForbidsExport() {
    assertThat(VisibilityScope.values())
        .filteredOn(s -> !s.allowsExport())
        .containsExactly(VisibilityScope.READ_ONLY_NO_EXPORT);
  }
}
