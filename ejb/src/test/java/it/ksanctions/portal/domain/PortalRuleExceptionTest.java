package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.shared.RuleViolation;
import it.ksanctions.shared.RuleViolation.Kind;
import org.junit.jupiter.api.Test;

class PortalRuleExceptionTest {

  @Test
  void aRefusalIsAConflictUnlessToldOtherwise() {
    PortalRuleException e = new PortalRuleException("portal.test", "Messaggio.");

    assertThat(e).isInstanceOf(RuleViolation.class).isInstanceOf(RuntimeException.class);
    assertThat(e.code()).isEqualTo("portal.test");
    assertThat(e.italianMessage()).isEqualTo("Messaggio.");
    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
    assertThat(e.getMessage()).isEqualTo("portal.test: Messaggio.");
  }

  @Test
  void theKindCanBeGiven() {
    assertThat(new PortalRuleException("portal.test", "M.", Kind.INVALID_INPUT).kind())
        .isEqualTo(Kind.INVALID_INPUT);
  }
}
