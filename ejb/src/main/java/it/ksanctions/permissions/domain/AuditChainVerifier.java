package it.ksanctions.permissions.domain;

import java.util.Objects;

/**
 * Checks a command's audit log link by link (PRM-5) and reports the first broken link.
 *
 * <p>Events are given in the order of their sequence numbers, as the log is read. For each event it
 * checks, in this order: that it carries the next sequence number ({@link
 * ChainBreak#SEQUENCE_GAP}), that its previous hash is the stored hash of the event before ({@link
 * ChainBreak#PREVIOUS_HASH_MISMATCH}), and that its own hash is the hash of its fields ({@link
 * ChainBreak#HASH_MISMATCH}). Comparing with the <em>stored</em> hash of the previous event keeps
 * each fault where it happened: an altered event fails its own hash check, and an event whose hash
 * was recomputed after an alteration passes it but breaks the next event's link.
 *
 * <p>Verification stops at the first break because everything after it can no longer be trusted. It
 * is incremental ({@link #accept}) so a log of millions of events can be streamed from the database
 * without holding it in memory, and it can start from an anchor (sequence number and hash of the
 * last event before the range) for logs whose oldest events were removed at the end of the
 * retention period set by the command.
 */
public final class AuditChainVerifier {

  private long expectedSequenceNumber;
  private String expectedPreviousHash;
  private long position;
  private long verifiedEvents;
  private BrokenLink brokenLink;

  private AuditChainVerifier(long firstSequenceNumber, String previousHash) {
    this.expectedSequenceNumber = firstSequenceNumber;
    this.expectedPreviousHash = previousHash;
  }

  /** A verifier for a chain that starts at the tenant's first event. */
  public static AuditChainVerifier fromGenesis() {
    return new AuditChainVerifier(1, AuditEvent.GENESIS_PREVIOUS_HASH);
  }

  /**
   * A verifier for the part of a chain that follows a trusted event, e.g. the last event removed by
   * retention, whose number and hash were kept.
   */
  public static AuditChainVerifier after(long trustedSequenceNumber, String trustedHash) {
    if (trustedSequenceNumber < 0) {
      throw new IllegalArgumentException("Sequence numbers are not negative");
    }
    if (!AuditEvent.isWellFormedHash(trustedHash)) {
      throw new IllegalArgumentException("A hash is 64 lower-case hexadecimal characters");
    }
    return new AuditChainVerifier(trustedSequenceNumber + 1, trustedHash);
  }

  /** Verifies a whole chain from the tenant's first event. */
  public static AuditChainVerification verify(Iterable<AuditEvent> eventsInSequenceOrder) {
    AuditChainVerifier verifier = fromGenesis();
    for (AuditEvent event : eventsInSequenceOrder) {
      if (!verifier.accept(event)) {
        break;
      }
    }
    return verifier.result();
  }

  /**
   * Checks the next event. Returns whether the chain is still intact; once broken, later events are
   * ignored and the first break stays the result.
   */
  public boolean accept(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (brokenLink != null) {
      return false;
    }
    if (event.sequenceNumber() != expectedSequenceNumber) {
      return breakAt(
          event,
          ChainBreak.SEQUENCE_GAP,
          "expected sequence number "
              + expectedSequenceNumber
              + " but found "
              + event.sequenceNumber());
    }
    if (!event.previousHash().equals(expectedPreviousHash)) {
      return breakAt(
          event,
          ChainBreak.PREVIOUS_HASH_MISMATCH,
          "event " + event.sequenceNumber() + " does not point to the hash of the event before it");
    }
    if (!event.hash().equals(event.expectedHash())) {
      return breakAt(
          event,
          ChainBreak.HASH_MISMATCH,
          "event " + event.sequenceNumber() + " does not match its hash: its fields were altered");
    }
    expectedSequenceNumber++;
    expectedPreviousHash = event.hash();
    position++;
    verifiedEvents++;
    return true;
  }

  /** The outcome so far. */
  public AuditChainVerification result() {
    return brokenLink == null
        ? AuditChainVerification.intact(verifiedEvents, expectedPreviousHash)
        : AuditChainVerification.broken(verifiedEvents, expectedPreviousHash, brokenLink);
  }

  private boolean breakAt(AuditEvent event, ChainBreak reason, String detail) {
    brokenLink =
        new BrokenLink(position, event.sequenceNumber(), expectedSequenceNumber, reason, detail);
    return false;
  }
}
