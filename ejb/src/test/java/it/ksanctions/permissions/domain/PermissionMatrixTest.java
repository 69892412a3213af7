package it.ksanctions.permissions.domain;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppAction.VALIDATE;
import static it.ksanctions.permissions.domain.AppModule.ARTICLES;
import static it.ksanctions.permissions.domain.AppModule.VERBALI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.permissions.domain.PermissionChange.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionMatrixTest {

  @Nested
  class Permissions {

    @Test
    void aPermissionHasAStableCodeThatReadsBack() {
      Permission approve = Permission.of(VERBALI, VALIDATE);

      assertThat(approve.code()).isEqualTo("VERBALI:VALIDATE");
      assertThat(Permission.parse(" verbali : validate ")).isEqualTo(approve);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"VERBALI", "VERBALI:", "VERBALI:APPROVE", "TICKETS:ACCESS", "A:B:C"})
    void unknownPermissionsAreRejected(String code) {
      assertThatThrownBy(() -> Permission.parse(code))
          .isInstanceOf(UnknownPermissionException.class)
          .hasMessageStartingWith("Invalid permission");
    }

    @Test
    void setsAreOrderedByModuleThenActionAndHaveOneCanonicalForm() {
      PermissionSet set =
          PermissionSet.of(
              Permission.of(VERBALI, VALIDATE),
              Permission.of(ARTICLES, CREATE),
              Permission.of(VERBALI, ACCESS),
              Permission.of(ARTICLES, ACCESS));

      assertThat(set.code())
          .isEqualTo("ARTICLES:ACCESS,ARTICLES:CREATE,VERBALI:ACCESS,VERBALI:VALIDATE");
      assertThat(PermissionSet.parse(set.code())).isEqualTo(set);
      assertThat(PermissionSet.parse("")).isEqualTo(PermissionSet.none());
      assertThat(set.allows(VERBALI, VALIDATE)).isTrue();
      assertThat(set.allows(VERBALI, CREATE)).isFalse();
    }

    @Test
    void setsAreImmutableValues() {
      PermissionSet set = PermissionSet.on(VERBALI, ACCESS);
      PermissionSet wider = set.with(Permission.of(VERBALI, CREATE));

      assertThat(set.size()).isEqualTo(1);
      assertThat(wider.size()).isEqualTo(2);
      assertThat(wider.without(Permission.of(VERBALI, CREATE)))
          .isEqualTo(set)
          .hasSameHashCodeAs(set);
      assertThatThrownBy(() -> set.asSet().add(Permission.of(VERBALI, CREATE)))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everythingIsEveryActionOnEveryModule() {
      assertThat(PermissionSet.everything().size())
          .isEqualTo(AppModule.values().length * AppAction.values().length);
    }

    @Test
    void onlyWritingActionsChangeData() {
      assertThat(AppAction.values())
          .filteredOn(AppAction::changesData)
          .containsExactlyInAnyOrder(
              AppAction.CREATE,
              AppAction.EDIT,
              AppAction.VALIDATE,
              AppAction.DELETE_LOGICAL,
              AppAction.MANAGE_CONFIGURATION);
    }

    @Test
    void everyModuleAndActionHasAnItalianLabel() {
      assertThat(AppModule.values()).allSatisfy(m -> assertThat(m.italianLabel()).isNotBlank());
      assertThat(AppAction.values()).allSatisfy(a -> assertThat(a.italianLabel()).isNotBlank());
      assertThat(AppModule.VERBALI.italianLabel()).isEqualTo("Verbali");
    }
  }

  @Nested
  class Matrix {

    private final PermissionMatrix before =
        PermissionMatrix.of(
            ordered(
                "INSTRUCTOR", PermissionSet.on(VERBALI, ACCESS, VALIDATE),
                "AUDITOR", PermissionSet.on(VERBALI, ACCESS)));

    @Test
    void answersByRowAndByColumn() {
      assertThat(before.roleCodes()).containsExactly("INSTRUCTOR", "AUDITOR");
      assertThat(before.isGranted("INSTRUCTOR", Permission.of(VERBALI, VALIDATE))).isTrue();
      assertThat(before.isGranted("AUDITOR", Permission.of(VERBALI, VALIDATE))).isFalse();
      assertThat(before.isGranted("NOBODY", Permission.of(VERBALI, ACCESS))).isFalse();
      assertThat(before.rolesGranting(Permission.of(VERBALI, ACCESS)))
          .containsExactly("INSTRUCTOR", "AUDITOR");
      assertThat(before.grantsOf("AUDITOR")).isEqualTo(PermissionSet.on(VERBALI, ACCESS));
      assertThatThrownBy(() -> before.grantsOf("NOBODY")).isInstanceOf(UnknownRoleException.class);
    }

    @Test
    void theDiffListsEveryAddedAndRemovedPermissionPerRole() {
      PermissionMatrix after =
          before
              .withGrants("INSTRUCTOR", PermissionSet.on(VERBALI, ACCESS, CREATE, EXPORT_NOTIFY))
              .withGrants("NIGHT_SHIFT", PermissionSet.on(ARTICLES, ACCESS));

      assertThat(before.changesTo(after))
          .containsExactly(
              new PermissionChange("INSTRUCTOR", Permission.of(VERBALI, VALIDATE), Kind.REMOVED),
              new PermissionChange("INSTRUCTOR", Permission.of(VERBALI, CREATE), Kind.ADDED),
              new PermissionChange("INSTRUCTOR", Permission.of(VERBALI, EXPORT_NOTIFY), Kind.ADDED),
              new PermissionChange("NIGHT_SHIFT", Permission.of(ARTICLES, ACCESS), Kind.ADDED));
      assertThat(after.changesTo(before))
          .hasSize(4)
          .filteredOn(c -> c.roleCode().equals("NIGHT_SHIFT"))
          .extracting(PermissionChange::kind)
          .containsExactly(Kind.REMOVED);
    }

    @Test
    void identicalMatricesHaveNoDiffAndEditsDoNotTouchTheOriginal() {
      PermissionMatrix edited = before.withGrants("AUDITOR", PermissionSet.none());

      assertThat(
              before.changesTo(
                  PermissionMatrix.of(
                      ordered(
                          "INSTRUCTOR", PermissionSet.on(VERBALI, ACCESS, VALIDATE),
                          "AUDITOR", PermissionSet.on(VERBALI, ACCESS)))))
          .isEmpty();
      assertThat(before.grantsOf("AUDITOR").isEmpty()).isFalse();
      assertThat(edited.grantsOf("AUDITOR").isEmpty()).isTrue();
      assertThat(edited).isNotEqualTo(before);
    }

    private Map<String, PermissionSet> ordered(
        String role1, PermissionSet set1, String role2, PermissionSet set2) {
      Map<String, PermissionSet> map = new LinkedHashMap<>();
      map.put(role1, set1);
      map.put(role2, set2);
      return map;
    }
  }
}
