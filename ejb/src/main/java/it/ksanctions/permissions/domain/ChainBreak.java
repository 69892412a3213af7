package it.ksanctions.permissions.domain;

/** Why a link of the audit chain is broken, in the order {@link AuditChainVerifier} checks. */
public enum ChainBreak {
  /**
   * The event does not carry the next number: an event before it was deleted, events were reordered
   * or duplicated.
   */
  SEQUENCE_GAP,
  /** The event's previous hash is not the hash of the event before it (or the genesis hash). */
  PREVIOUS_HASH_MISMATCH,
  /** The event's hash is not the hash of its own fields: the event was altered after writing. */
  HASH_MISMATCH
}
