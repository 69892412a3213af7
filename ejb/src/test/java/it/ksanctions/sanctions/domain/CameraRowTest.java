package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraRowTest {

  @Test
  void aGoodRowIsReadWhateverTheCaseOfItsColumns() {
    CameraRow row =
        CameraRow.read(
            7,
            Map.of(
                "TARGA", " ab 123-cd ",
                "Data_Ora", "19/06/2026 10:15:30",
                "velocita", "92,5",
                "foto", "a.jpg|b.jpg"),
            true);

    assertThat(row.hasProblems()).isFalse();
    assertThat(row.plate()).isEqualTo("AB123CD");
    assertThat(row.country()).isEqualTo("IT");
    assertThat(row.detectedAt()).isEqualTo(LocalDateTime.of(2026, 6, 19, 10, 15, 30));
    assertThat(row.speedKmh()).isEqualByComparingTo("92.5");
    assertThat(row.photos()).containsExactly("a.jpg", "b.jpg");
  }

  @Test
  void everyWrongFieldIsNamedByItsColumn() {
    CameraRow row =
        CameraRow.read(
            3,
            Map.of(
                "targa", "A",
                "nazione", "12",
                "data_ora", "ieri",
                "velocita", "veloce",
                "foto", "../../etc/passwd"),
            true);

    assertThat(row.problems())
        .extracting(CameraRow.FieldProblem::column)
        .containsExactlyInAnyOrder("targa", "nazione", "data_ora", "velocita", "foto");
  }

  @Test
  void aSpeedDeviceNeedsTheSpeedAGateDoesNot() {
    Map<String, String> fields = Map.of("targa", "AB123CD", "data_ora", "2026-06-19T10:15:30");
    assertThat(CameraRow.read(1, fields, true).problems())
        .extracting(CameraRow.FieldProblem::column)
        .containsExactly("velocita");
    assertThat(CameraRow.read(1, fields, false).hasProblems()).isFalse();
  }
}
