package it.ksanctions.shared;

/**
 * The 11-digit tax code of a public body (codice fiscale numerico / partita IVA).
 *
 * <p>The 11th digit is a check digit over the first ten: digits in odd positions are summed as they
 * are, digits in even positions are doubled (minus 9 when the double exceeds 9), and the check
 * digit is {@code (10 - sum mod 10) mod 10}.
 */
public final class NumericTaxCode {

  private NumericTaxCode() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != 11) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int digit = c - '0';
      if (i == 10) {
        return (10 - sum % 10) % 10 == digit;
      }
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return false;
  }
}
