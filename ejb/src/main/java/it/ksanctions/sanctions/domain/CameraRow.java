package it.ksanctions.sanctions.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row of a camera file, read from its named fields (the same names in every format: {@code
 * targa}, {@code nazione} (default Italy, "IT"), {@code data_ora}, {@code velocita}, {@code
 * tipo_veicolo}, {@code foto}), with every field error it has, by column, in Italian. A row with
 * errors is refused; the file is then published not at all.
 *
 * @param number the row's number in the file (1 = the first data row)
 * @param photos the photo file names the row names (in the ZIP that came with the file)
 */
public record CameraRow(
    int number,
    String plate,
    String country,
    LocalDateTime detectedAt,
    BigDecimal speedKmh,
    String vehicleType,
    List<String> photos,
    List<FieldProblem> problems) {

  /** The columns a camera file may have. */
  public static final List<String> COLUMNS =
      List.of("targa", "nazione", "data_ora", "velocita", "tipo_veicolo", "foto");

  /** An error of one field of a row. */
  public record FieldProblem(String column, String reason) {
    @Override
    public String toString() {
      return column + ": " + reason;
    }
  }

  private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{2,10}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{1,3}");
  private static final List<DateTimeFormatter> DATE_TIMES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"),
          DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

  /**
   * Reads a row's fields. Names are matched without case; unknown columns are ignored.
   *
   * @param speedRequired whether the device measures speed (then {@code velocita} is required)
   */
  public static CameraRow read(int number, Map<String, String> fields, boolean speedRequired) {
    List<FieldProblem> problems = new ArrayList<>();
    String plate = normalisedPlate(value(fields, "targa"));
    if (plate == null) {
      problems.add(new FieldProblem("targa", "obbligatoria"));
    } else if (!PLATE.matcher(plate).matches()) {
      problems.add(new FieldProblem("targa", "non valida: da 2 a 10 lettere o cifre"));
    }
    String country = Plate.isoCountry(value(fields, "nazione"));
    if (!COUNTRY.matcher(country).matches()) {
      problems.add(new FieldProblem("nazione", "sigla internazionale non valida: " + country));
    }
    LocalDateTime at = null;
    String when = value(fields, "data_ora");
    if (when == null) {
      problems.add(new FieldProblem("data_ora", "obbligatoria"));
    } else {
      at = dateTime(when);
      if (at == null) {
        problems.add(
            new FieldProblem(
                "data_ora",
                "non è una data e ora (es. 2026-06-19T10:15:30 o 19/06/2026 10:15:30)"));
      }
    }
    BigDecimal speed = null;
    String speedText = value(fields, "velocita");
    if (speedText != null) {
      try {
        speed = new BigDecimal(speedText.replace(',', '.'));
        if (speed.signum() <= 0 || speed.compareTo(new BigDecimal("400")) > 0) {
          problems.add(new FieldProblem("velocita", "fuori dall'intervallo 1-400 km/h"));
          speed = null;
        }
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem("velocita", "non è un numero: " + speedText));
      }
    } else if (speedRequired) {
      problems.add(new FieldProblem("velocita", "obbligatoria per un misuratore di velocità"));
    }
    String vehicle = value(fields, "tipo_veicolo");
    if (vehicle != null && vehicle.length() > 40) {
      problems.add(new FieldProblem("tipo_veicolo", "oltre 40 caratteri"));
    }
    List<String> photos = new ArrayList<>();
    String photoText = value(fields, "foto");
    if (photoText != null) {
      for (String name : photoText.split("[|,]")) {
        String photo = name.strip();
        if (photo.isEmpty()) {
          continue;
        }
        if (photo.contains("/") || photo.contains("\\") || photo.contains("..")) {
          problems.add(new FieldProblem("foto", "nome di file non ammesso: " + photo));
        } else {
          photos.add(photo);
        }
      }
    }
    return new CameraRow(
        number, plate, country, at, speed, vehicle, List.copyOf(photos), List.copyOf(problems));
  }

  /** Upper case, without blanks and hyphens: how plates are compared. */
  public static String normalisedPlate(String plate) {
    if (plate == null) {
      return null;
    }
    String p = plate.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return p.isEmpty() ? null : p;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** This row with one more problem (e.g. a photo the ZIP does not hold). */
  public CameraRow withProblem(String column, String reason) {
    List<FieldProblem> more = new ArrayList<>(problems);
    more.add(new FieldProblem(column, reason));
    return new CameraRow(
        number, plate, country, detectedAt, speedKmh, vehicleType, photos, List.copyOf(more));
  }

  private static String value(Map<String, String> fields, String column) {
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (e.getKey() != null && e.getKey().strip().equalsIgnoreCase(column)) {
        String v = e.getValue();
        return v == null || v.isBlank() ? null : v.strip();
      }
    }
    return null;
  }

  private static LocalDateTime dateTime(String text) {
    for (DateTimeFormatter format : DATE_TIMES) {
      try {
        return LocalDateTime.parse(text, format);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }

  static String joined(List<FieldProblem> problems) {
    return String.join("; ", Arrays.stream(problems.toArray()).map(Object::toString).toList());
  }
}
