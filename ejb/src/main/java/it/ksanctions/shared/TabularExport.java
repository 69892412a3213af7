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

/**
 * The files of an export of a table: CSV as Excel in Italian reads it, Excel (xlsx), and a PDF list
 * to print.
 */
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

  /**
   * A printable list (A4 landscape, OpenPDF, standard fonts in Windows-1252, which has the Italian
   * accented letters and the euro sign): the heading, when it was drawn and {@code count} (e.g. "12
   * righe"), then the table with its header repeated on every page. Column widths are relative; the
   * columns in {@code rightAligned} (amounts, counts) are right-aligned; characters the standard
   * font cannot print come out as "?".
   */
  public static byte[] pdf(
      String title,
      String heading,
      String count,
      String[] headers,
      float[] widths,
      java.util.Set<Integer> rightAligned,
      List<String[]> rows) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    com.lowagie.text.Document document =
        new com.lowagie.text.Document(com.lowagie.text.PageSize.A4.rotate(), 24, 24, 28, 28);
    try {
      com.lowagie.text.pdf.PdfWriter.getInstance(document, bytes);
      document.addTitle(title);
      document.addCreator("K-Sanctions");
      document.open();
      com.lowagie.text.Font headingFont =
          com.lowagie.text.FontFactory.getFont(
              com.lowagie.text.FontFactory.HELVETICA_BOLD, "Cp1252", false, 14);
      com.lowagie.text.Font small =
          com.lowagie.text.FontFactory.getFont(
              com.lowagie.text.FontFactory.HELVETICA, "Cp1252", false, 7);
      com.lowagie.text.Font head =
          com.lowagie.text.FontFactory.getFont(
              com.lowagie.text.FontFactory.HELVETICA_BOLD,
              "Cp1252",
              false,
              7,
              com.lowagie.text.Font.NORMAL,
              java.awt.Color.WHITE);
      document.add(new com.lowagie.text.Paragraph(heading, headingFont));
      document.add(
          new com.lowagie.text.Paragraph(
              "Estratto il "
                  + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                      .format(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Rome")))
                  + " — "
                  + count,
              small));
      document.add(new com.lowagie.text.Paragraph(" ", small));
      com.lowagie.text.pdf.PdfPTable table = new com.lowagie.text.pdf.PdfPTable(widths);
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      for (String header : headers) {
        com.lowagie.text.pdf.PdfPCell cell =
            new com.lowagie.text.pdf.PdfPCell(new com.lowagie.text.Phrase(header, head));
        cell.setBackgroundColor(new java.awt.Color(0x0b, 0x4f, 0x8a));
        cell.setPadding(3);
        table.addCell(cell);
      }
      for (String[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          com.lowagie.text.pdf.PdfPCell cell =
              new com.lowagie.text.pdf.PdfPCell(
                  new com.lowagie.text.Phrase(row[c] == null ? "" : row[c], small));
          cell.setPadding(2);
          if (rightAligned.contains(c)) {
            cell.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
          }
          table.addCell(cell);
        }
      }
      document.add(table);
    } catch (com.lowagie.text.DocumentException e) {
      throw new IllegalStateException("Could not render the PDF list " + title, e);
    } finally {
      document.close();
    }
    return bytes.toByteArray();
  }
}
