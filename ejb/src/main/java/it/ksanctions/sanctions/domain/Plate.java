package it.ksanctions.sanctions.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A vehicle's registration plate with its country (ISO 3166-1 alpha-2), normalised: upper case,
 * without blanks, hyphens or dots, so that "ab 123 cd" and "AB123CD" are one plate.
 *
 * <p>Italian plates are checked against the formats in circulation: the current one of cars, trucks
 * and trailers (two letters, three digits, two letters, never I, O, Q, U), motorcycles (two letters
 * and five digits), mopeds (six letters and digits), the provincial plates issued until 1994
 * (province and up to six characters, e.g. {@code LT123456}, {@code ROMAA12345}) and the plates of
 * the armed forces and services ({@code EI}, {@code CC}, {@code VF}, {@code CRI}…). Foreign plates
 * are free (1–15 letters or digits): their formats are too many to check, and the office verifies
 * them with the foreign registry anyway.
 */
public record Plate(String number, String country) {

  public static final String ITALY = "IT";

  private static final String LETTER = "[A-HJ-NPR-TV-Z]";
  private static final Pattern CURRENT =
      Pattern.compile("^" + LETTER + "{2}[0-9]{3}" + LETTER + "{2}$");
  private static final Pattern MOTORCYCLE = Pattern.compile("^" + LETTER + "{2}[0-9]{5}$");
  private static final Pattern MOPED = Pattern.compile("^(?=.*[0-9])(?=.*[A-Z])[A-Z0-9]{6}$");
  private static final Pattern PROVINCIAL =
      Pattern.compile("^(ROMA|[A-Z]{2})((?:[A-Z]?[0-9]{5,6})|(?:[0-9]{5}[A-Z]))$");
  private static final Pattern SERVICE =
      Pattern.compile("^(EI|CC|AM|MM|VF|CRI|GDF|DGP|CFS|POLIZIA|PL|PC|CD)[A-Z0-9]{2,8}$");
  private static final Pattern FOREIGN = Pattern.compile("^[\\p{L}\\p{N}]{1,15}$");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public Plate {
    country = normaliseCountry(country);
    number = normaliseNumber(number);
    if (ITALY.equals(country)) {
      if (!isItalianFormat(number)) {
        throw new SanctionsRuleException(SanctionsRule.PLATE_INVALID, number);
      }
    } else if (!FOREIGN.matcher(number).matches()) {
      throw new SanctionsRuleException(SanctionsRule.FOREIGN_PLATE_INVALID, number);
    }
  }

  /** A plate as typed: blank country means Italy. */
  public static Plate of(String number, String country) {
    return new Plate(number, country);
  }

  public boolean italian() {
    return ITALY.equals(country);
  }

  /** "AB123CD" for Italian plates, "AB123CD (FR)" for foreign ones. */
  public String display() {
    return italian() ? number : number + " (" + country + ")";
  }

  static boolean isItalianFormat(String number) {
    return CURRENT.matcher(number).matches()
        || MOTORCYCLE.matcher(number).matches()
        || MOPED.matcher(number).matches()
        || PROVINCIAL.matcher(number).matches()
        || SERVICE.matcher(number).matches();
  }

  private static String normaliseNumber(String number) {
    String normal =
        number == null ? "" : number.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    if (normal.isEmpty()) {
      throw new SanctionsRuleException(SanctionsRule.PLATE_REQUIRED);
    }
    return normal;
  }

  /**
   * A plate's country as every record of this context keeps it: upper case, Italy as {@code IT}
   * however it was written (blank, the vehicle sign {@code I}, {@code ITA}). Not checked against
   * the known countries: camera files and owner files are read as they are.
   */
  public static String isoCountry(String country) {
    if (country == null || country.isBlank()) {
      return ITALY;
    }
    String normal = country.strip().toUpperCase(Locale.ROOT);
    return normal.equals("I") || normal.equals("ITA") ? ITALY : normal;
  }

  private static String normaliseCountry(String country) {
    String normal = isoCountry(country);
    if (!normal.equals(ITALY) && !COUNTRIES.contains(normal)) {
      throw new SanctionsRuleException(SanctionsRule.PLATE_COUNTRY_INVALID, country);
    }
    return normal;
  }
}
