package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PermissionRuleTest {

  @Test
  void everyRuleHasItsOwnStableCode() {
    assertThat(Arrays.stream(PermissionRule.values()).map(PermissionRule::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("permissions\\.[a-z-]+\\.[a-z-]+"));
    assertThat(PermissionRule.PRIMARY_ROLE_CONFLICT.code())
        .isEqualTo("permissions.user.primary-role-conflict");
  }

  @Test
  void anExceptionExposesTheCodeOfItsRule() {
    PermissionRuleException e = new RoleInUseException("in use");

    assertThat(e.rule()).isEqualTo(PermissionRule.ROLE_IN_USE);
    assertThat(e.code()).isEqualTo("permissions.role.in-use");
    assertThat(e).hasMessage("in use");
  }
}
