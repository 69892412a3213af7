package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A rental firm's CSV of drivers, by its content (issue 16 item 6). */
class DriverCsvTest {

  static final String HEADER =
      "numero_verbale;conducente;codice_fiscale;numero_patente;categoria;data_rilascio;data_scadenza";

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aGoodFileWithBomAndCrlfGivesItsRows() {
    DriverCsv.Parsed parsed =
        DriverCsv.read(
            "conducenti.csv",
            utf8(
                "\uFEFF"
                    + HEADER
                    + "\r\n"
                    + "PL/2026/000001;Paolo Neri;NREPLA99A01E472X;U1AB123456;b;01/02/2020;"
                    + "1/2/2030\r\n"
                    + "\r\n"
                    + "PL/2026/000002; Anna Blu ;BLANNA80A41E472X;U1AB654321;B;2019-05-31;"
                    + "31/05/2029\r\n"));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.separator()).isEqualTo(';');
    assertThat(parsed.rows()).hasSize(2);
    DriverCsv.Row first = parsed.rows().get(0);
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.actNumber()).isEqualTo("PL/2026/000001");
    assertThat(first.category()).isEqualTo("b");
    assertThat(first.issuedOn()).isEqualTo(LocalDate.of(2020, 2, 1));
    assertThat(first.expiresOn()).isEqualTo(LocalDate.of(2030, 2, 1));
    DriverCsv.Row second = parsed.rows().get(1);
    assertThat(second.line()).isEqualTo(4);
    assertThat(second.fullName()).isEqualTo("Anna Blu");
    assertThat(second.issuedOn()).isEqualTo(LocalDate.of(2019, 5, 31));
  }

  @Test
  void commasSeparateWhenTheHeaderHasNoSemicolonAndQuotesKeepACommaInAValue() {
    DriverCsv.Parsed parsed =
        DriverCsv.read(
            "conducenti.CSV",
            utf8(
                HEADER.replace(';', ',')
                    + "\n\"PL/2026/000001\",\"Neri, Paolo \"\"Paolino\"\"\",NREPLA99A01E472X,"
                    + "U1AB123456,B,01/02/2020,01/02/2030\n"));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.separator()).isEqualTo(',');
    assertThat(parsed.rows())
        .singleElement()
        .extracting(DriverCsv.Row::fullName)
        .isEqualTo("Neri, Paolo \"Paolino\"");
  }

  @Test
  void everyRowProblemIsToldWithItsRowAndColumn() {
    DriverCsv.Parsed parsed =
        DriverCsv.read(
            "conducenti.csv",
            utf8(
                HEADER
                    + "\n"
                    + "PL/1;Paolo Neri;X;U1AB123456;B;31/02/2020;01/02/2030\n"
                    + "pl/1;Anna Blu;Y;U1AB654321;B;01/02/2020;01/02/2030\n"
                    + "PL/2;Solo quattro;colonne;qui\n"
                    + ";Senza numero;Z;U1AB654321;B;01/02/2020;domani\n"));
    assertThat(parsed.ok()).isFalse();
    assertThat(DriverCsv.sorted(parsed.problems()))
        .extracting(p -> p.line() + " " + p.column() + ": " + p.reason())
        .containsExactly(
            "2 Data di rilascio: La data «31/02/2020» non è valida: scriverla come gg/mm/aaaa"
                + " (per esempio 15/03/2020).",
            "3 Numero del verbale: Il verbale n. pl/1 compare anche alla riga 2: per ogni"
                + " verbale si indica un solo conducente.",
            "4 —: La riga ha 4 colonne invece di 7 (separatore «;»).",
            "5 Numero del verbale: Manca il numero del verbale.",
            "5 Data di scadenza: La data «domani» non è valida: scriverla come gg/mm/aaaa"
                + " (per esempio 15/03/2020).");
    assertThat(parsed.flagged(2, DriverField.ISSUED_ON)).isTrue();
    assertThat(parsed.flagged(2, DriverField.EXPIRES_ON)).isFalse();
    assertThat(parsed.flagged(4, null)).isTrue();
    // the rows that could be read are kept for the other checks
    assertThat(parsed.rows()).extracting(DriverCsv.Row::line).containsExactly(2, 3, 5);
  }

  @Test
  void aWrongHeaderIsRefusedOnRowOne() {
    DriverCsv.Parsed parsed =
        DriverCsv.read(
            "conducenti.csv", utf8("verbale;nome;cf\nPL/1;Paolo Neri;NREPLA99A01E472X\n"));
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.reason()).contains(HEADER, "verbale;nome;cf");
            });
  }

  @Test
  void headerNamesIgnoreCaseAndSpaces() {
    assertThat(
            DriverCsv.read(
                    "c.csv",
                    utf8(
                        "Numero verbale;Conducente;Codice fiscale;Numero patente;CATEGORIA;"
                            + "Data rilascio;Data scadenza\n"
                            + "PL/1;Paolo Neri;NREPLA99A01E472X;U1AB123456;B;01/02/2020;"
                            + "01/02/2030\n"))
                .problems())
        .isEmpty();
  }

  @Test
  void blankLinesAndASpreadsheetsEmptyRowsAreSkipped() {
    DriverCsv.Parsed parsed =
        DriverCsv.read(
            "c.csv",
            utf8(
                "\n"
                    + HEADER
                    + "\n;;;;;;\n\nPL/1;Paolo Neri;NREPLA99A01E472X;U1AB123456;B;01/02/2020;"
                    + "01/02/2030\n;;;;;;\n"));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).singleElement().extracting(DriverCsv.Row::line).isEqualTo(5);
  }

  @Test
  void anEmptyFileAndAHeaderAloneAreRefused() {
    assertThat(only(DriverCsv.read("c.csv", new byte[0]))).contains("vuoto");
    assertThat(only(DriverCsv.read("c.csv", utf8("\n \n")))).contains("vuoto");
    assertThat(only(DriverCsv.read("c.csv", utf8(HEADER + "\n"))))
        .contains("non contiene righe di conducenti");
  }

  @Test
  void aFileAboveTheLimitsIsRefused() {
    byte[] big = new byte[DriverCsv.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThat(only(DriverCsv.read("c.csv", big))).contains("supera il massimo di 256 KB");
    StringBuilder many = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i <= DriverCsv.MAX_ROWS; i++) {
      many.append("PL/").append(i).append(";Paolo Neri;X;U1AB123456;B;01/02/2020;01/02/2030\n");
    }
    assertThat(only(DriverCsv.read("c.csv", utf8(many.toString()))))
        .contains("501 righe di conducenti", "il massimo è 500");
  }

  @Test
  void binaryFilesAreRefusedByTheirContentWhateverTheirName() {
    assertThat(only(DriverCsv.read("conducenti.csv", utf8("%PDF-1.4\n%%EOF\n"))))
        .contains("non è un CSV di testo", "PDF");
    byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0};
    assertThat(only(DriverCsv.read("conducenti.csv", xlsx))).contains("xlsx");
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1};
    assertThat(only(DriverCsv.read("conducenti.csv", xls))).contains(".xls");
    assertThat(only(DriverCsv.read("c.csv", new byte[] {'a', 0, 'b'}))).contains("binari");
    assertThat(only(DriverCsv.read("c.csv", utf8(HEADER + "\nPL/1;a\u0007b\n"))))
        .contains("caratteri di controllo", "riga 2");
  }

  @Test
  void aTextFileNamedAsSomethingElseIsRefused() {
    assertThat(only(DriverCsv.read("conducenti.xlsx", utf8(HEADER + "\n"))))
        .contains("«conducenti.xlsx»", "estensione .csv");
    assertThat(DriverCsv.read("conducenti.txt", utf8(HEADER + "\nPL/1;a;b;c;d;;\n")).problems())
        .isEmpty();
  }

  @Test
  void aFileNotInUtf8IsRefusedWithItsRow() {
    byte[] latin1 =
        (HEADER + "\nPL/1;Nicolò Neri;X;U1AB123456;B;01/02/2020;01/02/2030\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(only(DriverCsv.read("c.csv", latin1))).contains("UTF-8", "riga 2");
  }

  @Test
  void anUnclosedQuoteIsRefusedWithItsRow() {
    assertThat(only(DriverCsv.read("c.csv", utf8(HEADER + "\nPL/1;\"Paolo Neri;X\n"))))
        .contains("Alla riga 2", "virgolette");
  }

  @Test
  void theTemplateIsAValidFileWithOneExampleRow() {
    DriverCsv.Parsed parsed = DriverCsv.read("modello-conducenti.csv", DriverCsv.template());
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).hasSize(1);
    assertThat(new String(DriverCsv.template(), StandardCharsets.UTF_8))
        .startsWith("\uFEFF" + HEADER);
  }

  private static String only(DriverCsv.Parsed parsed) {
    assertThat(parsed.problems()).hasSize(1);
    assertThat(parsed.problems().get(0).line()).isZero();
    return parsed.problems().get(0).reason();
  }
}
