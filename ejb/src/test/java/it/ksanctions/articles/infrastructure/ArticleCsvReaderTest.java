package it.ksanctions.articles.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.AmountAndDeadlineEngine;
import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.ImportProblem;
import it.ksanctions.articles.domain.ItalianHolidayCalendar;
import it.ksanctions.shared.TabularExport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCsvReaderTest {

  static final String HEADER =
      "codice;descrizione;importo_minimo;importo_massimo;sanzioni_accessorie;valido_dal;fonte_normativa\n";
  final ArticleCsvReader reader = new ArticleCsvReader(1024 * 1024);

  ArticleImport read(String csv) {
    return reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aGoodFileWithItalianConventionsIsReadCompletely() {
    ArticleImport result =
        read(
            "\uFEFF"
                + HEADER
                + "142c8;Velocità oltre 10 e non oltre 40 km/h;173,00;694,00;;01/01/2021;DM 31/12/2020\n"
                + "142c9;Velocità oltre 40 e non oltre 60 km/h;543;2.170,00;sospensione patente;2021-01-01;DM 31/12/2020\n"
                + "193c2;Senza assicurazione;866,00;3.464,00;Sequestro;01/01/2021;DM 31/12/2020\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.acceptable()).isTrue();
    assertThat(result.versions()).hasSize(3);
    assertThat(result.versions().get(1).maximum()).isEqualByComparingTo("2170.00");
    assertThat(result.versions().get(1).accessorySanctions())
        .containsExactly(AccessorySanction.LICENCE_SUSPENSION);
    assertThat(result.versions().get(1).reducedPaymentAllowed()).isFalse();
    assertThat(result.versions().get(2).accessorySanctions())
        .containsExactly(AccessorySanction.VEHICLE_SEIZURE);
    assertThat(result.versions().get(0).validFrom()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(result.versions().get(0).nightIncreaseApplies()).isTrue();
    assertThat(result.descriptions().get(0)).isEqualTo("Velocità oltre 10 e non oltre 40 km/h");
  }

  @Test
  void commaSeparatedFilesWork() {
    ArticleImport result =
        read(
            "codice,descrizione,importo_minimo,importo_massimo,valido_dal,fonte_normativa\n"
                + "146c2,Segnaletica,42.00,173.00,01/01/2021,DM 31/12/2020\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.versions())
        .singleElement()
        .satisfies(v -> assertThat(v.minimum()).isEqualByComparingTo("42"));
  }

  @Test
  void everyWrongValueIsReportedWithRowAndColumnAndNothingIsImported() {
    ArticleImport result =
        read(
            HEADER
                + "142c8;Velocità;173,00;694,00;;01/01/2021;DM\n"
                + "142c8;Velocità;abc;694,00;;01/01/2021;DM\n"
                + "142c7;Velocità;173,00;42,00;;01/01/2021;DM\n"
                + "c8;;42;173;;31/02/2021;\n"
                + "142c8;Velocità bis;173,00;694,00;;2021-01-01;DM\n"
                + "146c2;Segnaletica;1.000;2.000,00;fermo|ritiro;01/01/2021;DM\n"
                + "146c3;Semaforo;167;665\n");
    assertThat(result.acceptable()).isFalse();
    assertThat(result.versions()).isEmpty();
    assertThat(result.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .contains(
            org.assertj.core.groups.Tuple.tuple(3L, "importo_minimo"),
            org.assertj.core.groups.Tuple.tuple(4L, "importo_minimo"),
            org.assertj.core.groups.Tuple.tuple(5L, "descrizione"),
            org.assertj.core.groups.Tuple.tuple(5L, "valido_dal"),
            org.assertj.core.groups.Tuple.tuple(5L, "fonte_normativa"),
            org.assertj.core.groups.Tuple.tuple(6L, "codice"),
            org.assertj.core.groups.Tuple.tuple(7L, "importo_minimo"),
            org.assertj.core.groups.Tuple.tuple(7L, "sanzioni_accessorie"),
            org.assertj.core.groups.Tuple.tuple(8L, ""));
    assertThat(result.problems())
        .filteredOn(p -> p.row() == 6)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("duplicato della riga 2"));
    assertThat(result.problems())
        .filteredOn(p -> p.row() == 4)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Importi non coerenti"));
    assertThat(result.problems())
        .filteredOn(p -> p.row() == 7 && p.column().equals("importo_minimo"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("ambiguo"));
  }

  @Test
  void wrongColumnsAreReportedOnTheHeader() {
    ArticleImport result =
        read(
            "codice;descrizione;minimo;importo_massimo;valido_dal;fonte_normativa\n142c8;V;1;2;01/01/2021;DM\n");
    assertThat(result.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1L, "importo_minimo"),
            org.assertj.core.groups.Tuple.tuple(1L, "minimo"));
  }

  @Test
  void aFileNotInUtf8IsRefusedNamingTheLine() {
    byte[] latin1 =
        (HEADER + "142c8;Velocità;173;694;;01/01/2021;DM\n")
            .getBytes(Charset.forName("ISO-8859-1"));
    ArticleImport result = reader.read(new ByteArrayInputStream(latin1));
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.message()).contains("UTF-8");
            });
  }

  @Test
  void emptyHeaderOnlyAndOversizedFilesAreRefused() {
    assertThat(read("").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("vuoto"));
    assertThat(read(HEADER).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("non contiene righe"));
    ArticleCsvReader small = new ArticleCsvReader(100);
    ArticleImport big =
        small.read(
            new ByteArrayInputStream(
                (HEADER + "142c8;V;1;2;;01/01/2021;DM\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(big.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("dimensione massima"));
  }

  static final String MUNICIPAL_HEADER =
      "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa;importo_ridotto_comunale\n";

  @Test
  void theGiuntasReducedAmountOfALocalRegulationIsRead() {
    ArticleImport result =
        read(
            MUNICIPAL_HEADER
                + "REG.ZTL1;Accesso ZTL senza titolo;80,00;320,00;01/01/2027;Ord. 1/2027;100,00\n"
                + "REG.ZTL2;Transito bus turistici;150;600;01/01/2027;Ord. 2/2027;\n"
                + "142c8;Velocità;173,00;694,00;01/01/2021;DM 31/12/2020;\n"
                + "REG.SOSTA1;Sosta oltre il tempo;25;500;01/01/2027;Reg. 3/2026;€ 500\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.versions())
        .extracting(ArticleVersion::municipalReducedAmount)
        .containsExactly(new BigDecimal("100.00"), null, null, new BigDecimal("500.00"));
    assertThat(result.versions().get(0).nightIncreaseApplies()).isFalse();
    // The 60-day payment of the first row is the Giunta's amount, not art. 16 c. 1 (106.67).
    assertThat(
            new AmountAndDeadlineEngine()
                .paymentWindows(
                    result.versions().get(0),
                    LocalDateTime.of(2027, 3, 1, 23, 30),
                    LocalDate.of(2027, 3, 1),
                    ItalianHolidayCalendar.nationalOnly())
                .windows())
        .singleElement()
        .satisfies(w -> assertThat(w.amount()).isEqualByComparingTo("100.00"));
  }

  @Test
  void filesWithoutTheGiuntasColumnStayValid() {
    ArticleImport result =
        read(
            "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa\n"
                + "REG.ZTL1;Accesso ZTL senza titolo;80,00;320,00;01/01/2027;Ord. 1/2027\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.versions())
        .singleElement()
        .satisfies(v -> assertThat(v.municipalReducedAmount()).isNull());
  }

  @Test
  void aWrongGiuntasAmountIsAProblemOfItsRowAndColumn() {
    ArticleImport result =
        read(
            MUNICIPAL_HEADER
                + "REG.ZTL1;Accesso ZTL;80,00;320,00;01/01/2027;Ord. 1/2027;100,00\n"
                + "142c8;Velocità;173,00;694,00;01/01/2021;DM 31/12/2020;200,00\n"
                + "REG.ZTL2;Bus turistici;150;600;01/01/2027;Ord. 2/2027;cento\n"
                + "REG.ZTL3;Carico e scarico;80;320;01/01/2027;Ord. 3/2027;79,99\n"
                + "REG.ZTL4;Carico e scarico;80;320;01/01/2027;Ord. 4/2027;320,01\n"
                + "REG.ZTL5;Sosta;80;320;01/01/2027;Ord. 5/2027;0\n"
                + "REG.ZTL6;Sosta;320;80;01/01/2027;Ord. 6/2027;100\n");
    assertThat(result.acceptable()).isFalse();
    assertThat(result.versions()).isEmpty();
    assertThat(result.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactlyInAnyOrder(
            tuple(3L, "importo_ridotto_comunale"),
            tuple(4L, "importo_ridotto_comunale"),
            tuple(5L, "importo_ridotto_comunale"),
            tuple(6L, "importo_ridotto_comunale"),
            tuple(7L, "importo_ridotto_comunale"),
            // Minimum above maximum: one problem, on the minimum, not also on the Giunta's amount.
            tuple(8L, "importo_minimo"));
    assertThat(messageOf(result, 3))
        .contains("Codice della Strada", "142c8", "art. 16 c. 2 L. 689/1981");
    assertThat(messageOf(result, 4)).contains("non numerico", "cento");
    assertThat(messageOf(result, 5)).contains("79,99", "minimo 80,00", "massimo 320,00");
    assertThat(messageOf(result, 6)).contains("320,01", "non è compreso");
    assertThat(messageOf(result, 7)).contains("Importo non valido");
  }

  @Test
  void theGiuntasColumnIsReadFromExcelToo() {
    Object[] local = {
      "REG.ZTL1",
      "Accesso ZTL",
      new BigDecimal("80.00"),
      new BigDecimal("320.00"),
      "01/01/2027",
      "Ord. 1/2027",
      new BigDecimal("100.50")
    };
    Object[] highwayCode = {
      "146c2",
      "Segnaletica",
      new BigDecimal("42.00"),
      new BigDecimal("173.00"),
      "01/01/2021",
      "DM 31/12/2020",
      new BigDecimal("50.00")
    };
    assertThat(excel(List.<Object[]>of(local)).problems()).isEmpty();
    assertThat(excel(List.<Object[]>of(local)).versions())
        .singleElement()
        .satisfies(v -> assertThat(v.municipalReducedAmount()).isEqualByComparingTo("100.50"));
    assertThat(excel(List.<Object[]>of(local, highwayCode)).problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactly(tuple(3L, "importo_ridotto_comunale"));
  }

  private static ArticleImport excel(List<Object[]> rows) {
    String[] header = MUNICIPAL_HEADER.strip().split(";");
    return new ArticleExcelReader(1024 * 1024)
        .read(new ByteArrayInputStream(TabularExport.xlsx("Articoli", header, rows)));
  }

  private static String messageOf(ArticleImport result, long row) {
    return result.problems().stream()
        .filter(p -> p.row() == row)
        .findFirst()
        .orElseThrow()
        .message();
  }
}
