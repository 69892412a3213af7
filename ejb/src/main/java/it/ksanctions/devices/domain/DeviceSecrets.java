package it.ksanctions.devices.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of mobile devices: one-time activation codes typed on the device, and the credentials the
 * app then presents on every call. Only their SHA-256 is stored; both are random (SecureRandom) and
 * compared in constant time.
 */
public final class DeviceSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  // No 0/O, 1/I/L: the code is read on one screen and typed on another.
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

  private DeviceSecrets() {}

  /** An activation code like {@code K7QM-3XRT-9PWA} (about 64 bits). */
  public static String newActivationCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    }
    return code.toString();
  }

  /** A device credential: 256 random bits, base64url. */
  public static String newCredential() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a code or credential (codes are compared without dashes and case). */
  public static String hash(String secret) {
    String normal = secret == null ? "" : secret.strip();
    if (normal.matches("[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}")) {
      normal = normal.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }
    return sha256(normal.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a presented secret with a stored hash. */
  public static boolean matches(String presented, String storedHash) {
    if (presented == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
