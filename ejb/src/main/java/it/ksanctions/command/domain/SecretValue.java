package it.ksanctions.command.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret of an integration (API key, password, private key): it travels from the form to the
 * cipher and from the cipher to the adapter that uses it, and nowhere else. {@link #toString()}
 * masks it, so a secret that ends up in a log line, an exception or a debugger view shows nothing;
 * only {@link #reveal()} gives the value, and only adapters call it.
 */
public final class SecretValue {

  /** What a secret looks like on screen when nothing of it may be shown. */
  public static final String BULLETS = "••••••••";

  /** Secrets shorter than this show no character at all in their mask. */
  static final int SHORTEST_WITH_TAIL = 12;

  private final String value;

  private SecretValue(String value) {
    this.value = value;
  }

  /** A secret from what the user typed; blank means "no secret" and gives null. */
  public static SecretValue ofNullable(String typed) {
    return typed == null || typed.isBlank() ? null : new SecretValue(typed.strip());
  }

  public static SecretValue of(String value) {
    SecretValue secret = ofNullable(value);
    if (secret == null) {
      throw new IllegalArgumentException("A secret cannot be blank");
    }
    return secret;
  }

  /** The value, for the adapter that presents it to the outside service. */
  public String reveal() {
    return value;
  }

  public int length() {
    return value.length();
  }

  /**
   * The mask shown back to the user: bullets and at most the last 4 characters, and those only for
   * secrets of 12 characters or more (a short one would be half given away).
   */
  public String mask() {
    if (value.length() < SHORTEST_WITH_TAIL) {
      return BULLETS;
    }
    return BULLETS + value.substring(value.length() - 4);
  }

  /** Constant-time comparison, so comparing with a stored secret leaks nothing by its timing. */
  public boolean sameAs(SecretValue other) {
    return other != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue other && sameAs(other);
  }

  @Override
  public int hashCode() {
    return 0; // never a function of the secret
  }

  @Override
  public String toString() {
    return BULLETS;
  }
}
