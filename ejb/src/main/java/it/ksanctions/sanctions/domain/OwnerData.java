package it.ksanctions.sanctions.domain;

import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.InvalidTaxCodeException;
import it.ksanctions.shared.NumericTaxCode;
import it.ksanctions.shared.RuleViolation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The owner of a vehicle as typed in the form or read from a row of an owner file, before it is
 * checked. The field names of a file are the columns of {@link #COLUMNS}; {@link #problems()} gives
 * every wrong field by its column, in Italian.
 */
public record OwnerData(
    String plate,
    String country,
    String name,
    String taxCode,
    String street,
    String postcode,
    String municipality,
    String province,
    String pec) {

  /** The header of an owner file, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "targa",
          "nazione",
          "nominativo",
          "codice_fiscale",
          "indirizzo",
          "cap",
          "comune",
          "provincia",
          "pec");

  private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{2,10}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{1,3}");
  private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
  private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]{11}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  /**
   * Normalises: blanks trimmed (blank is null), plate as the detections compare it, codes upper.
   */
  public OwnerData {
    plate = CameraRow.normalisedPlate(plate);
    country = Plate.isoCountry(country);
    name = blank(name);
    taxCode =
        blank(taxCode) == null ? null : taxCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    street = blank(street);
    postcode = blank(postcode);
    municipality = blank(municipality);
    province = blank(province) == null ? null : province.strip().toUpperCase(Locale.ROOT);
    pec = blank(pec) == null ? null : pec.strip();
  }

  /** A row of an owner file by its named fields (names matched without case). */
  public static OwnerData of(Map<String, String> fields) {
    return new OwnerData(
        value(fields, "targa"),
        value(fields, "nazione"),
        value(fields, "nominativo"),
        value(fields, "codice_fiscale"),
        value(fields, "indirizzo"),
        value(fields, "cap"),
        value(fields, "comune"),
        value(fields, "provincia"),
        value(fields, "pec"));
  }

  /** Every wrong field, by its column; empty when the data can be recorded. */
  public List<CameraRow.FieldProblem> problems() {
    List<CameraRow.FieldProblem> problems = new ArrayList<>();
    if (plate == null) {
      problems.add(problem("targa", "obbligatoria"));
    } else if (!PLATE.matcher(plate).matches()) {
      problems.add(problem("targa", "non valida: da 2 a 10 lettere o cifre"));
    }
    if (!COUNTRY.matcher(country).matches()) {
      problems.add(problem("nazione", "sigla internazionale non valida (es. I, F, D): " + country));
    }
    if (name == null) {
      problems.add(problem("nominativo", "obbligatorio"));
    } else if (name.length() > 200) {
      problems.add(problem("nominativo", "oltre 200 caratteri"));
    }
    if (taxCode == null) {
      problems.add(problem("codice_fiscale", "obbligatorio"));
    } else {
      String wrong = taxCodeProblem(taxCode);
      if (wrong != null) {
        problems.add(problem("codice_fiscale", wrong));
      }
    }
    if (street == null) {
      problems.add(problem("indirizzo", "obbligatorio"));
    } else if (street.length() > 200) {
      problems.add(problem("indirizzo", "oltre 200 caratteri"));
    }
    if (postcode == null) {
      problems.add(problem("cap", "obbligatorio"));
    } else if (!POSTCODE.matcher(postcode).matches()) {
      problems.add(problem("cap", "non valido: 5 cifre (es. 04100)"));
    }
    if (municipality == null) {
      problems.add(problem("comune", "obbligatorio"));
    } else if (municipality.length() > 100) {
      problems.add(problem("comune", "oltre 100 caratteri"));
    }
    if (province == null) {
      problems.add(problem("provincia", "obbligatoria"));
    } else if (!PROVINCE.matcher(province).matches()) {
      problems.add(problem("provincia", "non valida: sigla di 2 lettere (es. LT)"));
    }
    if (pec != null && (pec.length() > 254 || !EMAIL.matcher(pec).matches())) {
      problems.add(problem("pec", "non è un indirizzo di posta elettronica valido: " + pec));
    }
    return List.copyOf(problems);
  }

  /** Who the tax code says the owner is; call only on data without problems. */
  public OwnerKind kind() {
    return taxCode != null && NUMERIC.matcher(taxCode).matches()
        ? OwnerKind.COMPANY
        : OwnerKind.PERSON;
  }

  /**
   * The owner recorded from this data.
   *
   * @throws SanctionsRuleException naming every wrong field when the data has problems
   */
  public VehicleOwner toOwner(
      OwnerSource source, String fileName, java.time.Instant at, String by) {
    List<CameraRow.FieldProblem> problems = problems();
    if (!problems.isEmpty()) {
      throw new SanctionsRuleException(
          "sanctions.vehicle-owner.invalid",
          "Dati del proprietario non validi — " + CameraRow.joined(problems) + ".",
          Kind.INVALID_INPUT);
    }
    return new VehicleOwner(
        plate,
        country,
        kind(),
        name,
        taxCode,
        street,
        postcode,
        municipality,
        province,
        pec,
        source,
        fileName,
        at,
        by);
  }

  private static String taxCodeProblem(String code) {
    if (code.length() == 11) {
      if (!NUMERIC.matcher(code).matches()) {
        return "un codice fiscale numerico ha 11 cifre";
      }
      return NumericTaxCode.isValid(code)
          ? null
          : "codice fiscale numerico non valido: la cifra di controllo non corrisponde";
    }
    if (code.length() == 16) {
      try {
        CodiceFiscale.parse(code);
        return null;
      } catch (InvalidTaxCodeException e) {
        return e.reason() == InvalidTaxCodeException.Reason.CHECK_CHARACTER
            ? "codice fiscale non valido: il carattere di controllo non corrisponde"
            : "codice fiscale non valido: formato errato (es. RSSMRA85T10A562S)";
      }
    }
    return "servono 16 caratteri (persona fisica) o 11 cifre (società o ente)";
  }

  private static CameraRow.FieldProblem problem(String column, String reason) {
    return new CameraRow.FieldProblem(column, reason);
  }

  private static String value(Map<String, String> fields, String column) {
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (e.getKey() != null && e.getKey().strip().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
