package it.ksanctions.sanctions.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.sanctions.domain.CameraRow;
import it.ksanctions.sanctions.domain.StagedRow;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CameraImportStoreCopyTest {

  @Test
  void aViolationIsOneCsvLineWithEveryColumnInCopyOrder() {
    CameraRow row =
        new CameraRow(
            7,
            "AB123CD",
            "IT",
            LocalDateTime.of(2026, 11, 30, 8, 15, 2),
            new BigDecimal("61.50"),
            "AUTOVEICOLO",
            List.of("a.jpg", "b.jpg"),
            List.of());
    StagedRow staged =
        new StagedRow(
            row,
            StagedRow.Outcome.VIOLATION,
            "142c7",
            LocalDate.of(2025, 1, 1),
            50,
            "velocità 61,50 − tolleranza 5 = 56,50 km/h al limite 50",
            List.of());

    String text = CameraImportStore.copyText(42, List.of(staged));

    assertThat(text)
        .isEqualTo(
            "\"42\",\"7\",\"AB123CD\",\"IT\",\"AUTOVEICOLO\",\"2026-11-30T08:15:02\",\"61.50\","
                + "\"a.jpg|b.jpg\",\"VIOLATION\",\"142c7\",\"2025-01-01\","
                + "\"velocità 61,50 − tolleranza 5 = 56,50 km/h al limite 50\",,\"50\"\n");
  }

  @Test
  void missingValuesAreNullsAndQuotesAndLineBreaksInReasonsSurvive() throws IOException {
    CameraRow row =
        new CameraRow(
            3,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(new CameraRow.FieldProblem("targa", "manca \"la\" targa\nriga 3")));
    String text = CameraImportStore.copyText(1, List.of(StagedRow.refused(row, row.problems())));

    List<CSVRecord> records = CSVFormat.POSTGRESQL_CSV.parse(new StringReader(text)).getRecords();
    assertThat(records).hasSize(1);
    CSVRecord record = records.get(0);
    assertThat(record.size()).isEqualTo(14);
    assertThat(record.get(2)).isNull();
    assertThat(record.get(5)).isNull();
    assertThat(record.get(8)).isEqualTo("REFUSED");
    assertThat(record.get(12)).isEqualTo("targa: manca \"la\" targa\nriga 3");
    assertThat(record.get(13)).isNull();
  }
}
