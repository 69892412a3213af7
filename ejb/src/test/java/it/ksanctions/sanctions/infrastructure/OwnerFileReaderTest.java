package it.ksanctions.sanctions.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OwnerFileReaderTest {

  static final String HEADER =
      "targa;nazione;nominativo;codice_fiscale;indirizzo;cap;comune;provincia;pec\n";

  static OwnerFileReader.Result read(String text) {
    return new OwnerFileReader(5L * 1024 * 1024)
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aGoodFileGivesEveryRowWithItsNumber() {
    OwnerFileReader.Result result =
        read(
            HEADER
                + "AB123CD;I;Mario Rossi;RSSMRA85T10A562S;Via Roma 1;04100;Latina;LT;m.rossi@pec.it\n"
                + "\n"
                + "CD456EF;;Trasporti S.r.l.;00097020598;Via Appia 5;00100;Roma;RM;\n");

    assertThat(result.acceptable()).isTrue();
    assertThat(result.rows()).extracting(OwnerFileReader.Numbered::number).containsExactly(1, 2);
    assertThat(result.rows().get(1).data().country()).isEqualTo("IT");
  }

  @Test
  void aWrongRowIsReportedByRowAndColumn() {
    OwnerFileReader.Result result =
        read(
            HEADER
                + "AB123CD;I;Mario Rossi;RSSMRA85T10A562S;Via Roma 1;04100;Latina;LT;\n"
                + "CD456EF;I;Ditta;00097020597;Via Appia 5;001;Roma;RM;\n");

    assertThat(result.acceptable()).isFalse();
    assertThat(result.problems())
        .extracting(OwnerFileReader.Problem::row, OwnerFileReader.Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "codice_fiscale"),
            org.assertj.core.groups.Tuple.tuple(2, "cap"));
  }

  @Test
  void aMissingColumnRefusesTheFile() {
    OwnerFileReader.Result result = read("targa;nominativo\nAB123CD;Mario Rossi\n");

    assertThat(result.acceptable()).isFalse();
    assertThat(result.problems()).extracting(OwnerFileReader.Problem::column).contains("cap");
  }

  @Test
  void aFileNotInUtf8OrTooBigOrEmptyIsRefusedAsAWhole() {
    byte[] latin1 =
        (HEADER + "AB123CD;I;Niccolò;RSSMRA85T10A562S;Via Roma 1;04100;Latina;LT;\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    OwnerFileReader.Result notUtf8 =
        new OwnerFileReader(1024 * 1024).read(new ByteArrayInputStream(latin1));
    OwnerFileReader.Result tooBig =
        new OwnerFileReader(10)
            .read(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)));

    assertThat(notUtf8.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("UTF-8"));
    assertThat(tooBig.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("dimensione"));
    assertThat(read(HEADER).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.row()).isZero());
  }
}
