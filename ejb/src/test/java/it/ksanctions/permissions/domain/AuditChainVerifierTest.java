package it.ksanctions.permissions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditChainVerifierTest {

  private static final int SIZE = 1_000;
  private static final Instant START = Instant.parse("2026-01-05T07:00:00Z");

  private final List<AuditEvent> chain = chainOf(SIZE);

  @Test
  void aValidChainOfAThousandEventsVerifies() {
    AuditChainVerification result = AuditChainVerifier.verify(chain);

    assertThat(result.isIntact()).isTrue();
    assertThat(result.firstBrokenLink()).isEmpty();
    assertThat(result.verifiedEvents()).isEqualTo(SIZE);
    assertThat(result.lastHash()).isEqualTo(chain.get(SIZE - 1).hash());
  }

  @Test
  void anEmptyChainIsIntactAndEndsAtTheGenesisHash() {
    AuditChainVerification result = AuditChainVerifier.verify(List.of());

    assertThat(result.isIntact()).isTrue();
    assertThat(result.verifiedEvents()).isZero();
    assertThat(result.lastHash()).isEqualTo(AuditEvent.GENESIS_PREVIOUS_HASH);
  }

  static Stream<Arguments> alterations() {
    List<Arguments> cases = new ArrayList<>();
    for (int k : new int[] {1, 2, 500, SIZE}) {
      cases.add(Arguments.of(k, "time", (UnaryOperator<AuditEvent>) e -> withTime(e)));
      cases.add(Arguments.of(k, "username", (UnaryOperator<AuditEvent>) e -> withUser(e, "x")));
      cases.add(Arguments.of(k, "role", (UnaryOperator<AuditEvent>) e -> withRole(e)));
      cases.add(Arguments.of(k, "module", (UnaryOperator<AuditEvent>) e -> withModule(e)));
      cases.add(Arguments.of(k, "function", (UnaryOperator<AuditEvent>) e -> withFunction(e)));
      cases.add(Arguments.of(k, "operation", (UnaryOperator<AuditEvent>) e -> withOperation(e)));
      cases.add(Arguments.of(k, "record", (UnaryOperator<AuditEvent>) e -> withRecord(e)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "event {0}, {1} altered")
  @MethodSource("alterations")
  void alteringAnyFieldOfAnEventBreaksItsOwnHash(
      int k, String field, UnaryOperator<AuditEvent> alteration) {
    chain.set(k - 1, alteration.apply(chain.get(k - 1)));

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    assertBrokenAt(result, k, ChainBreak.HASH_MISMATCH);
    assertThat(result.verifiedEvents()).isEqualTo(k - 1);
  }

  @ParameterizedTest(name = "event {0} renumbered")
  @ValueSource(ints = {1, 500, SIZE})
  void alteringTheSequenceNumberIsAGap(int k) {
    AuditEvent e = chain.get(k - 1);
    chain.set(k - 1, copy(e, e.sequenceNumber() + 7, e.username(), e.previousHash(), e.hash()));

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    BrokenLink link = assertBrokenAt(result, k + 7, ChainBreak.SEQUENCE_GAP);
    assertThat(link.expectedSequenceNumber()).isEqualTo(k);
    assertThat(link.position()).isEqualTo(k - 1);
  }

  @ParameterizedTest(name = "event {0} deleted")
  @ValueSource(ints = {1, 2, 500, SIZE - 1})
  void deletingAnEventIsAGapAtTheEventThatFollows(int k) {
    chain.remove(k - 1);

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    BrokenLink link = assertBrokenAt(result, k + 1, ChainBreak.SEQUENCE_GAP);
    assertThat(link.expectedSequenceNumber()).isEqualTo(k);
    assertThat(link.detail()).contains("expected sequence number " + k);
    assertThat(result.verifiedEvents()).isEqualTo(k - 1);
  }

  /** What the chain alone cannot see; the documented remedy is comparing the last hash. */
  @Test
  void deletingTheLastEventIsOnlyVisibleAgainstAPublishedHead() {
    String publishedHead = chain.get(SIZE - 1).hash();
    chain.remove(SIZE - 1);

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    assertThat(result.isIntact()).isTrue();
    assertThat(result.lastHash()).isNotEqualTo(publishedHead);
  }

  @ParameterizedTest(name = "events {0} and {0}+1 swapped")
  @ValueSource(ints = {1, 500, SIZE - 1})
  void reorderingTwoEventsIsAGapAtTheFirstMovedEvent(int k) {
    Collections.swap(chain, k - 1, k);

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    BrokenLink link = assertBrokenAt(result, k + 1, ChainBreak.SEQUENCE_GAP);
    assertThat(link.expectedSequenceNumber()).isEqualTo(k);
    assertThat(link.position()).isEqualTo(k - 1);
  }

  @ParameterizedTest(name = "events {0} and {0}+1 swapped and renumbered")
  @ValueSource(ints = {1, 500, SIZE - 1})
  void reorderingAndRenumberingBreaksThePreviousHashOfTheFirstMovedEvent(int k) {
    AuditEvent a = chain.get(k - 1);
    AuditEvent b = chain.get(k);
    chain.set(k - 1, copy(b, k, b.username(), b.previousHash(), b.hash()));
    chain.set(k, copy(a, k + 1, a.username(), a.previousHash(), a.hash()));

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    assertBrokenAt(result, k, ChainBreak.PREVIOUS_HASH_MISMATCH);
  }

  @ParameterizedTest(name = "event {0} altered and re-hashed")
  @ValueSource(ints = {1, 2, 500, SIZE - 1})
  void recomputingOneHashMovesTheBreakToTheNextEvent(int k) {
    AuditEvent original = chain.get(k - 1);
    AuditEvent forged = withUser(original, "someone.else");
    chain.set(
        k - 1, copy(forged, k, forged.username(), forged.previousHash(), forged.expectedHash()));

    AuditChainVerification result = AuditChainVerifier.verify(chain);

    BrokenLink link = assertBrokenAt(result, k + 1, ChainBreak.PREVIOUS_HASH_MISMATCH);
    assertThat(link.position()).isEqualTo(k);
    assertThat(result.verifiedEvents()).isEqualTo(k);
  }

  @ParameterizedTest(name = "previous hash of event {0} altered")
  @ValueSource(ints = {1, 500, SIZE})
  void alteringAPreviousHashBreaksThatEvent(int k) {
    AuditEvent e = chain.get(k - 1);
    chain.set(k - 1, copy(e, k, e.username(), "f".repeat(64), e.hash()));

    assertBrokenAt(AuditChainVerifier.verify(chain), k, ChainBreak.PREVIOUS_HASH_MISMATCH);
  }

  @Test
  void aDuplicatedEventIsAGap() {
    chain.add(500, chain.get(499));

    BrokenLink link =
        assertBrokenAt(AuditChainVerifier.verify(chain), 500, ChainBreak.SEQUENCE_GAP);
    assertThat(link.expectedSequenceNumber()).isEqualTo(501);
  }

  @Test
  void onlyTheFirstOfSeveralBreaksIsReported() {
    chain.set(799, withUser(chain.get(799), "late"));
    chain.remove(599);
    chain.set(299, withRecord(chain.get(299)));

    assertBrokenAt(AuditChainVerifier.verify(chain), 300, ChainBreak.HASH_MISMATCH);
  }

  @Test
  void theIncrementalVerifierIgnoresEventsAfterTheBreak() {
    AuditChainVerifier verifier = AuditChainVerifier.fromGenesis();

    assertThat(verifier.accept(chain.get(0))).isTrue();
    assertThat(verifier.accept(chain.get(2))).isFalse();
    assertThat(verifier.accept(chain.get(1))).isFalse();

    assertBrokenAt(verifier.result(), 3, ChainBreak.SEQUENCE_GAP);
    assertThat(verifier.result().verifiedEvents()).isEqualTo(1);
  }

  @Test
  void aChainTrimmedByRetentionVerifiesFromItsAnchor() {
    AuditEvent lastRemoved = chain.get(399);
    List<AuditEvent> kept = chain.subList(400, SIZE);

    AuditChainVerifier verifier =
        AuditChainVerifier.after(lastRemoved.sequenceNumber(), lastRemoved.hash());
    kept.forEach(verifier::accept);

    assertThat(verifier.result().isIntact()).isTrue();
    assertThat(verifier.result().verifiedEvents()).isEqualTo(SIZE - 400);
    assertThat(AuditChainVerifier.verify(kept).firstBrokenLink())
        .get()
        .extracting(BrokenLink::reason)
        .isEqualTo(ChainBreak.SEQUENCE_GAP);

    AuditChainVerifier wrongAnchor = AuditChainVerifier.after(400, "e".repeat(64));
    kept.forEach(wrongAnchor::accept);
    assertBrokenAt(wrongAnchor.result(), 401, ChainBreak.PREVIOUS_HASH_MISMATCH);
  }

  private static BrokenLink assertBrokenAt(
      AuditChainVerification result, long sequenceNumber, ChainBreak reason) {
    assertThat(result.isIntact()).isFalse();
    BrokenLink link = result.firstBrokenLink().orElseThrow();
    assertThat(link.reason()).isEqualTo(reason);
    assertThat(link.sequenceNumber()).isEqualTo(sequenceNumber);
    return link;
  }

  private static List<AuditEvent> chainOf(int size) {
    List<AuditEvent> events = new ArrayList<>(size);
    AuditModuleCycle modules = new AuditModuleCycle();
    AuditEvent previous = null;
    for (int i = 1; i <= size; i++) {
      AuditedAction action =
          new AuditedAction(
              START.plus(Duration.ofSeconds(37L * i)).plusNanos(1_000L * i),
              "user" + (i % 17),
              i % 3 == 0 ? "INSTRUCTOR" : "FIELD_OFFICER",
              modules.next(),
              "function " + (i % 11),
              AuditOperation.values()[i % AuditOperation.values().length],
              i % 5 == 0 ? "" : "PRE-" + i);
      previous = previous == null ? AuditEvent.first(action) : previous.next(action);
      events.add(previous);
    }
    return events;
  }

  private static final class AuditModuleCycle {
    private int index;

    AppModule next() {
      return AppModule.values()[index++ % AppModule.values().length];
    }
  }

  private static AuditEvent copy(
      AuditEvent e, long sequenceNumber, String username, String previousHash, String hash) {
    return new AuditEvent(
        sequenceNumber,
        e.occurredAt(),
        username,
        e.role(),
        e.module(),
        e.function(),
        e.operation(),
        e.recordReference(),
        previousHash,
        hash);
  }

  private static AuditEvent withUser(AuditEvent e, String username) {
    return copy(e, e.sequenceNumber(), username, e.previousHash(), e.hash());
  }

  private static AuditEvent withTime(AuditEvent e) {
    return new AuditEvent(
        e.sequenceNumber(),
        e.occurredAt().plusNanos(1_000),
        e.username(),
        e.role(),
        e.module(),
        e.function(),
        e.operation(),
        e.recordReference(),
        e.previousHash(),
        e.hash());
  }

  private static AuditEvent withRole(AuditEvent e) {
    return new AuditEvent(
        e.sequenceNumber(),
        e.occurredAt(),
        e.username(),
        "SYSTEM_ADMINISTRATOR",
        e.module(),
        e.function(),
        e.operation(),
        e.recordReference(),
        e.previousHash(),
        e.hash());
  }

  private static AuditEvent withModule(AuditEvent e) {
    AppModule other = e.module() == AppModule.AUDIT ? AppModule.VERBALI : AppModule.AUDIT;
    return new AuditEvent(
        e.sequenceNumber(),
        e.occurredAt(),
        e.username(),
        e.role(),
        other,
        e.function(),
        e.operation(),
        e.recordReference(),
        e.previousHash(),
        e.hash());
  }

  private static AuditEvent withFunction(AuditEvent e) {
    return new AuditEvent(
        e.sequenceNumber(),
        e.occurredAt(),
        e.username(),
        e.role(),
        e.module(),
        e.function() + " ",
        e.operation(),
        e.recordReference(),
        e.previousHash(),
        e.hash());
  }

  private static AuditEvent withOperation(AuditEvent e) {
    AuditOperation other =
        e.operation() == AuditOperation.DELETE ? AuditOperation.READ : AuditOperation.DELETE;
    return new AuditEvent(
        e.sequenceNumber(),
        e.occurredAt(),
        e.username(),
        e.role(),
        e.module(),
        e.function(),
        other,
        e.recordReference(),
        e.previousHash(),
        e.hash());
  }

  private static AuditEvent withRecord(AuditEvent e) {
    return new AuditEvent(
        e.sequenceNumber(),
        e.occurredAt(),
        e.username(),
        e.role(),
        e.module(),
        e.function(),
        e.operation(),
        e.recordReference() + "X",
        e.previousHash(),
        e.hash());
  }
}
