package it.ksanctions.notifications.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.notifications.domain.PostalOutcome;
import it.ksanctions.notifications.infrastructure.PostalOutcomeFileReader.Problem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostalOutcomeFileReaderTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
  final PostalOutcomeFileReader reader = new PostalOutcomeFileReader(1024);

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsAFileWithBomAndNumbersTheRowsFromOne() {
    byte[] body =
        utf8(
            "NUMERO_VERBALE;Esito;data;note\n"
                + "2026/1;CONSEGNATO;03/12/2026;\n"
                + "\n"
                + "2026/2;IRREPERIBILE;04/12/2026;trasferito\n");
    byte[] file = new byte[body.length + 3];
    file[0] = (byte) 0xEF;
    file[1] = (byte) 0xBB;
    file[2] = (byte) 0xBF;
    System.arraycopy(body, 0, file, 3, body.length);
    PostalOutcomeFileReader.Result result = reader.read(file, TODAY);
    assertThat(result.problems()).isEmpty();
    assertThat(result.acceptable()).isTrue();
    assertThat(result.rows())
        .extracting(PostalOutcomeFileReader.Numbered::number)
        .containsExactly(1, 2);
    assertThat(result.rows().get(1).row().parsedOutcome()).isEqualTo(PostalOutcome.UNREACHABLE);
    assertThat(result.rows().get(1).row().note()).isEqualTo("trasferito");
  }

  @Test
  void theNoteColumnMayBeLeftOut() {
    PostalOutcomeFileReader.Result result =
        reader.read(utf8("numero_verbale;esito;data\n2026/1;COMPIUTA_GIACENZA;1/12/2026\n"), TODAY);
    assertThat(result.acceptable()).isTrue();
  }

  @Test
  void everyProblemIsReportedByRowAndColumn() {
    PostalOutcomeFileReader.Result result =
        reader.read(
            utf8(
                "numero_verbale;esito;data;note\n"
                    + "2026/1;CONSEGNATO;03/12/2026;\n"
                    + "2026/2;PERSO;03/12/2026;\n"
                    + "2026/1;CONSEGNATO;03/12/2026;\n"
                    + "2026/3;IRREPERIBILE;32/12/2026;\n"),
            TODAY);
    assertThat(result.acceptable()).isFalse();
    assertThat(result.problems())
        .extracting(Problem::row, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "esito"),
            org.assertj.core.groups.Tuple.tuple(3, "numero_verbale"),
            org.assertj.core.groups.Tuple.tuple(4, "data"),
            org.assertj.core.groups.Tuple.tuple(4, "note"));
    assertThat(result.problems().get(1).reason()).isEqualTo("verbale già indicato alla riga 1");
  }

  @Test
  void aFileWithAProblemOfItsOwnGetsOneProblemAtRowZero() {
    assertThat(reader.read(utf8("numero_verbale;data\n2026/1;1/12/2026\n"), TODAY).problems())
        .containsExactly(new Problem(0, "esito", "Manca la colonna \"esito\""));
    assertThat(reader.read(utf8("numero_verbale;esito;data\n"), TODAY).problems())
        .containsExactly(new Problem(0, "", "Il file non contiene righe da importare"));
    assertThat(reader.read(new byte[0], TODAY).problems())
        .containsExactly(new Problem(0, "", "Il file è vuoto"));
    assertThat(reader.read(new byte[] {'a', ';', (byte) 0xC3, '\n'}, TODAY).problems())
        .containsExactly(new Problem(0, "", "Il file non è in UTF-8"));
    assertThat(reader.read(new byte[2048], TODAY).problems())
        .extracting(Problem::reason)
        .containsExactly("Il file supera la dimensione massima di 0 MB");
  }
}
