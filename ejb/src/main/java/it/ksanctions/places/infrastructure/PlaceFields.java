package it.ksanctions.places.infrastructure;

import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceImport;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.places.domain.PlaceRuleException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a place in import files, by the same Italian names in CSV columns, GeoJSON
 * properties and KML {@code ExtendedData}: {@value #CODE}, {@value #NAME}, {@value #CATEGORY},
 * subcategory, level, parent, zone, description, notes, external reference, speed limit, ZTL, time
 * band; coordinates from the columns {@value #LATITUDE}/{@value #LONGITUDE} or the geometry.
 */
final class PlaceFields {

  static final String CODE = "codice";
  static final String NAME = "nome";
  static final String CATEGORY = "categoria";
  static final String SUBCATEGORY = "sottocategoria";
  static final String LEVEL = "livello";
  static final String PARENT = "codice_superiore";
  static final String LATITUDE = "latitudine";
  static final String LONGITUDE = "longitudine";
  static final String ZONE = "zona";
  static final String DESCRIPTION = "descrizione";
  static final String NOTES = "note";
  static final String EXTERNAL = "riferimento_esterno";
  static final String SPEED = "limite_velocita";
  static final String ZTL = "ztl";
  static final String FROM = "fascia_dalle";
  static final String TO = "fascia_alle";

  static final List<String> ALL =
      List.of(
          CODE,
          NAME,
          CATEGORY,
          SUBCATEGORY,
          LEVEL,
          PARENT,
          LATITUDE,
          LONGITUDE,
          ZONE,
          DESCRIPTION,
          NOTES,
          EXTERNAL,
          SPEED,
          ZTL,
          FROM,
          TO);

  private PlaceFields() {}

  /** A row of the file as a place, or its problems added to {@code problems}. */
  static Optional<PlaceImport.Row> toRow(
      long number,
      Map<String, String> fields,
      Coordinates geometry,
      List<PlaceImport.Problem> problems) {
    int before = problems.size();
    String code = value(fields, CODE);
    if (code == null) {
      problems.add(new PlaceImport.Problem(number, CODE, "Codice mancante"));
    }
    PlaceCategory category =
        enumValue(
            number,
            fields,
            CATEGORY,
            PlaceCategory.values(),
            PlaceCategory::italianLabel,
            problems);
    PlaceLevel level =
        value(fields, LEVEL) == null
            ? PlaceLevel.PLACE
            : enumValue(
                number, fields, LEVEL, PlaceLevel.values(), PlaceLevel::italianLabel, problems);
    Coordinates coordinates = geometry;
    if (coordinates == null) {
      try {
        coordinates = Coordinates.of(value(fields, LATITUDE), value(fields, LONGITUDE));
      } catch (PlaceRuleException e) {
        problems.add(new PlaceImport.Problem(number, LATITUDE, e.italianMessage()));
      }
    }
    AutomaticRule rule = null;
    try {
      Integer speed = value(fields, SPEED) == null ? null : Integer.valueOf(value(fields, SPEED));
      boolean ztl = yes(value(fields, ZTL));
      if (speed != null || ztl) {
        rule = new AutomaticRule(speed, ztl, time(value(fields, FROM)), time(value(fields, TO)));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      problems.add(
          new PlaceImport.Problem(number, SPEED, "Regola non leggibile: " + e.getMessage()));
    } catch (PlaceRuleException e) {
      problems.add(new PlaceImport.Problem(number, SPEED, e.italianMessage()));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      PlaceData data =
          new PlaceData(
              value(fields, NAME),
              category,
              value(fields, SUBCATEGORY),
              level,
              upper(value(fields, PARENT)),
              coordinates,
              value(fields, ZONE),
              value(fields, DESCRIPTION),
              value(fields, NOTES),
              value(fields, EXTERNAL),
              rule);
      return Optional.of(new PlaceImport.Row(number, code.strip().toUpperCase(Locale.ROOT), data));
    } catch (PlaceRuleException e) {
      problems.add(new PlaceImport.Problem(number, NAME, e.italianMessage()));
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> E enumValue(
      long number,
      Map<String, String> fields,
      String field,
      E[] values,
      java.util.function.Function<E, String> italianLabel,
      List<PlaceImport.Problem> problems) {
    String text = value(fields, field);
    if (text == null) {
      problems.add(new PlaceImport.Problem(number, field, "Valore mancante"));
      return null;
    }
    for (E value : values) {
      if (value.name().equalsIgnoreCase(text) || italianLabel.apply(value).equalsIgnoreCase(text)) {
        return value;
      }
    }
    problems.add(
        new PlaceImport.Problem(
            number,
            field,
            "Valore \""
                + text
                + "\" non ammesso: "
                + Arrays.stream(values).map(Enum::name).toList()));
    return null;
  }

  private static String value(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  private static boolean yes(String value) {
    return value != null
        && List.of("si", "sì", "true", "1", "x").contains(value.toLowerCase(Locale.ITALIAN));
  }

  private static LocalTime time(String value) {
    return value == null ? null : LocalTime.parse(value, DateTimeFormatter.ofPattern("H:mm"));
  }
}
