package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.CodiceFiscale;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A staff user moved to another department by an assignment of the Command module. */
class StaffUserDepartmentTest {

  private static final Instant NOW = Instant.parse("2026-02-10T09:00:00Z");
  private static final SecurityChangeRequest REQUEST =
      SecurityChangeRequest.unconfirmed("admin.latina", NOW, "assegnazione, ord. 5/2026");

  private final StaffUser user =
      StaffUser.create(
          "mario.rossi",
          "Mario",
          "Rossi",
          CodiceFiscale.parse("RSSMRA85T10A562S"),
          RoleCatalogue.withPredefinedRoles().role("FIELD_OFFICER"),
          "COMANDO",
          REQUEST);

  @Test
  void theMoveIsRecordedAndVisibilityFollowsIt() {
    SecurityHistoryEntry entry = user.moveToDepartment("VIABILITA", REQUEST);
    assertThat(user.departmentId()).isEqualTo("VIABILITA");
    assertThat(user.asViewer().departmentId()).isEqualTo("VIABILITA");
    assertThat(entry.change()).isEqualTo(SecurityChangeKind.USER_DEPARTMENT_CHANGED);
    assertThat(entry.oldValue()).isEqualTo("COMANDO");
    assertThat(entry.newValue()).isEqualTo("VIABILITA");
  }

  @Test
  void theSameDepartmentOrADeactivatedUserIsRefused() {
    assertThatThrownBy(() -> user.moveToDepartment("COMANDO", REQUEST))
        .isInstanceOf(ChangeWithoutEffectException.class);
    user.deactivate(REQUEST);
    assertThatThrownBy(() -> user.moveToDepartment("VIABILITA", REQUEST))
        .isInstanceOf(DeactivatedUserException.class);
  }
}
