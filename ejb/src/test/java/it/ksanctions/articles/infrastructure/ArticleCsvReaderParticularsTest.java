package it.ksanctions.articles.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ImportProblem;
import it.ksanctions.shared.TabularExport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optional import columns of SPEC ART-1: {@code descrizione_breve}, {@code punti}, {@code
 * note_operative}; a wrong value is a problem of its row and column, and nothing is imported.
 */
class ArticleCsvReaderParticularsTest {

  static final String HEADER =
      "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa;"
          + "descrizione_breve;punti;note_operative\n";
  final ArticleCsvReader reader = new ArticleCsvReader(1024 * 1024);

  ArticleImport read(String csv) {
    return reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shortDescriptionPointsAndNotesAreRead() {
    ArticleImport result =
        read(
            HEADER
                + "146c3;Passaggio con il semaforo rosso (art. 146 c. 3);167;665;01/01/2021;"
                + "DM 31/12/2020;Semaforo rosso;6;Recidiva nel biennio: sospensione\n"
                + "149c4;Distanza di sicurezza non rispettata;42;173;01/01/2021;DM 31/12/2020;;;\n"
                + "REG.SOSTA1;Sosta nel parcheggio del mercato;25;500;01/01/2027;Reg. 3/2026;"
                + "\" Sosta mercato \"; 0 ;\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.particulars())
        .containsExactly(
            new ArticleParticulars("Semaforo rosso", 6, "Recidiva nel biennio: sospensione"),
            new ArticleParticulars("Distanza di sicurezza non rispettata", 0, null),
            new ArticleParticulars("Sosta mercato", 0, null));
  }

  @Test
  void filesWithoutTheNewColumnsTakeTheShortDescriptionFromTheDescription() {
    ArticleImport result =
        read(
            "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa;"
                + "sanzioni_accessorie\n"
                + "80c14;"
                + "Circolazione con veicolo non presentato alla prescritta revisione periodica"
                + " prevista dal codice;173;694;01/01/2021;DM 31/12/2020;sospensione circolazione\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.particulars())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.shortDescription()).hasSize(80).endsWith("…");
              assertThat(p.points()).isZero();
              assertThat(p.operatingNotes()).isNull();
            });
    assertThat(result.versions().get(0).accessorySanctions())
        .containsExactly(AccessorySanction.CIRCULATION_SUSPENSION);
  }

  @Test
  void wrongValuesAreProblemsOfTheirRowAndColumnAndNothingIsImported() {
    ArticleImport result =
        read(
            HEADER
                + "146c3;Semaforo;167;665;01/01/2021;DM;Semaforo rosso;6;\n"
                + "142c9bis;Velocità;845;3382;01/01/2021;DM;"
                + "x".repeat(81)
                + ";10;\n"
                + "142c8;Velocità;173;694;01/01/2021;DM;Velocità;11;\n"
                + "142c7;Velocità;42;173;01/01/2021;DM;Velocità;tre;\n"
                + "149c4;Distanza;42;173;01/01/2021;DM;Distanza;-1;\n"
                + "145c10;Precedenza;167;665;01/01/2021;DM;Precedenza;2,5;"
                + "n".repeat(2001)
                + "\n");
    assertThat(result.acceptable()).isFalse();
    assertThat(result.versions()).isEmpty();
    assertThat(result.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactlyInAnyOrder(
            tuple(3L, "descrizione_breve"),
            tuple(4L, "punti"),
            tuple(5L, "punti"),
            tuple(6L, "punti"),
            tuple(7L, "punti"),
            tuple(7L, "note_operative"));
    assertThat(result.problems())
        .filteredOn(p -> p.row() == 3)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("81 caratteri", "al più 80"));
    assertThat(result.problems())
        .filteredOn(p -> p.row() == 4)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("\"11\"", "da 0 a 10"));
  }

  @Test
  void theNewColumnsAreReadFromExcelToo() {
    String[] header = HEADER.strip().split(";");
    Object[] row = {
      "172c10",
      "Mancato uso delle cinture di sicurezza",
      new BigDecimal("83"),
      new BigDecimal("332"),
      "01/01/2021",
      "DM 31/12/2020",
      "Cinture non allacciate",
      new BigDecimal("5"),
      "Recidiva: sospensione"
    };
    Object[] wrong = row.clone();
    wrong[7] = new BigDecimal("12");
    ArticleImport good =
        new ArticleExcelReader(1024 * 1024)
            .read(
                new ByteArrayInputStream(
                    TabularExport.xlsx("Articoli", header, List.<Object[]>of(row))));
    assertThat(good.problems()).isEmpty();
    assertThat(good.particulars())
        .containsExactly(
            new ArticleParticulars("Cinture non allacciate", 5, "Recidiva: sospensione"));
    ArticleImport bad =
        new ArticleExcelReader(1024 * 1024)
            .read(
                new ByteArrayInputStream(
                    TabularExport.xlsx("Articoli", header, List.<Object[]>of(row, wrong))));
    assertThat(bad.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactly(tuple(3L, "punti"));
  }
}
