package it.ksanctions.articles.infrastructure;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The catalogue as a printable list (OpenPDF): A4 landscape, the command's name and the date in the
 * title, one row per version, the header repeated on every page. Standard fonts with Windows-1252
 * encoding, which has the Italian accented letters and the euro sign.
 */
public final class ArticlePdf {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** One width per column of {@code ArticleAdministration.HEADERS}, in the same order. */
  private static final float[] WIDTHS = {6, 16, 7, 5, 5, 5, 4, 8, 5, 6, 6, 13, 10, 4, 12};

  private ArticlePdf() {}

  public static byte[] render(
      List<ArticleVersionRow> rows,
      String commandName,
      String[] headers,
      Function<ArticleVersionRow, String[]> cells) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
    try {
      PdfWriter.getInstance(document, bytes);
      document.addTitle("Catalogo degli articoli");
      document.addCreator("K-Sanctions");
      document.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, "Cp1252", false, 14);
      Font small = FontFactory.getFont(FontFactory.HELVETICA, "Cp1252", false, 7);
      Font head =
          FontFactory.getFont(
              FontFactory.HELVETICA_BOLD, "Cp1252", false, 7, Font.NORMAL, Color.WHITE);
      Paragraph heading =
          new Paragraph(
              "Catalogo degli articoli — " + (commandName == null ? "" : commandName), title);
      document.add(heading);
      document.add(
          new Paragraph(
              "Estratto il "
                  + WHEN.format(ZonedDateTime.now(ZoneId.of("Europe/Rome")))
                  + " — "
                  + rows.size()
                  + " versioni",
              small));
      document.add(new Paragraph(" ", small));
      PdfPTable table = new PdfPTable(WIDTHS);
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      for (String header : headers) {
        PdfPCell cell = new PdfPCell(new Phrase(header, head));
        cell.setBackgroundColor(new Color(0x0b, 0x4f, 0x8a));
        cell.setPadding(3);
        table.addCell(cell);
      }
      for (ArticleVersionRow row : rows) {
        String[] values = cells.apply(row);
        for (int c = 0; c < values.length; c++) {
          PdfPCell cell = new PdfPCell(new Phrase(values[c], small));
          cell.setPadding(2);
          if (c == 3 || c == 4 || c == 5 || c == 13) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
          }
          table.addCell(cell);
        }
      }
      document.add(table);
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not render the PDF list of articles", e);
    } finally {
      document.close();
    }
    return bytes.toByteArray();
  }
}
