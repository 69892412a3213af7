package it.ksanctions.sanctions.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The PIN printed on a verbale, which with the owner's codice fiscale opens the act on the citizen
 * portal: 10 characters from an alphabet without look-alikes (about 50 bits), stored only as a
 * salted PBKDF2-SHA256 hash {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 *
 * <p>Next to the hash the act keeps the PIN's {@linkplain #tag tag}: 8 bits of an unsalted digest,
 * so that opening an act checks with PBKDF2 only the owner's acts whose tag matches (one in 256 of
 * the others on average) instead of every act of the codice fiscale — a company with hundreds of
 * acts would otherwise cost hundreds of PBKDF2 derivations per attempt. The tag tells a thief of
 * the database 8 of the PIN's 50 bits: the remaining 42 bits still need PBKDF2 each.
 */
public final class VerbalePin {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 10;
  private static final int ITERATIONS = 20_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VerbalePin() {}

  public static String generate() {
    StringBuilder pin = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      pin.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return pin.toString();
  }

  public static String hash(String pin) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2-sha256$"
        + ITERATIONS
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(derive(pin, salt, ITERATIONS));
  }

  /** The PIN's tag, 0 to 255 (spaces and case ignored), stored unsalted to find the act. */
  public static short tag(String pin) {
    String typed = pin.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("ksanctions-pin-tag:" + typed)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return (short) (digest[0] & 0xFF);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether {@code pin} (spaces and case ignored) is the one {@code stored} was made from. */
  public static boolean matches(String pin, String stored) {
    if (pin == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    String typed = pin.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(typed, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String pin, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }
}
