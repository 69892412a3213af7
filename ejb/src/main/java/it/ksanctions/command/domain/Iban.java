package it.ksanctions.command.domain;

import java.math.BigInteger;
import java.util.Locale;

/**
 * International Bank Account Numbers (ISO 13616): the check digits make the number, with its first
 * four characters moved to the end and letters turned into numbers (A = 10 … Z = 35), leave 1 when
 * divided by 97. An Italian IBAN is {@code IT}, 2 check digits, the CIN letter, ABI (5 digits), CAB
 * (5 digits) and the account (12 letters or digits): 27 characters.
 */
public final class Iban {

  private Iban() {}

  /** The IBAN without spaces, in capitals. */
  public static String normalise(String iban) {
    return iban == null ? "" : iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** Whether the ISO 13616 mod-97 check of {@code iban} (any country) holds. */
  public static boolean checksumHolds(String iban) {
    String s = normalise(iban);
    if (!s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      return false;
    }
    String rearranged = s.substring(4) + s.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** An Italian IBAN: the right shape ({@code IT} + 25 characters) and the mod-97 check. */
  public static boolean isValidItalian(String iban) {
    String s = normalise(iban);
    return s.matches("IT[0-9]{2}[A-Z][0-9]{10}[A-Z0-9]{12}") && checksumHolds(s);
  }
}
