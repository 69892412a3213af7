package it.ksanctions.articles.infrastructure;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.ImportProblem;
import it.ksanctions.articles.domain.InvalidArticleCodeException;
import it.ksanctions.articles.domain.InvalidArticleParticularsException;
import it.ksanctions.articles.domain.InvalidArticleVersionException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads article versions from a CSV file as a command's office exports it (SPEC ART-3): UTF-8 (with
 * or without BOM), a header row, {@code ;} or {@code ,} as separator, amounts with a decimal comma
 * or point, dates as {@code dd/MM/yyyy} or ISO. Every problem is reported with its row and column,
 * and the file is imported only when there is none (all-or-nothing).
 *
 * <p>Columns: {@value #CODE}, {@value #DESCRIPTION}, {@value #MINIMUM}, {@value #MAXIMUM}, {@value
 * #SANCTIONS} (optional: names separated by {@code |}, e.g. {@code sospensione patente|sequestro}),
 * {@value #VALID_FROM}, {@value #SOURCE}, and {@value #MUNICIPAL_REDUCED} (optional, so files
 * written before it stay valid): the reduced amount the Giunta set for a local regulation or
 * ordinance (L. 689/1981 art. 16 c. 2, ADR 0004). Empty means none; a value on a Highway Code
 * article, or outside the row's minimum and maximum, is a problem of that row.
 *
 * <p>Three more optional columns carry what officers read (SPEC ART-1, {@link ArticleParticulars}):
 * {@value #SHORT_DESCRIPTION} (at most 80 characters; empty = the first 80 of the description),
 * {@value #POINTS} (licence points, a whole number 0–10; empty = 0) and {@value #OPERATING_NOTES}
 * (free text). A wrong value is a problem of its row and column.
 */
public final class ArticleCsvReader {

  static final String CODE = "codice";
  static final String DESCRIPTION = "descrizione";
  static final String MINIMUM = "importo_minimo";
  static final String MAXIMUM = "importo_massimo";
  static final String SANCTIONS = "sanzioni_accessorie";
  static final String VALID_FROM = "valido_dal";
  static final String SOURCE = "fonte_normativa";
  static final String MUNICIPAL_REDUCED = "importo_ridotto_comunale";
  static final String SHORT_DESCRIPTION = "descrizione_breve";
  static final String POINTS = "punti";
  static final String OPERATING_NOTES = "note_operative";
  private static final List<String> REQUIRED =
      List.of(CODE, DESCRIPTION, MINIMUM, MAXIMUM, VALID_FROM, SOURCE);
  private static final List<String> OPTIONAL =
      List.of(SANCTIONS, MUNICIPAL_REDUCED, SHORT_DESCRIPTION, POINTS, OPERATING_NOTES);
  private static final DateTimeFormatter ITALIAN_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private static final Map<String, AccessorySanction> SANCTION_NAMES =
      Map.of(
          "sospensione patente", AccessorySanction.LICENCE_SUSPENSION,
          "confisca", AccessorySanction.VEHICLE_CONFISCATION,
          "sequestro", AccessorySanction.VEHICLE_SEIZURE,
          "fermo", AccessorySanction.ADMINISTRATIVE_STOP,
          "ritiro documento", AccessorySanction.DOCUMENT_WITHDRAWAL,
          "sospensione circolazione", AccessorySanction.CIRCULATION_SUSPENSION);

  private final long maxBytes;

  /**
   * @param maxBytes the largest file accepted
   */
  public ArticleCsvReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public ArticleImport read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length == 0) {
      return ArticleImport.rejected(List.of(new ImportProblem(0, "", "Il file è vuoto")));
    }
    if (bytes.length > maxBytes) {
      return ArticleImport.rejected(
          List.of(
              new ImportProblem(
                  0, "", "Il file supera la dimensione massima di " + maxBytes / 1024 + " KB")));
    }
    long badLine = firstLineNotUtf8(bytes);
    if (badLine > 0) {
      return ArticleImport.rejected(
          List.of(
              new ImportProblem(
                  badLine,
                  "",
                  "Il file non è codificato in UTF-8 (riga "
                      + badLine
                      + "): salvarlo come \"CSV UTF-8\" e riprovare")));
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    char separator = separatorOf(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(separator)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (Reader reader =
            new InputStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<ImportProblem> problems = headerProblems(parser.getHeaderNames());
      if (!problems.isEmpty()) {
        return ArticleImport.rejected(problems);
      }
      return rows(parser);
    } catch (IOException | RuntimeException e) {
      return ArticleImport.rejected(
          List.of(new ImportProblem(0, "", "Il file non è un CSV leggibile: " + e.getMessage())));
    }
  }

  private ArticleImport rows(CSVParser parser) {
    List<ImportProblem> problems = new ArrayList<>();
    List<ArticleVersion> versions = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<ArticleParticulars> particulars = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    for (CSVRecord record : parser) {
      long row = record.getRecordNumber() + 1; // + header
      if (!record.isConsistent()) {
        problems.add(
            new ImportProblem(
                row,
                "",
                "La riga ha "
                    + record.size()
                    + " colonne invece di "
                    + parser.getHeaderNames().size()));
        continue;
      }
      int before = problems.size();
      ArticleCode code = code(record.get(CODE), row, problems);
      String description = required(record.get(DESCRIPTION), DESCRIPTION, row, problems);
      BigDecimal min = amount(record.get(MINIMUM), MINIMUM, row, problems);
      BigDecimal max = amount(record.get(MAXIMUM), MAXIMUM, row, problems);
      Set<AccessorySanction> sanctions =
          record.isMapped(SANCTIONS) ? sanctions(record.get(SANCTIONS), row, problems) : Set.of();
      LocalDate from = date(record.get(VALID_FROM), row, problems);
      String source = required(record.get(SOURCE), SOURCE, row, problems);
      BigDecimal municipal =
          record.isMapped(MUNICIPAL_REDUCED)
              ? municipalReduced(record.get(MUNICIPAL_REDUCED), code, min, max, row, problems)
              : null;
      ArticleParticulars particular =
          particulars(
              optional(record, SHORT_DESCRIPTION),
              description,
              optional(record, POINTS),
              optional(record, OPERATING_NOTES),
              row,
              problems);
      if (problems.size() > before) {
        continue;
      }
      String key = code.value() + "@" + from;
      Long first = seen.putIfAbsent(key, row);
      if (first != null) {
        problems.add(
            new ImportProblem(
                row,
                CODE,
                "Articolo " + code.value() + " dal " + from + " duplicato della riga " + first));
        continue;
      }
      try {
        versions.add(
            code.isHighwayCode()
                ? ArticleVersion.ofHighwayCode(code, min, max, sanctions, from, null)
                : ArticleVersion.ofLocalRegulation(
                    code, min, max, municipal, sanctions, from, null));
        descriptions.add(description);
        sources.add(source);
        particulars.add(particular);
      } catch (InvalidArticleVersionException e) {
        problems.add(
            new ImportProblem(
                row,
                min.compareTo(max) > 0 ? MINIMUM : "",
                "Importi non coerenti: " + e.getMessage()));
      }
    }
    if (versions.isEmpty() && problems.isEmpty()) {
      problems.add(new ImportProblem(0, "", "Il file non contiene righe da importare"));
    }
    return problems.isEmpty()
        ? new ArticleImport(versions, descriptions, sources, particulars, List.of())
        : ArticleImport.rejected(problems);
  }

  private static List<ImportProblem> headerProblems(List<String> header) {
    List<ImportProblem> problems = new ArrayList<>();
    for (String column : REQUIRED) {
      if (!header.contains(column)) {
        problems.add(new ImportProblem(1, column, "Manca la colonna \"" + column + "\""));
      }
    }
    for (String column : header) {
      if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
        problems.add(new ImportProblem(1, column, "Colonna sconosciuta \"" + column + "\""));
      }
    }
    return problems;
  }

  private static String optional(CSVRecord record, String column) {
    return record.isMapped(column) ? record.get(column) : null;
  }

  /**
   * The short description, licence points and operating notes of a row: each wrong value is a
   * problem of its column (the short description is checked only when the description is there, so
   * a missing description is not reported twice).
   */
  private static ArticleParticulars particulars(
      String shortDescription,
      String description,
      String points,
      String notes,
      long row,
      List<ImportProblem> problems) {
    int before = problems.size();
    String shortText = shortDescription == null ? "" : shortDescription.strip();
    if (shortText.length() > ArticleParticulars.SHORT_DESCRIPTION_MAX) {
      problems.add(
          new ImportProblem(
              row,
              SHORT_DESCRIPTION,
              "Descrizione breve di "
                  + shortText.length()
                  + " caratteri: al più "
                  + ArticleParticulars.SHORT_DESCRIPTION_MAX));
    }
    Integer value = null;
    String pointsText = points == null ? "" : points.strip();
    if (!pointsText.isEmpty()) {
      if (!pointsText.matches("\\d{1,2}")
          || Integer.parseInt(pointsText) > ArticleParticulars.POINTS_MAX) {
        problems.add(
            new ImportProblem(
                row,
                POINTS,
                "Punti patente non validi \""
                    + points.strip()
                    + "\": un numero intero da 0 a "
                    + ArticleParticulars.POINTS_MAX
                    + " (vuoto = 0)"));
      } else {
        value = Integer.parseInt(pointsText);
      }
    }
    if (notes != null && notes.strip().length() > ArticleParticulars.OPERATING_NOTES_MAX) {
      problems.add(
          new ImportProblem(
              row,
              OPERATING_NOTES,
              "Note operative di "
                  + notes.strip().length()
                  + " caratteri: al più "
                  + ArticleParticulars.OPERATING_NOTES_MAX));
    }
    if (problems.size() > before || description == null) {
      return null;
    }
    try {
      return ArticleParticulars.of(shortDescription, description, value, notes);
    } catch (InvalidArticleParticularsException e) {
      problems.add(
          new ImportProblem(
              row,
              e.field() == InvalidArticleParticularsException.Field.POINTS
                  ? POINTS
                  : e.field() == InvalidArticleParticularsException.Field.OPERATING_NOTES
                      ? OPERATING_NOTES
                      : SHORT_DESCRIPTION,
              e.italianMessage()));
      return null;
    }
  }

  private static ArticleCode code(String value, long row, List<ImportProblem> problems) {
    try {
      return ArticleCode.parse(value);
    } catch (InvalidArticleCodeException e) {
      problems.add(new ImportProblem(row, CODE, "Codice articolo non valido \"" + value + "\""));
      return null;
    }
  }

  private static String required(
      String value, String column, long row, List<ImportProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new ImportProblem(row, column, "Valore obbligatorio mancante"));
      return null;
    }
    return value;
  }

  private static BigDecimal amount(
      String value, String column, long row, List<ImportProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new ImportProblem(row, column, "Importo mancante"));
      return null;
    }
    String normalised = value.replace("€", "").strip();
    if (!normalised.contains(",") && normalised.matches("\\d{1,3}(\\.\\d{3})+")) {
      problems.add(
          new ImportProblem(
              row,
              column,
              "Importo ambiguo \""
                  + value
                  + "\": scrivere i decimali con la virgola (es. 1.000,00)"));
      return null;
    }
    if (normalised.contains(",")) {
      normalised = normalised.replace(".", "").replace(',', '.');
    }
    try {
      BigDecimal amount = new BigDecimal(normalised);
      if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
        problems.add(
            new ImportProblem(
                row,
                column,
                "Importo non valido \""
                    + value
                    + "\": serve un importo positivo in euro e centesimi"));
        return null;
      }
      return amount;
    } catch (NumberFormatException e) {
      problems.add(new ImportProblem(row, column, "Importo non numerico \"" + value + "\""));
      return null;
    }
  }

  /**
   * The optional reduced amount set by the Giunta (L. 689/1981 art. 16 c. 2): null when the cell is
   * empty; refused on a Highway Code article and outside the row's minimum and maximum (checked
   * only when those are valid, so one mistake is not reported twice).
   */
  private static BigDecimal municipalReduced(
      String value,
      ArticleCode code,
      BigDecimal min,
      BigDecimal max,
      long row,
      List<ImportProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (code != null && code.isHighwayCode()) {
      problems.add(
          new ImportProblem(
              row,
              MUNICIPAL_REDUCED,
              "L'importo ridotto stabilito dalla Giunta (art. 16 c. 2 L. 689/1981) vale solo per"
                  + " regolamenti e ordinanze comunali: l'articolo "
                  + code.value()
                  + " è del Codice della Strada, lasciare la cella vuota"));
      return null;
    }
    BigDecimal amount = amount(value, MUNICIPAL_REDUCED, row, problems);
    if (amount == null || min == null || max == null || min.compareTo(max) > 0) {
      return amount;
    }
    if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
      problems.add(
          new ImportProblem(
              row,
              MUNICIPAL_REDUCED,
              "L'importo ridotto comunale "
                  + euro(amount)
                  + " non è compreso tra il minimo "
                  + euro(min)
                  + " e il massimo "
                  + euro(max)
                  + " (art. 16 c. 2 L. 689/1981)"));
      return null;
    }
    return amount;
  }

  /** An amount as the office writes it: {@code 106,67}. */
  private static String euro(BigDecimal amount) {
    return amount.setScale(2).toPlainString().replace('.', ',');
  }

  private static Set<AccessorySanction> sanctions(
      String value, long row, List<ImportProblem> problems) {
    Set<AccessorySanction> sanctions = EnumSet.noneOf(AccessorySanction.class);
    if (value == null || value.isBlank()) {
      return sanctions;
    }
    for (String name : value.split("\\|")) {
      AccessorySanction sanction = SANCTION_NAMES.get(name.strip().toLowerCase(Locale.ITALIAN));
      if (sanction == null) {
        problems.add(
            new ImportProblem(
                row,
                SANCTIONS,
                "Sanzione accessoria sconosciuta \""
                    + name.strip()
                    + "\" (ammesse: "
                    + String.join(", ", SANCTION_NAMES.keySet().stream().sorted().toList())
                    + ")"));
      } else {
        sanctions.add(sanction);
      }
    }
    return sanctions;
  }

  private static LocalDate date(String value, long row, List<ImportProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new ImportProblem(row, VALID_FROM, "Data di validità mancante"));
      return null;
    }
    try {
      return value.contains("/") ? LocalDate.parse(value, ITALIAN_DATE) : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          new ImportProblem(
              row, VALID_FROM, "Data non valida \"" + value + "\": usare gg/mm/aaaa"));
      return null;
    }
  }

  private static char separatorOf(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    return header.chars().filter(c -> c == ';').count()
            >= header.chars().filter(c -> c == ',').count()
        ? ';'
        : ',';
  }

  /** The 1-based line of the first byte sequence that is not UTF-8, or 0 when all is UTF-8. */
  private static long firstLineNotUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      decoder.decode(java.nio.ByteBuffer.wrap(bytes));
      return 0;
    } catch (CharacterCodingException e) {
      // Find the line by decoding line by line.
      long line = 1;
      int start = 0;
      for (int i = 0; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == '\n') {
          try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
          } catch (CharacterCodingException bad) {
            return line;
          }
          line++;
          start = i + 1;
        }
      }
      return 1;
    }
  }
}
