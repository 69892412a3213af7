package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {

  private static final AuditedAction VALIDATION =
      new AuditedAction(
          Instant.parse("2026-03-01T08:15:30.123456789Z"),
          "mario.rossi",
          "INSTRUCTOR",
          AppModule.VERBALI,
          "validazione verbale",
          AuditOperation.VALIDATE,
          "V-2026/000123");

  private static final AuditedAction CONSULTATION =
      new AuditedAction(
          Instant.parse("2026-03-01T08:16:00Z"),
          "anna.bianchi",
          "AUDITOR",
          AppModule.AUDIT,
          "consultazione registro",
          AuditOperation.READ,
          null);

  @Test
  void theCanonicalFormFollowsTheDocumentedFieldOrderAndTimeFormat() {
    AuditEvent event = AuditEvent.first(VALIDATION);

    assertThat(event.canonicalForm())
        .isEqualTo(
            "KSA-AUDIT-1|1|2026-03-01T08:15:30.123456Z|mario.rossi|INSTRUCTOR|VERBALI"
                + "|validazione verbale|VALIDATE|V-2026/000123");
    assertThat(AuditEvent.first(CONSULTATION).canonicalForm())
        .isEqualTo(
            "KSA-AUDIT-1|1|2026-03-01T08:16:00.000000Z|anna.bianchi|AUDITOR|AUDIT"
                + "|consultazione registro|READ|");
  }

  /** Golden values computed outside Java (Python hashlib) from the documented format. */
  @Test
  void hashesMatchAnIndependentImplementationOfTheDocumentedFormat() {
    AuditEvent first = AuditEvent.first(VALIDATION);
    AuditEvent second = first.next(CONSULTATION);

    assertThat(first.previousHash()).isEqualTo("0".repeat(64));
    assertThat(first.hash())
        .isEqualTo("b0f0a89a35c1e42e5fccebeeaa02668b23bb55f143f1b52daa19c3cde278c962");
    assertThat(second.sequenceNumber()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash())
        .isEqualTo("3b9e161897819da2befc955cbcb6ff77eb7d43c2cbc7428bb6430c7b489772f8");
    assertThat(second.expectedHash()).isEqualTo(second.hash());
  }

  @Test
  void theTimeIsKeptToTheMicrosecondTheDatabaseStores() {
    assertThat(VALIDATION.occurredAt()).isEqualTo(Instant.parse("2026-03-01T08:15:30.123456Z"));
  }

  @Test
  void separatorsAndLineBreaksInsideValuesAreEscaped() {
    AuditedAction tricky =
        new AuditedAction(
            Instant.parse("2026-03-01T08:15:30Z"),
            "a|b",
            "R\\X",
            AppModule.APPEALS,
            "line1\nline2\rend",
            AuditOperation.CHANGE,
            "x");

    assertThat(AuditEvent.first(tricky).canonicalForm())
        .isEqualTo(
            "KSA-AUDIT-1|1|2026-03-01T08:15:30.000000Z|a\\|b|R\\\\X|APPEALS|line1\\nline2\\rend"
                + "|CHANGE|x");
  }

  @Test
  void valuesThatWouldImitateASeparatorDoNotCollide() {
    AuditedAction left = action("mario|INSTRUCTOR", "X");
    AuditedAction right = action("mario", "INSTRUCTOR|X");

    assertThat(AuditEvent.first(left).canonicalForm())
        .isNotEqualTo(AuditEvent.first(right).canonicalForm());
    assertThat(AuditEvent.first(left).hash()).isNotEqualTo(AuditEvent.first(right).hash());
  }

  @Test
  void theSameFieldsChainedToDifferentPredecessorsHashDifferently() {
    AuditEvent a = AuditEvent.link(5, VALIDATION, "a".repeat(64));
    AuditEvent b = AuditEvent.link(5, VALIDATION, "b".repeat(64));

    assertThat(a.canonicalForm()).isEqualTo(b.canonicalForm());
    assertThat(a.hash()).isNotEqualTo(b.hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void linkingRejectsANumberBelowOneAndAMalformedPreviousHash() {
    assertThatThrownBy(() -> AuditEvent.link(0, VALIDATION, AuditEvent.GENESIS_PREVIOUS_HASH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start at 1");
    assertThatThrownBy(() -> AuditEvent.link(2, VALIDATION, "A".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lower-case hexadecimal");
    assertThatThrownBy(() -> AuditEvent.link(2, VALIDATION, "0".repeat(63)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void anAuditedActionNeedsAUser(String username) {
    assertThatThrownBy(() -> action(username, "INSTRUCTOR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username");
  }

  @Test
  void aMissingRecordReferenceIsEmpty() {
    assertThat(CONSULTATION.recordReference()).isEmpty();
  }

  private static AuditedAction action(String username, String role) {
    return new AuditedAction(
        Instant.parse("2026-03-01T08:15:30Z"),
        username,
        role,
        AppModule.VERBALI,
        "f",
        AuditOperation.READ,
        "");
  }
}
