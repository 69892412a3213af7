package it.ksanctions.permissions.domain;

import java.util.Objects;

/**
 * The first place where an audit chain does not hold: the event found there ({@code sequenceNumber}
 * as stored, {@code position} in the verified sequence, 0-based), the sequence number the chain
 * expected at that point, why the link is broken and a sentence for the auditor.
 */
public record BrokenLink(
    long position,
    long sequenceNumber,
    long expectedSequenceNumber,
    ChainBreak reason,
    String detail) {

  public BrokenLink {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
