package it.ksanctions.sanctions.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.sanctions.domain.ImportStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CameraImportRowTest {

  static final Duration SILENT_FOR = Duration.ofMinutes(10);
  static final Instant CREATED = Instant.parse("2026-12-03T08:00:00Z");

  static CameraImportRow row() {
    return new CameraImportRow(
        "AV-01",
        "file.csv",
        OutputFormat.CSV,
        "0".repeat(64),
        null,
        "Mario Rossi",
        null,
        10,
        CREATED,
        "admin");
  }

  @Test
  void anImportInProgressIsInterruptedOnlyAfterItsSilence() {
    CameraImportRow row = row();
    assertThat(row.interrupted(CREATED.plus(Duration.ofMinutes(9)), SILENT_FOR)).isFalse();
    assertThat(row.interrupted(CREATED.plus(Duration.ofMinutes(11)), SILENT_FOR)).isTrue();
    row.running(42);
    Instant started = Instant.now();
    assertThat(row.status()).isEqualTo(ImportStatus.RUNNING);
    assertThat(row.interrupted(started.plus(Duration.ofMinutes(9)), SILENT_FOR)).isFalse();
    assertThat(row.interrupted(started.plus(Duration.ofMinutes(11)), SILENT_FOR)).isTrue();
  }

  @Test
  void anEndedImportIsNeverInterrupted() {
    CameraImportRow row = row();
    row.running(42);
    row.finish(ImportStatus.STOPPED, "Importazione interrotta: si può riprendere.", CREATED);
    assertThat(row.interrupted(Instant.now().plus(Duration.ofDays(1)), SILENT_FOR)).isFalse();
    row.finish(ImportStatus.COMPLETED, "10 rilevazioni pubblicate", CREATED);
    assertThat(row.interrupted(Instant.now().plus(Duration.ofDays(1)), SILENT_FOR)).isFalse();
  }
}
