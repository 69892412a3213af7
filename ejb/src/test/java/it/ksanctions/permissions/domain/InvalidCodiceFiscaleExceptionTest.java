package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A staff user's wrong codice fiscale is refused as the Permissions rule it breaks (PRM-1). */
class InvalidCodiceFiscaleExceptionTest {

  @Test
  void aMalformedCodeBreaksTheFormatRule() {
    assertThatThrownBy(() -> InvalidCodiceFiscaleException.parse("RSSMRA85T10A562"))
        .isInstanceOf(InvalidCodiceFiscaleException.class)
        .hasMessageStartingWith("Invalid codice fiscale")
        .satisfies(
            e -> {
              PermissionRuleException rule = (PermissionRuleException) e;
              assertThat(rule.rule()).isEqualTo(PermissionRule.CODICE_FISCALE_FORMAT);
              assertThat(rule.code()).isEqualTo("permissions.codice-fiscale.format");
              assertThat(rule.italianMessage()).contains("formato");
            });
  }

  @Test
  void aWrongCheckCharacterBreaksTheCheckCharacterRule() {
    assertThatThrownBy(() -> InvalidCodiceFiscaleException.parse("RSSMRA85T10A562A"))
        .isInstanceOf(InvalidCodiceFiscaleException.class)
        .extracting(e -> ((PermissionRuleException) e).rule())
        .isEqualTo(PermissionRule.CODICE_FISCALE_CHECK_CHARACTER);
  }

  @Test
  void aValidCodeIsRead() {
    assertThat(InvalidCodiceFiscaleException.parse(" rssmra85t10a562s ").value())
        .isEqualTo("RSSMRA85T10A562S");
  }
}
