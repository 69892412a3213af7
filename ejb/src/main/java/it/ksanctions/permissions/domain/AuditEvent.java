package it.ksanctions.permissions.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of a command's audit log (PRM-5), chained to the entry before it so that any later
 * alteration, deletion or reordering can be detected by {@link AuditChainVerifier}.
 *
 * <p>Each tenant numbers its events 1, 2, 3… without gaps ({@code sequenceNumber}) and links them:
 *
 * <pre>
 *   hash = lowercase-hex( SHA-256( UTF-8( canonicalForm() + previousHash ) ) )
 * </pre>
 *
 * where the first event's {@code previousHash} is {@link #GENESIS_PREVIOUS_HASH} (64 zeros). Since
 * {@code previousHash} is always exactly 64 characters at the end, the concatenation needs no
 * separator.
 *
 * <p><b>Canonical form</b> (version 1; changing any detail below breaks every stored chain, so a
 * new format needs a new version tag): the fields below, in this order, joined by {@code |}
 * (U+007C), with no leading or trailing separator:
 *
 * <ol>
 *   <li>the format tag {@code KSA-AUDIT-1};
 *   <li>the sequence number in decimal, no sign, no leading zeros;
 *   <li>the time in ISO-8601 UTC with exactly six fractional digits: {@code
 *       2026-03-01T08:15:30.000000Z} (microseconds: the precision the database keeps);
 *   <li>the username;
 *   <li>the role code;
 *   <li>the module (the {@link AppModule} constant name);
 *   <li>the function;
 *   <li>the operation (the {@link AuditOperation} constant name);
 *   <li>the record reference, empty when there is none.
 * </ol>
 *
 * Every field is escaped before joining: a backslash becomes {@code \\}, {@code |} becomes {@code
 * \|}, a line feed {@code \n} and a carriage return {@code \r} (two characters each), so that no
 * value can imitate a separator and two different events never share a canonical form. The previous
 * and own hashes are not part of the canonical form.
 *
 * <p>The record accepts any values (a stored, possibly tampered, row must load so the verifier can
 * report it); new events are only built through {@link #first}, {@link #next} or {@link #link},
 * which compute the hash.
 */
public record AuditEvent(
    long sequenceNumber,
    Instant occurredAt,
    String username,
    String role,
    AppModule module,
    String function,
    AuditOperation operation,
    String recordReference,
    String previousHash,
    String hash) {

  /** The previous hash of a tenant's first event. */
  public static final String GENESIS_PREVIOUS_HASH = "0".repeat(64);

  static final String FORMAT_TAG = "KSA-AUDIT-1";

  private static final DateTimeFormatter CANONICAL_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  public AuditEvent {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(operation, "operation");
    recordReference = recordReference == null ? "" : recordReference;
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** A tenant's first audit event: sequence number 1, chained to the genesis hash. */
  public static AuditEvent first(AuditedAction action) {
    return link(1, action, GENESIS_PREVIOUS_HASH);
  }

  /** The event that follows this one in the chain. */
  public AuditEvent next(AuditedAction action) {
    return link(sequenceNumber + 1, action, hash);
  }

  /**
   * An event with the given number, chained to {@code previousHash}: for the writer that only keeps
   * the last number and hash of the tenant's chain.
   */
  public static AuditEvent link(long sequenceNumber, AuditedAction action, String previousHash) {
    if (sequenceNumber < 1) {
      throw new IllegalArgumentException("Audit sequence numbers start at 1: " + sequenceNumber);
    }
    if (!isWellFormedHash(previousHash)) {
      throw new IllegalArgumentException(
          "A previous hash is 64 lower-case hexadecimal characters: " + previousHash);
    }
    String canonical =
        canonicalForm(
            sequenceNumber,
            action.occurredAt(),
            action.username(),
            action.role(),
            action.module(),
            action.function(),
            action.operation(),
            action.recordReference());
    return new AuditEvent(
        sequenceNumber,
        action.occurredAt(),
        action.username(),
        action.role(),
        action.module(),
        action.function(),
        action.operation(),
        action.recordReference(),
        previousHash,
        sha256Hex(canonical + previousHash));
  }

  /** The canonical form of this event's fields, as described in the class comment. */
  public String canonicalForm() {
    return canonicalForm(
        sequenceNumber, occurredAt, username, role, module, function, operation, recordReference);
  }

  /** The hash this event should carry given its fields and its previous hash. */
  public String expectedHash() {
    return sha256Hex(canonicalForm() + previousHash);
  }

  static boolean isWellFormedHash(String hash) {
    return hash != null && hash.length() == 64 && hash.chars().allMatch(AuditEvent::isLowerHex);
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static String canonicalForm(
      long sequenceNumber,
      Instant occurredAt,
      String username,
      String role,
      AppModule module,
      String function,
      AuditOperation operation,
      String recordReference) {
    return String.join(
        "|",
        FORMAT_TAG,
        Long.toString(sequenceNumber),
        CANONICAL_TIME.format(occurredAt),
        escape(username),
        escape(role),
        module.name(),
        escape(function),
        operation.name(),
        escape(recordReference));
  }

  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '|' -> escaped.append("\\|");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static String sha256Hex(String input) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must support SHA-256", e);
    }
  }
}
