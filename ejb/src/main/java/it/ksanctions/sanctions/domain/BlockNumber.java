package it.ksanctions.sanctions.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One verbale number of a reserved block: its progressive, its printed text and what became of it
 * (the pre-notice that used it, or the reason it was annulled, with who and when).
 */
public record BlockNumber(
    long progressive,
    String text,
    BlockNumberStatus status,
    UUID preNoticeId,
    String reason,
    String changedBy,
    Instant changedAt) {

  static BlockNumber outstanding(long progressive, String text) {
    return new BlockNumber(
        progressive, text, BlockNumberStatus.OUTSTANDING, null, null, null, null);
  }

  BlockNumber used(UUID preNotice, String by, Instant at) {
    return new BlockNumber(progressive, text, BlockNumberStatus.USED, preNotice, null, by, at);
  }

  BlockNumber annulled(String why, String by, Instant at) {
    return new BlockNumber(progressive, text, BlockNumberStatus.ANNULLED, null, why, by, at);
  }
}
