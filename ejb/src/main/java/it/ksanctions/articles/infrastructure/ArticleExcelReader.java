package it.ksanctions.articles.infrastructure;

import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ImportProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads article versions from the first sheet of an Excel workbook (.xlsx) with the same columns
 * and rules as {@link ArticleCsvReader} (SPEC ART-3): the sheet is turned into the equivalent CSV,
 * row for row, so both formats share one set of checks and the report's row numbers are the
 * sheet's. Dates may be Excel dates or text; amounts numbers or text.
 */
public final class ArticleExcelReader {

  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private final long maxBytes;

  public ArticleExcelReader(long maxBytes) {
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
                  0, "", "Il file supera la dimensione massima di " + maxBytes / 1024 + " KiB")));
    }
    StringWriter csv = new StringWriter();
    try (ReadableWorkbook workbook =
            new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
        CSVPrinter printer =
            new CSVPrinter(
                csv, CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';').get())) {
      Optional<Sheet> first =
          workbook.getFirstSheet() == null
              ? Optional.empty()
              : Optional.of(workbook.getFirstSheet());
      if (first.isEmpty()) {
        return ArticleImport.rejected(
            List.of(new ImportProblem(0, "", "La cartella di lavoro non contiene fogli")));
      }
      try (Stream<Row> rows = first.get().openStream()) {
        int expected = 1;
        for (Row row : (Iterable<Row>) rows::iterator) {
          // Keep the sheet's row numbers: empty rows stay empty lines of the CSV.
          for (; expected < row.getRowNum(); expected++) {
            printer.println();
          }
          for (int c = 0; c < row.getCellCount(); c++) {
            printer.print(text(row.getCell(c)));
          }
          printer.println();
          expected = row.getRowNum() + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      return ArticleImport.rejected(
          List.of(
              new ImportProblem(
                  0, "", "Il file non è una cartella di lavoro Excel (.xlsx) leggibile")));
    }
    return new ArticleCsvReader(maxBytes * 4)
        .read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** A number shown as a date: Excel's built-in date formats, or a custom one with d/m/y. */
  private static boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
      return true;
    }
    String format = cell.getDataFormatString();
    if (format == null) {
      return false;
    }
    String plain = format.toLowerCase(java.util.Locale.ROOT).replaceAll("\\[[^]]*]|\"[^\"]*\"", "");
    return plain.contains("yy") || plain.contains("d") && plain.contains("m");
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.NUMBER) {
      String format = cell.getDataFormatString();
      if (format != null
          && (format.contains("d") && format.contains("m") || format.contains("yy"))) {
        return cell.asDate().toLocalDate().format(ITALIAN_DATE);
      }
      BigDecimal number = cell.asNumber();
      return number.stripTrailingZeros().toPlainString();
    }
    return cell.getText() == null ? "" : cell.getText().strip();
  }
}
