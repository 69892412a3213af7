package it.ksanctions.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The files of an export of a table: CSV as Excel in Italian reads it, and Excel (xlsx). */
public final class TabularExport {

  private TabularExport() {}

  /** UTF-8 with a byte order mark and semicolons: what Excel in Italian reads correctly. */
  public static byte[] csv(String[] headers, List<String[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xEF);
    bytes.write(0xBB);
    bytes.write(0xBF);
    try (CSVPrinter csv =
        new CSVPrinter(
            new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
            CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader(headers).get())) {
      for (String[] row : rows) {
        csv.printRecord((Object[]) row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * One sheet with a bold header row. Numbers are written as numbers (amounts, {@link BigDecimal},
   * with two decimals and thousands separators), anything else as text.
   */
  public static byte[] xlsx(String sheetName, String[] headers, List<Object[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(bytes, "K-Sanctions", "1.0");
      Worksheet sheet = workbook.newWorksheet(sheetName);
      for (int c = 0; c < headers.length; c++) {
        sheet.value(0, c, headers[c]);
        sheet.style(0, c).bold().set();
      }
      int r = 1;
      for (Object[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          if (row[c] instanceof Number number) {
            sheet.value(r, c, number);
            if (number instanceof BigDecimal) {
              sheet.style(r, c).format("#,##0.00").set();
            }
          } else {
            sheet.value(r, c, row[c] == null ? null : row[c].toString());
          }
        }
        r++;
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
