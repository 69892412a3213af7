package it.ksanctions.portal.domain;

import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.InvalidTaxCodeException;
import it.ksanctions.shared.RuleViolation.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The driver named by the owner (art. 126-bis CdS), with the driving licence the points are
 * deducted from.
 *
 * <p>The licence number is checked permissively: after trimming and upper-casing, 10 letters or
 * digits, pattern {@code [A-Z0-9]{10}} (an Italian licence reads e.g. {@code U1ABC1234D}, but older
 * formats differ). The licence must be issued not after today and expire not before the violation
 * day; the driver's codice fiscale must have a valid format and check character. {@link #validate}
 * lists every problem at once.
 *
 * <p>Points: for a violation committed less than three years after the licence was issued the
 * points of the table are doubled ({@link #pointsToDeduct(int, LocalDate, LocalDate)}).
 */
public record DriverIdentification(
    String licenceNumber,
    LicenceCategory category,
    LocalDate licenceIssuedOn,
    LocalDate licenceExpiresOn,
    CodiceFiscale driverTaxCode) {

  /** The accepted licence number: 10 upper-case letters or digits. */
  public static final Pattern LICENCE_NUMBER = Pattern.compile("[A-Z0-9]{10}");

  /** Years after the issue during which the points are doubled. */
  public static final int NEW_LICENCE_YEARS = 3;

  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The categories of an Italian driving licence. */
  public enum LicenceCategory {
    AM,
    A1,
    A2,
    A,
    B1,
    B,
    BE,
    C1,
    C1E,
    C,
    CE,
    D1,
    D1E,
    D,
    DE;

    /** The category named by {@code text} (trimmed, any case), if any. */
    public static Optional<LicenceCategory> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      String name = text.strip().toUpperCase(Locale.ROOT);
      for (LicenceCategory category : values()) {
        if (category.name().equals(name)) {
          return Optional.of(category);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Requires every value and a well-formed licence number; the date rules need {@link #validate}.
   */
  public DriverIdentification {
    Objects.requireNonNull(licenceNumber, "licenceNumber");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(licenceIssuedOn, "licenceIssuedOn");
    Objects.requireNonNull(licenceExpiresOn, "licenceExpiresOn");
    Objects.requireNonNull(driverTaxCode, "driverTaxCode");
    if (!LICENCE_NUMBER.matcher(licenceNumber).matches()) {
      throw new IllegalArgumentException("Licence number not matching [A-Z0-9]{10}");
    }
  }

  /**
   * Validates what the owner typed and builds the identification.
   *
   * @param violationDay the day of the violation
   * @param today the day of the check
   * @throws PortalRuleException {@code portal.driver.invalid} (invalid input) listing every problem
   *     in Italian
   */
  public static DriverIdentification validate(
      String licenceNumber,
      String category,
      LocalDate licenceIssuedOn,
      LocalDate licenceExpiresOn,
      String driverTaxCode,
      LocalDate violationDay,
      LocalDate today) {
    List<String> problems =
        problems(
            licenceNumber,
            category,
            licenceIssuedOn,
            licenceExpiresOn,
            driverTaxCode,
            violationDay,
            today);
    if (!problems.isEmpty()) {
      throw new PortalRuleException(
          "portal.driver.invalid",
          "I dati del conducente non sono corretti: " + String.join("; ", problems) + ".",
          Kind.INVALID_INPUT);
    }
    return new DriverIdentification(
        normalise(licenceNumber),
        LicenceCategory.parse(category).orElseThrow(),
        licenceIssuedOn,
        licenceExpiresOn,
        CodiceFiscale.parse(driverTaxCode));
  }

  /**
   * Every problem of what the owner typed, in Italian (each a clause in lower case, without a final
   * full stop), empty when the data are correct.
   */
  public static List<String> problems(
      String licenceNumber,
      String category,
      LocalDate licenceIssuedOn,
      LocalDate licenceExpiresOn,
      String driverTaxCode,
      LocalDate violationDay,
      LocalDate today) {
    return fieldProblems(
            licenceNumber,
            category,
            licenceIssuedOn,
            licenceExpiresOn,
            driverTaxCode,
            violationDay,
            today)
        .stream()
        .map(DriverProblem::reason)
        .toList();
  }

  /**
   * As {@link #problems}, each problem with the field it concerns (code {@code
   * portal.driver.invalid}), for reports that name the field (a company's CSV of drivers).
   */
  public static List<DriverProblem> fieldProblems(
      String licenceNumber,
      String category,
      LocalDate licenceIssuedOn,
      LocalDate licenceExpiresOn,
      String driverTaxCode,
      LocalDate violationDay,
      LocalDate today) {
    Objects.requireNonNull(violationDay, "violationDay");
    Objects.requireNonNull(today, "today");
    List<DriverProblem> problems = new ArrayList<>();
    String number = normalise(licenceNumber);
    if (number.isEmpty()) {
      problems.add(invalid(DriverField.LICENCE_NUMBER, "manca il numero della patente"));
    } else if (!LICENCE_NUMBER.matcher(number).matches()) {
      problems.add(
          invalid(
              DriverField.LICENCE_NUMBER,
              "il numero della patente deve avere 10 caratteri, lettere maiuscole o cifre (per"
                  + " esempio U1ABC1234D)"));
    }
    if (category == null || category.isBlank()) {
      problems.add(invalid(DriverField.CATEGORY, "manca la categoria della patente"));
    } else if (LicenceCategory.parse(category).isEmpty()) {
      problems.add(
          invalid(
              DriverField.CATEGORY,
              "la categoria della patente \""
                  + category.strip()
                  + "\" non esiste (categorie: AM, A1, A2, A, B1, B, BE, C1, C1E, C, CE, D1, D1E,"
                  + " D, DE)"));
    }
    if (licenceIssuedOn == null) {
      problems.add(invalid(DriverField.ISSUED_ON, "manca la data di rilascio della patente"));
    } else if (licenceIssuedOn.isAfter(today)) {
      problems.add(
          invalid(
              DriverField.ISSUED_ON,
              "la data di rilascio della patente ("
                  + ITALIAN_DATE.format(licenceIssuedOn)
                  + ") non può essere nel futuro"));
    }
    if (licenceExpiresOn == null) {
      problems.add(invalid(DriverField.EXPIRES_ON, "manca la data di scadenza della patente"));
    } else if (licenceExpiresOn.isBefore(violationDay)) {
      problems.add(
          invalid(
              DriverField.EXPIRES_ON,
              "la patente risulta scaduta il "
                  + ITALIAN_DATE.format(licenceExpiresOn)
                  + ", prima della violazione del "
                  + ITALIAN_DATE.format(violationDay)));
    } else if (licenceIssuedOn != null && licenceExpiresOn.isBefore(licenceIssuedOn)) {
      problems.add(
          invalid(
              DriverField.EXPIRES_ON,
              "la data di scadenza della patente precede la data di rilascio"));
    }
    if (driverTaxCode == null || driverTaxCode.isBlank()) {
      problems.add(invalid(DriverField.DRIVER_TAX_CODE, "manca il codice fiscale del conducente"));
    } else {
      try {
        CodiceFiscale.parse(driverTaxCode);
      } catch (InvalidTaxCodeException e) {
        problems.add(
            invalid(
                DriverField.DRIVER_TAX_CODE,
                e.reason() == InvalidTaxCodeException.Reason.CHECK_CHARACTER
                    ? "il codice fiscale del conducente non è valido: il carattere di controllo"
                        + " non corrisponde"
                    : "il codice fiscale del conducente non ha il formato corretto (16 caratteri,"
                        + " per esempio RSSMRA85T10A562S)"));
      }
    }
    return List.copyOf(problems);
  }

  private static DriverProblem invalid(DriverField field, String reason) {
    return DriverProblem.ofData(field, "portal.driver.invalid", reason);
  }

  /**
   * Whether a licence issued on {@code licenceIssued} was issued less than {@value
   * #NEW_LICENCE_YEARS} years before {@code violationDay} (on the anniversary itself it is not).
   */
  public static boolean isNewLicence(LocalDate licenceIssued, LocalDate violationDay) {
    Objects.requireNonNull(licenceIssued, "licenceIssued");
    Objects.requireNonNull(violationDay, "violationDay");
    return violationDay.isBefore(licenceIssued.plusYears(NEW_LICENCE_YEARS));
  }

  /**
   * The points to deduct: {@code basePoints} (the table of art. 126-bis), doubled when the licence
   * was issued less than {@value #NEW_LICENCE_YEARS} years before the violation.
   */
  public static int pointsToDeduct(
      int basePoints, LocalDate licenceIssued, LocalDate violationDay) {
    if (basePoints < 0) {
      throw new IllegalArgumentException("Negative points: " + basePoints);
    }
    return isNewLicence(licenceIssued, violationDay) ? basePoints * 2 : basePoints;
  }

  /** The points to deduct from this licence for a violation on {@code violationDay}. */
  public int pointsToDeduct(int basePoints, LocalDate violationDay) {
    return pointsToDeduct(basePoints, licenceIssuedOn, violationDay);
  }

  private static String normalise(String licenceNumber) {
    return licenceNumber == null ? "" : licenceNumber.strip().toUpperCase(Locale.ROOT);
  }
}
