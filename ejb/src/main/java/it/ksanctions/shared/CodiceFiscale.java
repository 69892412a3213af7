package it.ksanctions.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The 16-character codice fiscale of a person: it identifies every staff user (PRM-1), every
 * offender and owner who is a person, and it is what SPID asserts.
 *
 * <p>Layout: six letters (surname, name), two year characters, the month letter ({@code A B C D E H
 * L M P R S T}), two day characters (1–31, plus 40 for women), the letter and three characters of
 * the birthplace code, then the check character. Input is trimmed and upper-cased.
 *
 * <p><b>Check character</b> (INTEGRATIONS.md "Codice fiscale"): over the first 15 characters, those
 * in odd positions (1-based) take their value from the "dispari" table, those in even positions
 * their "pari" value (digits 0–9 are 0–9, letters A–Z are 0–25); the sum modulo 26 is the check
 * letter (0 = A … 25 = Z).
 *
 * <p><b>Omocodia</b>: when two people would get the same code, the Agenzia delle Entrate replaces
 * digits at positions 7, 8, 10, 11, 13, 14 and 15 with {@code L M N P Q R S T U V} (for 0–9),
 * starting from the right, and recomputes the check character. Such a code is a different, valid
 * code of a different person, so equality is by the exact value; {@link #withoutOmocodia()} gives
 * the code with the digits restored, e.g. to show which codes were derived from the same base.
 *
 * <p>Companies and public bodies have the 11-digit numeric code instead, see {@code
 * it.ksanctions.shared.NumericTaxCode}; staff users are always persons.
 */
public record CodiceFiscale(String value) {

  private static final String OMOCODIA_LETTERS = "LMNPQRSTUV";
  private static final String DIGIT = "[0-9" + OMOCODIA_LETTERS + "]";
  private static final Pattern FORMAT =
      Pattern.compile(
          "^[A-Z]{6}" + DIGIT + "{2}[ABCDEHLMPRST]" + DIGIT + "{2}[A-Z]" + DIGIT + "{3}[A-Z]$");

  /** 0-based indexes of the characters that omocodia may turn from digits into letters. */
  private static final int[] OMOCODIA_POSITIONS = {6, 7, 9, 10, 12, 13, 14};

  /** The "dispari" values of digits 0–9 and of letters A–Z, each 0-indexed. */
  private static final int[] ODD_DIGIT_VALUES = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

  private static final int[] ODD_LETTER_VALUES = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /**
   * Normalises and validates.
   *
   * @throws InvalidTaxCodeException when the format or the check character is wrong
   */
  public CodiceFiscale {
    value = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidTaxCodeException(
          InvalidTaxCodeException.Reason.FORMAT,
          "Invalid codice fiscale '"
              + value
              + "': a person's codice fiscale has 16 letters and digits laid out as"
              + " RSSMRA85T10A562S");
    }
    int day = digitValue(value.charAt(9)) * 10 + digitValue(value.charAt(10));
    if (day < 1 || (day > 31 && day < 41) || day > 71) {
      throw new InvalidTaxCodeException(
          InvalidTaxCodeException.Reason.FORMAT,
          "Invalid codice fiscale '" + value + "': the birth day " + day + " does not exist");
    }
    if (checkCharacterOf(value.substring(0, 15)) != value.charAt(15)) {
      throw new InvalidTaxCodeException(
          InvalidTaxCodeException.Reason.CHECK_CHARACTER,
          "Invalid codice fiscale '" + value + "': the check character does not match");
    }
  }

  /** Reads a typed or stored code. */
  public static CodiceFiscale parse(String code) {
    return new CodiceFiscale(code);
  }

  /** Whether {@code code} is a valid person's codice fiscale, after trimming and upper-casing. */
  public static boolean isValid(String code) {
    try {
      parse(code);
      return true;
    } catch (InvalidTaxCodeException e) {
      return false;
    }
  }

  /**
   * The check character of the first 15 characters of a code (upper case, format not checked beyond
   * letters and digits).
   */
  public static char checkCharacterOf(String first15) {
    if (first15 == null || first15.length() != 15) {
      throw new IllegalArgumentException("The check character is computed over 15 characters");
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = first15.charAt(i);
      boolean oddPosition = i % 2 == 0;
      if (c >= '0' && c <= '9') {
        sum += oddPosition ? ODD_DIGIT_VALUES[c - '0'] : c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        sum += oddPosition ? ODD_LETTER_VALUES[c - 'A'] : c - 'A';
      } else {
        throw new IllegalArgumentException("Not a codice fiscale character: '" + c + "'");
      }
    }
    return (char) ('A' + sum % 26);
  }

  /** Whether omocodia replaced at least one digit with a letter. */
  public boolean isOmocodic() {
    for (int position : OMOCODIA_POSITIONS) {
      if (!Character.isDigit(value.charAt(position))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The base code: every omocodic letter turned back into its digit, check character recomputed.
   */
  public CodiceFiscale withoutOmocodia() {
    if (!isOmocodic()) {
      return this;
    }
    char[] chars = value.toCharArray();
    for (int position : OMOCODIA_POSITIONS) {
      chars[position] = (char) ('0' + digitValue(chars[position]));
    }
    String first15 = new String(chars, 0, 15);
    return new CodiceFiscale(first15 + checkCharacterOf(first15));
  }

  private static int digitValue(char c) {
    return Character.isDigit(c) ? c - '0' : OMOCODIA_LETTERS.indexOf(c);
  }

  @Override
  public String toString() {
    return value;
  }
}
