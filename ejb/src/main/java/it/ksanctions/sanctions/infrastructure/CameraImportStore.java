package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.ImportStatus;
import it.ksanctions.sanctions.domain.StagedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.Session;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The tables of camera imports: the import and its bytes, the staging rows written in chunks (each
 * (import, row) once, so a restarted job never stages a row twice), and the one statement that
 * publishes a file's detections.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class CameraImportStore {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @jakarta.inject.Inject it.ksanctions.devices.application.DeviceDownloads downloads;

  public long queue(CameraImportRow row, byte[] content, byte[] photos) {
    em.persist(row);
    em.flush();
    em.persist(new CameraImportFileRow(row.id(), content, photos));
    return row.id();
  }

  public Optional<CameraImportRow> find(long id) {
    return Optional.ofNullable(em.find(CameraImportRow.class, id));
  }

  public CameraImportFileRow file(long id) {
    return em.find(CameraImportFileRow.class, id);
  }

  /** The import of the file with this SHA-256 that still counts (not cancelled), if any. */
  public Optional<CameraImportRow> bySha256(String sha256) {
    return em
        .createQuery(
            "select i from CameraImportRow i where i.fileSha256 = :sha and i.status <> :cancelled",
            CameraImportRow.class)
        .setParameter("sha", sha256)
        .setParameter("cancelled", ImportStatus.CANCELLED)
        .getResultList()
        .stream()
        .findFirst();
  }

  public List<CameraImportRow> latest(int max) {
    return em.createQuery(
            "select i from CameraImportRow i order by i.createdAt desc, i.id desc",
            CameraImportRow.class)
        .setMaxResults(max)
        .getResultList();
  }

  public void running(long id, long executionId) {
    em.find(CameraImportRow.class, id, LockModeType.PESSIMISTIC_WRITE).running(executionId);
  }

  public void finish(long id, ImportStatus status, String message) {
    em.find(CameraImportRow.class, id, LockModeType.PESSIMISTIC_WRITE)
        .finish(status, message, Instant.now());
  }

  /**
   * Cancels an import in progress or stopped, under its lock, in one transaction: the import ends
   * cancelled and the device's download history records the file with the outcome "cancelled"
   * (DEV-5), through the devices context's published service. An import that ended meanwhile
   * (published or refused) is left as it is.
   *
   * @return the import as it is now; cancelled only if it was still in progress or stopped
   */
  public CameraImportRow cancel(long id, String message) {
    CameraImportRow row = em.find(CameraImportRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !(row.status().inProgress() || row.status() == ImportStatus.STOPPED)) {
      return row;
    }
    row.finish(ImportStatus.CANCELLED, message, Instant.now());
    recordDownload(row, it.ksanctions.devices.domain.DownloadOutcome.CANCELLED);
    return row;
  }

  /**
   * Writes a chunk of staged rows with PostgreSQL's {@code COPY} and moves the progress to the
   * chunk's last row. Rows of the chunk's range left by an earlier attempt whose checkpoint was not
   * saved are deleted first, in the same transaction, so a restarted job stages each row once.
   */
  public void stage(long importId, List<StagedRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int first = rows.get(0).row().number();
    int last = rows.get(rows.size() - 1).row().number();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement earlier =
                  connection.prepareStatement(
                      "delete from camera_import_row where import_id = ?"
                          + " and row_number between ? and ?")) {
                earlier.setLong(1, importId);
                earlier.setInt(2, first);
                earlier.setInt(3, last);
                earlier.executeUpdate();
              }
              try {
                new CopyManager(connection.unwrap(BaseConnection.class))
                    .copyIn(
                        "copy camera_import_row (import_id, row_number, plate, country,"
                            + " vehicle_type, detected_at, measured_speed, photos, outcome,"
                            + " article_code, article_valid_from, decided_rule, errors, speed_limit)"
                            + " from stdin with (format csv)",
                        new StringReader(copyText(importId, rows)));
              } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY of the staged rows failed", e);
              }
              try (PreparedStatement progress =
                  connection.prepareStatement(
                      "update camera_import set rows_processed = greatest(rows_processed, ?),"
                          + " heartbeat_at = now() where id = ?")) {
                progress.setInt(1, last);
                progress.setLong(2, importId);
                progress.executeUpdate();
              }
            });
  }

  /** The rows in PostgreSQL's CSV format: an unquoted empty field is null. */
  static String copyText(long importId, List<StagedRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 96);
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV)) {
      for (StagedRow staged : rows) {
        var r = staged.row();
        csv.printRecord(
            importId,
            r.number(),
            r.plate(),
            r.country(),
            r.vehicleType(),
            r.detectedAt(),
            r.speedKmh() == null ? null : r.speedKmh().toPlainString(),
            r.photos().isEmpty() ? null : String.join("|", r.photos()),
            staged.outcome().name(),
            staged.articleCode(),
            staged.articleValidFrom(),
            staged.decidedRule(),
            staged.problemsText(),
            staged.speedLimitKmh());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Counts of the staged rows: refused, violations, no violation. */
  public int[] counts(long importId) {
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "select count(*) filter (where outcome = 'REFUSED'),"
                        + " count(*) filter (where outcome = 'VIOLATION'),"
                        + " count(*) filter (where outcome = 'NO_VIOLATION')"
                        + " from camera_import_row where import_id = :id")
                .setParameter("id", importId)
                .getSingleResult();
    return new int[] {
      ((Number) counts[0]).intValue(),
      ((Number) counts[1]).intValue(),
      ((Number) counts[2]).intValue()
    };
  }

  /** The refused rows, by row number: the per-row report of a file with errors. */
  public List<Object[]> refusedRows(long importId, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select row_number, errors from camera_import_row"
                    + " where import_id = :id and outcome = 'REFUSED' order by row_number")
            .setParameter("id", importId)
            .setMaxResults(max)
            .getResultList();
    return rows;
  }

  /** Publishes the staged violations of an import as detections, in one statement. */
  public int publish(long importId, String deviceCode, String placeCode) {
    int published =
        em.createNativeQuery(
                "insert into detection (import_id, row_number, device_code, place_code,"
                    + " detected_at, plate, country, vehicle_type, measured_speed, speed_limit,"
                    + " article_code, article_valid_from, decided_rule, photos)"
                    + " select r.import_id,"
                    + " r.row_number, :device, :place, r.detected_at, r.plate, r.country,"
                    + " r.vehicle_type, r.measured_speed, r.speed_limit, r.article_code,"
                    + " r.article_valid_from, r.decided_rule, r.photos"
                    + " from camera_import_row r where r.import_id = :id and r.outcome = 'VIOLATION'"
                    + " order by r.row_number"
                    + " on conflict (import_id, row_number) do nothing")
            .setParameter("device", deviceCode)
            .setParameter("place", placeCode)
            .setParameter("id", importId)
            .executeUpdate();
    return published;
  }

  /**
   * Ends the staging of an import in one transaction: with no refused row, its violations become
   * detections at once (COMPLETED); with any refused row nothing is published (FAILED) and the
   * refused rows stay as the report. The device's download history records the file either way,
   * completed or with errors.
   *
   * @return the import as it ended
   */
  public CameraImportRow complete(long importId, String placeCode) {
    CameraImportRow row =
        em.find(
            CameraImportRow.class, importId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (!row.status().inProgress()) {
      return row;
    }
    int[] counts = counts(importId);
    row.counted(counts[0], counts[1], counts[2]);
    it.ksanctions.devices.domain.DownloadOutcome outcome;
    if (counts[0] > 0) {
      row.finish(
          ImportStatus.FAILED,
          counts[0]
              + (counts[0] == 1 ? " riga rifiutata" : " righe rifiutate")
              + ": nessuna rilevazione pubblicata. Correggere il file e importarlo di nuovo.",
          Instant.now());
      clearStaging(importId, true);
      outcome = it.ksanctions.devices.domain.DownloadOutcome.WITH_ERRORS;
    } else {
      int published = publish(importId, row.deviceCode(), placeCode);
      row.finish(
          ImportStatus.COMPLETED,
          published
              + (published == 1 ? " rilevazione pubblicata" : " rilevazioni pubblicate")
              + ", "
              + counts[2]
              + " senza violazione (entro tolleranza o fuori fascia).",
          Instant.now());
      clearStaging(importId, false);
      outcome = it.ksanctions.devices.domain.DownloadOutcome.COMPLETED;
    }
    recordDownload(row, outcome);
    return row;
  }

  /** The file of an import in its device's download history, with the import's outcome. */
  private void recordDownload(
      CameraImportRow row, it.ksanctions.devices.domain.DownloadOutcome outcome) {
    downloads.recordImport(
        row.deviceCode(),
        row.createdAt(),
        row.operator(),
        outcome,
        row.serviceNote(),
        row.fileName(),
        row.fileSha256(),
        row.createdBy());
  }

  /**
   * Records how a job execution ended, under the import's lock: a cancelled import forgets its
   * staging; a stopped or failed execution of an import still in progress leaves it stopped, to be
   * restarted from its last checkpoint; a published or refused import stays as it is.
   */
  public void ended(long importId, boolean stopped, boolean failed) {
    CameraImportRow row = em.find(CameraImportRow.class, importId, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return;
    }
    if (row.status() == ImportStatus.CANCELLED) {
      clearStaging(importId, false);
    } else if (row.status().inProgress() && (stopped || failed)) {
      row.finish(
          ImportStatus.STOPPED,
          stopped
              ? "Importazione interrotta: si può riprendere."
              : "Importazione interrotta da un errore del sistema: si può riprendere.",
          Instant.now());
    }
  }

  /** Forgets the staging of an import that was cancelled or published. */
  public void clearStaging(long importId, boolean keepRefused) {
    em.createNativeQuery(
            "delete from camera_import_row where import_id = :id"
                + (keepRefused ? " and outcome <> 'REFUSED'" : ""))
        .setParameter("id", importId)
        .executeUpdate();
  }
}
