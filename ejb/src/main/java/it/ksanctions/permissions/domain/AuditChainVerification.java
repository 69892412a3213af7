package it.ksanctions.permissions.domain;

import java.util.Optional;

/**
 * The outcome of verifying an audit chain: either intact, or the first broken link.
 *
 * <p>{@code verifiedEvents} counts the events found intact before the break (all of them when
 * intact); {@code lastHash} is the hash of the last intact event (the anchor's hash when there was
 * none). Comparing {@code lastHash} with a head published elsewhere (e.g. a daily digest) detects
 * what no chain can detect on its own: events removed from the end, or a chain rewritten from the
 * first altered event onwards.
 */
public record AuditChainVerification(long verifiedEvents, String lastHash, BrokenLink brokenLink) {

  static AuditChainVerification intact(long verifiedEvents, String lastHash) {
    return new AuditChainVerification(verifiedEvents, lastHash, null);
  }

  static AuditChainVerification broken(long verifiedEvents, String lastHash, BrokenLink link) {
    return new AuditChainVerification(verifiedEvents, lastHash, link);
  }

  public boolean isIntact() {
    return brokenLink == null;
  }

  public Optional<BrokenLink> firstBrokenLink() {
    return Optional.ofNullable(brokenLink);
  }
}
