package it.ksanctions.notifications.infrastructure;

import it.ksanctions.notifications.domain.PostalOutcomeRow;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a postal outcome file: CSV with {@code ;}, UTF-8 (a BOM is allowed), the header {@code
 * numero_verbale;esito;data;note} ({@code note} may be left out), at most {@code maxBytes}. Every
 * row is checked and every problem reported by row and column; the same act twice in the file is a
 * problem of the later row; a file with a problem of its own (not UTF-8, too big, missing columns,
 * empty) gets one problem at row 0.
 */
public final class PostalOutcomeFileReader {

  /** A problem of the file: row 0 is the file as a whole, 1 the first data row. */
  public record Problem(int row, String column, String reason) {}

  /** A row of the file with its number. */
  public record Numbered(int number, PostalOutcomeRow row) {}

  /** The rows read without a problem, in file order, and every problem found. */
  public record Result(List<Numbered> rows, List<Problem> problems) {
    public boolean acceptable() {
      return problems.isEmpty() && !rows.isEmpty();
    }
  }

  private final long maxBytes;

  public PostalOutcomeFileReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Reads {@code file}, with {@code today} the last day an outcome may bear. */
  public Result read(byte[] file, LocalDate today) {
    if (file == null || file.length == 0) {
      return rejected("Il file è vuoto");
    }
    if (file.length > maxBytes) {
      return rejected(
          "Il file supera la dimensione massima di " + maxBytes / (1024 * 1024) + " MB");
    }
    try {
      Result result = csv(new ByteArrayInputStream(file), today);
      if (result.rows().isEmpty() && result.problems().isEmpty()) {
        return rejected("Il file non contiene righe da importare");
      }
      return result;
    } catch (MalformedInputException e) {
      return rejected("Il file non è in UTF-8");
    } catch (IOException e) {
      return rejected("Il file non è leggibile: " + e.getMessage());
    }
  }

  private static Result rejected(String reason) {
    return new Result(List.of(), List.of(new Problem(0, "", reason)));
  }

  private static Reader utf8(InputStream in) throws IOException {
    return new InputStreamReader(
        BOMInputStream.builder().setInputStream(new BufferedInputStream(in)).get(),
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static Result csv(InputStream in, LocalDate today) throws IOException {
    List<Numbered> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(utf8(in))
            .setFormat(
                CSVFormat.Builder.create(CSVFormat.DEFAULT)
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true)
                    .setTrim(true)
                    .get())
            .get()) {
      Map<String, Integer> header = new HashMap<>();
      parser
          .getHeaderMap()
          .forEach(
              (k, v) -> {
                if (k != null) {
                  header.put(k.strip().toLowerCase(Locale.ROOT), v);
                }
              });
      for (String column : PostalOutcomeRow.COLUMNS) {
        if (!column.equals("note") && !header.containsKey(column)) {
          problems.add(new Problem(0, column, "Manca la colonna \"" + column + "\""));
        }
      }
      if (!problems.isEmpty()) {
        return new Result(List.of(), problems);
      }
      Map<String, Integer> rowOfAct = new HashMap<>();
      for (CSVRecord record : parser) {
        int number = (int) record.getRecordNumber();
        Map<String, String> fields = new HashMap<>();
        header.forEach(
            (name, index) -> fields.put(name, index < record.size() ? record.get(index) : null));
        PostalOutcomeRow row = PostalOutcomeRow.of(fields);
        List<PostalOutcomeRow.FieldProblem> wrong = row.problems(today);
        for (PostalOutcomeRow.FieldProblem p : wrong) {
          problems.add(new Problem(number, p.column(), p.reason()));
        }
        if (row.actNumber() != null) {
          Integer earlier = rowOfAct.putIfAbsent(row.actNumber(), number);
          if (earlier != null) {
            problems.add(
                new Problem(number, "numero_verbale", "verbale già indicato alla riga " + earlier));
            continue;
          }
        }
        if (wrong.isEmpty()) {
          rows.add(new Numbered(number, row));
        }
      }
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      if (e.getCause() instanceof MalformedInputException m) {
        throw m;
      }
      return rejected("Il file non è un CSV leggibile: " + e.getMessage());
    }
    return new Result(rows, problems);
  }
}
