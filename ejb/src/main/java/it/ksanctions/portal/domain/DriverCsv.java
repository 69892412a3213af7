package it.ksanctions.portal.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rental or leasing company's CSV of drivers (issue 16 item 6): one row per act, naming who was
 * driving. The file is checked by its content, not its name: text in UTF-8 (a byte order mark is
 * allowed), at most {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} rows, a header naming the
 * columns of {@link DriverField} in order, fields separated by {@code ;} or {@code ,} (the header
 * decides) and quoted as RFC 4180 says, dates as {@code gg/mm/aaaa} or {@code aaaa-mm-gg}. Every
 * problem is listed at once with its row (the file's line, the header being row 1) and column; the
 * same act twice in one file is refused on the later row.
 *
 * <p>Only the form of the file is checked here; whether each act is the company's, within its term
 * and not yet named, and the licence's rules are the application's ({@code CompanyDrivers}).
 */
public final class DriverCsv {

  /** The largest file accepted, in bytes (about 2,000 rows of average length). */
  public static final int MAX_BYTES = 256 * 1024;

  /** The most rows of drivers in one file. */
  public static final int MAX_ROWS = 500;

  /** The longest value of a field. */
  public static final int MAX_FIELD = 200;

  /** The columns of the file, in order. */
  public static final List<DriverField> COLUMNS = List.of(DriverField.values());

  private static final DateTimeFormatter ITALIAN =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private DriverCsv() {}

  /** One row of drivers, trimmed; a date that could not be read is null (and a problem). */
  public record Row(
      int line,
      String actNumber,
      String fullName,
      String taxCode,
      String licenceNumber,
      String category,
      LocalDate issuedOn,
      LocalDate expiresOn) {}

  /**
   * A problem of the file: {@code line} 0 is the whole file; {@code field} null is the whole row.
   * The reason is an Italian sentence.
   */
  public record Problem(int line, DriverField field, String reason) {
    /** The column's Italian name, or a dash for the whole row or file. */
    public String column() {
      return field == null ? "—" : field.label();
    }
  }

  /** What the file holds: its rows and its problems (rows are usable only without problems). */
  public record Parsed(List<Row> rows, List<Problem> problems, char separator) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** Whether no row could be read at all (a problem of the whole file or of its header). */
    public boolean unreadable() {
      return rows.isEmpty() && !problems.isEmpty();
    }

    /** Whether row {@code line} already has a problem on {@code field}. */
    public boolean flagged(int line, DriverField field) {
      return problems.stream().anyMatch(p -> p.line() == line && p.field() == field);
    }
  }

  /** The header line of the file, with {@code ;}. */
  public static String header() {
    return COLUMNS.stream().map(DriverField::csvName).collect(Collectors.joining(";"));
  }

  /** The template offered for download: the header and one example row, in UTF-8 with a BOM. */
  public static byte[] template() {
    String text =
        "\uFEFF"
            + header()
            + "\r\n"
            + "PL/2026/000123;Mario Rossi;RSSMRA85T10A562S;U1ABC1234D;B;15/03/2015;15/03/2030\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a file as uploaded.
   *
   * @param fileName the name the browser gave (only its extension is looked at)
   */
  public static Parsed read(String fileName, byte[] content) {
    List<Problem> problems = new ArrayList<>();
    if (content == null || content.length == 0) {
      return fileProblem("Il file è vuoto: scegliere il file CSV dei conducenti.");
    }
    if (content.length > MAX_BYTES) {
      return fileProblem(
          "Il file supera il massimo di "
              + MAX_BYTES / 1024
              + " KB per caricamento: dividerlo in più file (al massimo "
              + MAX_ROWS
              + " righe ciascuno).");
    }
    String binary = binaryKind(content);
    if (binary != null) {
      return fileProblem(
          "Il file «"
              + displayName(fileName)
              + "» non è un CSV di testo ("
              + binary
              + "): salvare il foglio di calcolo come «CSV UTF-8» e caricare quello.");
    }
    String extension = extension(fileName);
    if (extension != null && !extension.equals("csv") && !extension.equals("txt")) {
      return fileProblem(
          "Il file «"
              + displayName(fileName)
              + "» non ha l'estensione .csv: caricare il file CSV dei conducenti (modello"
              + " scaricabile da questa pagina).");
    }
    String text;
    try {
      text = utf8(content);
    } catch (NotUtf8 e) {
      return fileProblem(
          "Il file non è codificato in UTF-8 (riga "
              + e.line
              + "): salvarlo come «CSV UTF-8» e caricarlo di nuovo.");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return fileProblem(
            "Il file contiene caratteri di controllo (riga "
                + lineAt(text, i)
                + "): non è un CSV di testo.");
      }
    }
    String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char separator = firstLine.indexOf(';') >= 0 ? ';' : ',';
    List<Record> records;
    try {
      records = records(text, separator);
    } catch (UnclosedQuote e) {
      return fileProblem(
          "Alla riga "
              + e.line
              + " un valore tra virgolette non è chiuso: correggere le virgolette del file.");
    }
    if (records.isEmpty()) {
      return fileProblem("Il file è vuoto: scegliere il file CSV dei conducenti.");
    }
    Record head = records.get(0);
    List<String> names =
        head.fields.stream().map(DriverCsv::columnName).collect(Collectors.toList());
    List<String> expected = COLUMNS.stream().map(DriverField::csvName).toList();
    if (!names.equals(expected)) {
      problems.add(
          new Problem(
              head.line,
              null,
              "La prima riga deve contenere le intestazioni "
                  + header()
                  + " (separate da punto e virgola o da virgola); nel file: «"
                  + clip(String.join(String.valueOf(separator), head.fields))
                  + "»."));
      return new Parsed(List.of(), List.copyOf(problems), separator);
    }
    List<Record> data = records.subList(1, records.size());
    if (data.isEmpty()) {
      return fileProblem("Il file non contiene righe di conducenti dopo le intestazioni.");
    }
    if (data.size() > MAX_ROWS) {
      return fileProblem(
          "Il file contiene "
              + data.size()
              + " righe di conducenti: il massimo è "
              + MAX_ROWS
              + " per caricamento. Dividerlo in più file.");
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Record r : data) {
      if (r.fields.size() != COLUMNS.size()) {
        problems.add(
            new Problem(
                r.line,
                null,
                "La riga ha "
                    + r.fields.size()
                    + (r.fields.size() == 1 ? " colonna" : " colonne")
                    + " invece di "
                    + COLUMNS.size()
                    + " (separatore «"
                    + separator
                    + "»)."));
        continue;
      }
      List<String> v = r.fields.stream().map(String::strip).toList();
      for (int c = 0; c < COLUMNS.size(); c++) {
        if (v.get(c).length() > MAX_FIELD) {
          problems.add(
              new Problem(r.line, COLUMNS.get(c), "Il valore supera " + MAX_FIELD + " caratteri."));
        }
      }
      String number = v.get(0);
      if (number.isEmpty()) {
        problems.add(new Problem(r.line, DriverField.ACT_NUMBER, "Manca il numero del verbale."));
      } else {
        String key = number.toUpperCase(Locale.ROOT);
        Integer earlier = seen.putIfAbsent(key, r.line);
        if (earlier != null) {
          problems.add(
              new Problem(
                  r.line,
                  DriverField.ACT_NUMBER,
                  "Il verbale n. "
                      + number
                      + " compare anche alla riga "
                      + earlier
                      + ": per ogni verbale si indica un solo conducente."));
        }
      }
      LocalDate issued = date(v.get(5), r.line, DriverField.ISSUED_ON, problems);
      LocalDate expires = date(v.get(6), r.line, DriverField.EXPIRES_ON, problems);
      rows.add(new Row(r.line, number, v.get(1), v.get(2), v.get(3), v.get(4), issued, expires));
    }
    return new Parsed(List.copyOf(rows), List.copyOf(problems), separator);
  }

  /** A date as {@code gg/mm/aaaa} (or {@code g/m/aaaa}) or {@code aaaa-mm-gg}; null if blank. */
  public static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return LocalDate.parse(t, t.contains("-") ? ISO : ITALIAN);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not a date: " + t, e);
    }
  }

  private static LocalDate date(String text, int line, DriverField field, List<Problem> problems) {
    if (text.isEmpty()) {
      return null; // "missing" is the licence rules' to say
    }
    try {
      return date(text);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              line,
              field,
              "La data «"
                  + clip(text)
                  + "» non è valida: scriverla come gg/mm/aaaa (per esempio 15/03/2020)."));
      return null;
    }
  }

  // ------------------------------------------------------------------ reading

  /** A record of the file and the line it starts on. */
  private record Record(int line, List<String> fields) {}

  private static final class UnclosedQuote extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    UnclosedQuote(int line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  private static final class NotUtf8 extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    NotUtf8(int line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  /**
   * The records of {@code text} (RFC 4180 quoting, a line break inside quotes belongs to the
   * value); records whose fields are all blank (empty lines, a spreadsheet's {@code ;;;;;;}) are
   * skipped.
   */
  private static List<Record> records(String text, char separator) throws UnclosedQuote {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int start = 1;
    boolean quoted = false;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        quoteLine = line;
        field.setLength(0);
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        add(records, start, fields);
        fields.clear();
        line++;
        start = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new UnclosedQuote(quoteLine);
    }
    fields.add(field.toString());
    add(records, start, fields);
    return records;
  }

  private static void add(List<Record> records, int line, List<String> fields) {
    if (fields.stream().anyMatch(f -> !f.isBlank())) {
      records.add(new Record(line, List.copyOf(fields)));
    }
  }

  /** Strict UTF-8; the line of the first malformed byte otherwise. */
  private static String utf8(byte[] content) throws NotUtf8 {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (content[i] == '\n') {
          line++;
        }
      }
      throw new NotUtf8(line);
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** What a binary file looks like by its first bytes, or null. */
  private static String binaryKind(byte[] b) {
    if (starts(b, '%', 'P', 'D', 'F')) {
      return "sembra un PDF";
    }
    if (starts(b, 'P', 'K', 3, 4)) {
      return "sembra un archivio ZIP o un file Excel .xlsx";
    }
    if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "sembra un file Excel .xls";
    }
    if (starts(b, 0x89, 'P', 'N', 'G') || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 'G', 'I', 'F')) {
      return "sembra un'immagine";
    }
    for (byte x : b) {
      if (x == 0) {
        return "contiene dati binari";
      }
    }
    return null;
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String columnName(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  private static String extension(String fileName) {
    if (fileName == null) {
      return null;
    }
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String displayName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "senza nome";
    }
    String name = fileName.replace('\\', '/');
    return clip(name.substring(name.lastIndexOf('/') + 1));
  }

  private static int lineAt(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String clip(String s) {
    String one = s.replaceAll("[\\r\\n\\t]+", " ");
    return one.length() <= 120 ? one : one.substring(0, 120) + "…";
  }

  private static Parsed fileProblem(String reason) {
    return new Parsed(List.of(), List.of(new Problem(0, null, reason)), ';');
  }

  /** Every problem, sorted by row then by column order (the whole row first). */
  public static List<Problem> sorted(List<Problem> problems) {
    return problems.stream()
        .sorted(
            (a, b) -> {
              int byLine = Integer.compare(a.line(), b.line());
              if (byLine != 0) {
                return byLine;
              }
              int fa = a.field() == null ? -1 : a.field().ordinal();
              int fb = b.field() == null ? -1 : b.field().ordinal();
              return Integer.compare(fa, fb);
            })
        .toList();
  }
}
