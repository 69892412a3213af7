package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.CodiceFiscale;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StaffUserTest {

  private static final Instant NOW = Instant.parse("2026-02-10T09:00:00Z");
  private static final SecurityChangeRequest REQUEST =
      SecurityChangeRequest.unconfirmed("admin.latina", NOW, "assunzione, det. 3/2026");
  private static final CodiceFiscale CF = CodiceFiscale.parse("RSSMRA85T10A562S");

  private final RoleCatalogue roles = RoleCatalogue.withPredefinedRoles();
  private final StaffUser user = newOfficer();

  private StaffUser newOfficer() {
    return StaffUser.create(
        " Mario.Rossi ",
        "Mario",
        "Rossi",
        CF,
        roles.role("FIELD_OFFICER"),
        "reparto-viabilita",
        REQUEST);
  }

  @Nested
  class Creation {

    @Test
    void aNewUserIsActiveWithOnePrimaryRoleAndTheCreationIsRecorded() {
      assertThat(user.username()).isEqualTo("mario.rossi");
      assertThat(user.givenName()).isEqualTo("Mario");
      assertThat(user.surname()).isEqualTo("Rossi");
      assertThat(user.codiceFiscale()).isEqualTo(CF);
      assertThat(user.primaryRoleCode()).isEqualTo("FIELD_OFFICER");
      assertThat(user.departmentId()).isEqualTo("reparto-viabilita");
      assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
      assertThat(user.createdAt()).isEqualTo(NOW);
      assertThat(user.lastAccessAt()).isEmpty();
      assertThat(user.assignedDeviceId()).isEmpty();
      assertThat(user.recordedChanges())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.change()).isEqualTo(SecurityChangeKind.USER_CREATED);
                assertThat(e.subject()).isEqualTo(SecuritySubject.user("mario.rossi"));
                assertThat(e.newValue()).isEqualTo("FIELD_OFFICER");
                assertThat(e.reason()).isEqualTo("assunzione, det. 3/2026");
              });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", ".mario", "mario rossi", "mario/rossi"})
    void malformedUsernamesAreRejected(String username) {
      assertThatThrownBy(
              () ->
                  StaffUser.create(
                      username, "Mario", "Rossi", CF, roles.role("INSTRUCTOR"), "r1", REQUEST))
          .isInstanceOf(InvalidStaffUserException.class)
          .hasMessageContaining("username");
    }

    @Test
    void namesAndDepartmentAreRequired() {
      Role role = roles.role("INSTRUCTOR");
      assertThatThrownBy(() -> StaffUser.create("mrossi", " ", "Rossi", CF, role, "r1", REQUEST))
          .isInstanceOf(InvalidStaffUserException.class)
          .hasMessageContaining("name");
      assertThatThrownBy(() -> StaffUser.create("mrossi", "Mario", null, CF, role, "r1", REQUEST))
          .isInstanceOf(InvalidStaffUserException.class)
          .hasMessageContaining("surname");
      assertThatThrownBy(() -> StaffUser.create("mrossi", "Mario", "Rossi", CF, role, "", REQUEST))
          .isInstanceOf(InvalidStaffUserException.class)
          .hasMessageContaining("department");
    }

    @Test
    void aDeletedRoleCannotBeAssigned() {
      SecurityChangeRequest confirmed = SecurityChangeRequest.confirmed("admin", NOW, "riordino");
      Role night = roles.duplicate("INSTRUCTOR", "NIGHT", "Notturno", confirmed);
      night.delete(false, confirmed);

      assertThatThrownBy(
              () -> StaffUser.create("mrossi", "Mario", "Rossi", CF, night, "r1", REQUEST))
          .isInstanceOf(DeletedRoleException.class);
      assertThatThrownBy(() -> user.changePrimaryRole(night, REQUEST))
          .isInstanceOf(DeletedRoleException.class);
    }
  }

  @Nested
  class PrimaryRole {

    @Test
    void aSecondPrimaryRoleIsARoleConflict() {
      assertThatThrownBy(() -> user.assignPrimaryRole(roles.role("INSTRUCTOR")))
          .isInstanceOf(PrimaryRoleConflictException.class)
          .hasMessageContaining("already has the primary role FIELD_OFFICER")
          .extracting(e -> ((PermissionRuleException) e).code())
          .isEqualTo("permissions.user.primary-role-conflict");
      assertThat(user.primaryRoleCode()).isEqualTo("FIELD_OFFICER");
    }

    @Test
    void changingThePrimaryRoleReplacesItAndIsRecorded() {
      SecurityHistoryEntry entry = user.changePrimaryRole(roles.role("INSTRUCTOR"), REQUEST);

      assertThat(user.primaryRoleCode()).isEqualTo("INSTRUCTOR");
      assertThat(entry.change()).isEqualTo(SecurityChangeKind.USER_PRIMARY_ROLE_CHANGED);
      assertThat(entry.oldValue()).isEqualTo("FIELD_OFFICER");
      assertThat(entry.newValue()).isEqualTo("INSTRUCTOR");
      assertThat(user.recordedChanges()).hasSize(2).endsWith(entry);
    }

    @Test
    void changingToTheSameRoleIsRefused() {
      assertThatThrownBy(() -> user.changePrimaryRole(roles.role("FIELD_OFFICER"), REQUEST))
          .isInstanceOf(ChangeWithoutEffectException.class);
      assertThat(user.recordedChanges()).hasSize(1);
    }
  }

  @Nested
  class Status {

    @Test
    void suspendAndReactivateAreRecorded() {
      SecurityHistoryEntry suspended = user.suspend(REQUEST);
      assertThat(user.status()).isEqualTo(UserStatus.SUSPENDED);
      SecurityHistoryEntry reactivated = user.reactivate(REQUEST);

      assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
      assertThat(suspended.oldValue()).isEqualTo("ACTIVE");
      assertThat(suspended.newValue()).isEqualTo("SUSPENDED");
      assertThat(reactivated.oldValue()).isEqualTo("SUSPENDED");
      assertThat(reactivated.newValue()).isEqualTo("ACTIVE");
      assertThat(user.recordedChanges())
          .extracting(SecurityHistoryEntry::change)
          .containsExactly(
              SecurityChangeKind.USER_CREATED,
              SecurityChangeKind.USER_STATUS_CHANGED,
              SecurityChangeKind.USER_STATUS_CHANGED);
    }

    @Test
    void onlyASuspendedUserCanBeReactivatedAndOnlyAnActiveOneSuspended() {
      assertThatThrownBy(() -> user.reactivate(REQUEST))
          .isInstanceOf(UserStatusTransitionException.class)
          .hasMessageContaining("from ACTIVE to ACTIVE");
      user.suspend(REQUEST);
      assertThatThrownBy(() -> user.suspend(REQUEST))
          .isInstanceOf(UserStatusTransitionException.class);
    }

    @Test
    void deactivationIsFinalAndFreezesTheProfileButKeepsTheHistory() {
      user.suspend(REQUEST);
      user.deactivate(REQUEST);

      assertThat(user.status()).isEqualTo(UserStatus.DEACTIVATED);
      assertThatThrownBy(() -> user.reactivate(REQUEST))
          .isInstanceOf(UserStatusTransitionException.class)
          .extracting(e -> ((PermissionRuleException) e).rule())
          .isEqualTo(PermissionRule.USER_STATUS_TRANSITION_NOT_ALLOWED);
      assertThatThrownBy(() -> user.suspend(REQUEST))
          .isInstanceOf(UserStatusTransitionException.class);
      assertThatThrownBy(() -> user.deactivate(REQUEST))
          .isInstanceOf(UserStatusTransitionException.class);
      assertThatThrownBy(() -> user.changePrimaryRole(roles.role("INSTRUCTOR"), REQUEST))
          .isInstanceOf(DeactivatedUserException.class);
      assertThatThrownBy(() -> user.assignDevice("TAB-01"))
          .isInstanceOf(DeactivatedUserException.class);
      assertThat(user.recordedChanges()).hasSize(3);
      assertThat(user.primaryRoleCode()).isEqualTo("FIELD_OFFICER");
    }

    @Test
    void theTransitionTableIsExactlyTheDocumentedOne() {
      assertThat(UserStatus.ACTIVE.canBecome(UserStatus.SUSPENDED)).isTrue();
      assertThat(UserStatus.ACTIVE.canBecome(UserStatus.DEACTIVATED)).isTrue();
      assertThat(UserStatus.SUSPENDED.canBecome(UserStatus.ACTIVE)).isTrue();
      assertThat(UserStatus.SUSPENDED.canBecome(UserStatus.DEACTIVATED)).isTrue();
      for (UserStatus status : UserStatus.values()) {
        assertThat(status.canBecome(status)).isFalse();
        assertThat(UserStatus.DEACTIVATED.canBecome(status)).isFalse();
      }
    }

    @Test
    void onlyActiveUsersMayAccess() {
      user.recordAccess(NOW.plusSeconds(60));
      assertThat(user.lastAccessAt()).hasValue(NOW.plusSeconds(60));

      user.suspend(REQUEST);

      assertThatThrownBy(() -> user.recordAccess(NOW.plusSeconds(120)))
          .isInstanceOf(InactiveUserAccessException.class)
          .hasMessageContaining("SUSPENDED");
      assertThat(user.lastAccessAt()).hasValue(NOW.plusSeconds(60));
    }
  }

  @Nested
  class DevicesAndDeletion {

    @Test
    void aDeviceCanBeAssignedAndReleased() {
      user.assignDevice(" TAB-01 ");
      assertThat(user.assignedDeviceId()).hasValue("TAB-01");

      user.releaseDevice();
      assertThat(user.assignedDeviceId()).isEmpty();
    }

    @Test
    void aUserWithActiveRecordsCannotBeDeleted() {
      assertThat(user.canBeDeleted(true)).isFalse();
      assertThatThrownBy(() -> user.delete(true, REQUEST))
          .isInstanceOf(UserWithActiveRecordsException.class)
          .extracting(e -> ((PermissionRuleException) e).code())
          .isEqualTo("permissions.user.has-active-records");
      assertThat(user.isDeleted()).isFalse();
      assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void deletionIsLogicalDeactivatesAndIsRecorded() {
      user.assignDevice("TAB-01");
      assertThat(user.canBeDeleted(false)).isTrue();

      SecurityHistoryEntry entry = user.delete(false, REQUEST);

      assertThat(user.isDeleted()).isTrue();
      assertThat(user.status()).isEqualTo(UserStatus.DEACTIVATED);
      assertThat(user.assignedDeviceId()).isEmpty();
      assertThat(user.codiceFiscale()).isEqualTo(CF);
      assertThat(entry.change()).isEqualTo(SecurityChangeKind.USER_DELETED);
      assertThat(entry.oldValue()).isEqualTo("ACTIVE");
      assertThat(user.canBeDeleted(false)).isFalse();
      assertThatThrownBy(() -> user.delete(false, REQUEST))
          .isInstanceOf(ChangeWithoutEffectException.class);
    }
  }
}
