package it.ksanctions.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class TabularExportTest {

  @Test
  void csvHasTheByteOrderMarkSemicolonsAndQuotes() {
    String csv =
        new String(
            TabularExport.csv(
                new String[] {"Codice", "Descrizione"},
                List.<String[]>of(new String[] {"142c8", "Velocità; oltre 10"})),
            StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFFCodice;Descrizione\r\n142c8;\"Velocità; oltre 10\"\r\n");
  }

  @Test
  void xlsxKeepsNumbersAsNumbersAndTextAsText() throws Exception {
    byte[] xlsx =
        TabularExport.xlsx(
            "Articoli",
            new String[] {"N.", "Codice", "Minimo"},
            List.<Object[]>of(new Object[] {7L, "142c8", new BigDecimal("173.00")}));
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getFirstSheet().getName()).isEqualTo("Articoli");
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(1)).isEqualTo("Codice");
      assertThat(rows.get(1).getCellAsNumber(0))
          .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("7"));
      assertThat(rows.get(1).getCellText(1)).isEqualTo("142c8");
      assertThat(rows.get(1).getCellAsNumber(2))
          .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("173"));
    }
  }

  @Test
  void aPdfListRepeatsItsHeaderOnEveryPageAndHoldsEveryRow() throws Exception {
    List<String[]> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      rows.add(new String[] {"VL/2026/" + i, "Mario Rossi", "€ 42,00"});
    }
    byte[] pdf =
        TabularExport.pdf(
            "Elenco dei verbali",
            "Elenco dei verbali",
            rows.size() + " righe",
            new String[] {"Numero", "Obbligato", "Importo"},
            new float[] {2, 5, 2},
            java.util.Set.of(2),
            rows);
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(text)
          .contains("Elenco dei verbali", "300 righe", "VL/2026/1 Mario Rossi", "VL/2026/300");
      assertThat(text.split("Obbligato", -1)).hasSize(doc.getNumberOfPages() + 1);
      assertThat(text).contains("€ 42,00");
    }
  }
}
