package it.ksanctions.articles.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ImportProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
}
