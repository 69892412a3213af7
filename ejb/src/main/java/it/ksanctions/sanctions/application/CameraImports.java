package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.application.DeviceDirectory;
import it.ksanctions.devices.domain.FixedDeviceFacts;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.domain.DetectionCheck;
import it.ksanctions.sanctions.domain.ImportStatus;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.infrastructure.CameraFileReader;
import it.ksanctions.sanctions.infrastructure.CameraImportRow;
import it.ksanctions.sanctions.infrastructure.CameraImportStore;
import it.ksanctions.sanctions.infrastructure.PhotoArchive;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Imports of camera files (SPEC LIF-1, DEV-5; issue 13 item 3). The operator uploads a file of a
 * registered fixed device in the device's declared format (optionally with a ZIP of the photos it
 * names), naming the responsible operator and a service note. The file is checked at once (it can
 * be read in that format; not the same file as an earlier import, by SHA-256; the ZIP is safe),
 * stored, and a Jakarta Batch job ({@code camera-import}) stages every row with checkpoints and
 * publishes the whole file at once, or nothing with a per-row report. The job can be followed
 * ({@link #status}), cancelled and, when stopped, restarted from its last checkpoint.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class CameraImports {

  /** The largest camera file: 50 MB (about 700,000 CSV rows). */
  public static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

  /** The largest photo archive: 100 MB (send the photos of a long file in several imports). */
  public static final int MAX_PHOTOS_BYTES = 100 * 1024 * 1024;

  static final String JOB = "camera-import";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Rome"));

  @Inject CameraImportStore store;
  @Inject DeviceDirectory devices;
  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;

  /** A file to import. */
  public record NewImport(
      String deviceCode,
      String operator,
      String serviceNote,
      String fileName,
      byte[] content,
      String photosFileName,
      byte[] photos) {}

  /**
   * How long an import in progress may give no sign of life (its job writes one with every chunk, a
   * few seconds apart at most) before it is taken for interrupted: the server running it stopped.
   */
  static final java.time.Duration SILENT_FOR = java.time.Duration.ofMinutes(10);

  static final String INTERRUPTED =
      "Importazione interrotta: il server che la eseguiva si è fermato (nessun avanzamento da oltre"
          + " 10 minuti). Si può riprendere dall'ultimo punto salvato o annullare.";

  /** An import as the operator follows it. */
  public record ImportView(
      long id,
      String deviceCode,
      String fileName,
      String format,
      String operator,
      String serviceNote,
      ImportStatus status,
      int rowsTotal,
      int rowsProcessed,
      int rowsRefused,
      int rowsViolations,
      int rowsNoViolation,
      Instant createdAt,
      String createdBy,
      Instant finishedAt,
      String outcome) {

    /** Progress in percent (0–100). */
    public int percent() {
      if (status == ImportStatus.COMPLETED || status == ImportStatus.FAILED) {
        return 100;
      }
      return rowsTotal == 0 ? 0 : Math.min(100, rowsProcessed * 100 / rowsTotal);
    }

    public String statusLabel() {
      return status.italianLabel();
    }

    static ImportView of(CameraImportRow r) {
      // an import whose server died is shown as what it is: stopped, to resume or cancel
      boolean interrupted = r.interrupted(Instant.now(), SILENT_FOR);
      return new ImportView(
          r.id(),
          r.deviceCode(),
          r.fileName(),
          r.fileFormat().name(),
          r.operator(),
          r.serviceNote(),
          interrupted ? ImportStatus.STOPPED : r.status(),
          r.rowsTotal(),
          r.rowsProcessed(),
          r.rowsRefused(),
          r.rowsViolations(),
          r.rowsNoViolation(),
          r.createdAt(),
          r.createdBy(),
          interrupted ? null : r.finishedAt(),
          interrupted ? INTERRUPTED : r.outcomeMessage());
    }
  }

  /** A refused row of the report: its number and every reason, "column: reason; …". */
  public record RefusedRow(int row, String reasons) {}

  /**
   * Checks and stores the file, then starts its import job.
   *
   * @throws SanctionsRuleException (Italian) when the device, the file or the photos are refused;
   *     nothing is stored then
   */
  @Authorized(module = DEVICES, action = CREATE)
  public ImportView start(NewImport request) {
    String by = currentStaff.requireActive().username();
    FixedDeviceFacts device =
        devices
            .fixedDevice(request.deviceCode())
            .orElseThrow(
                () ->
                    invalid(
                        "sanctions.import.device",
                        "Il dispositivo "
                            + request.deviceCode()
                            + " non è un dispositivo fisso registrato di questo comando."));
    if (DetectionCheck.kindOf(device.type()).isEmpty()) {
      throw invalid(
          "sanctions.import.device-type",
          "Il dispositivo "
              + device.code()
              + " ("
              + (device.type() == null ? "tipo non indicato" : device.type().italianLabel())
              + ") non produce rilevazioni che il sistema sappia valutare.");
    }
    if (device.outputFormat() == null) {
      throw invalid(
          "sanctions.import.format",
          "Il dispositivo " + device.code() + " non dichiara il formato dei suoi file.");
    }
    if (request.operator() == null || request.operator().isBlank()) {
      throw invalid(
          "sanctions.import.operator", "Indicare l'operatore responsabile dello scarico.");
    }
    byte[] content = request.content();
    if (content == null || content.length == 0) {
      throw invalid("sanctions.import.empty", "Il file è vuoto.");
    }
    if (content.length > MAX_FILE_BYTES) {
      throw invalid(
          "sanctions.import.too-large",
          "Il file supera il limite di 50 MB: dividerlo in più file.");
    }
    if (request.photos() != null && request.photos().length > MAX_PHOTOS_BYTES) {
      throw invalid("sanctions.import.photos-too-large", "L'archivio delle foto supera 100 MB.");
    }
    it.ksanctions.devices.domain.OutputFormat apparent = CameraFileReader.apparentFormat(content);
    if (apparent != device.outputFormat()) {
      throw invalid(
          "sanctions.import.wrong-format",
          "Il file "
              + name(request.fileName(), "caricato")
              + " è in formato "
              + (apparent == it.ksanctions.devices.domain.OutputFormat.CSV
                  ? "testo (CSV o altro)"
                  : apparent.italianLabel())
              + ", ma il dispositivo "
              + device.code()
              + " dichiara file "
              + device.outputFormat().italianLabel()
              + ": importare il file nel formato del dispositivo.");
    }
    String sha256 = sha256(content);
    store
        .bySha256(sha256)
        .ifPresent(
            first -> {
              throw new SanctionsRuleException(
                  "sanctions.import.duplicate",
                  "Questo file è già stato importato: importazione n. "
                      + first.id()
                      + " del "
                      + WHEN.format(first.createdAt())
                      + " da "
                      + first.createdBy()
                      + " ("
                      + first.status().italianLabel().toLowerCase(java.util.Locale.ITALIAN)
                      + ").");
            });
    int rows = CameraFileReader.count(content, device.outputFormat());
    if (rows == 0) {
      throw invalid("sanctions.import.no-rows", "Il file non contiene righe di rilevazioni.");
    }
    byte[] photos =
        request.photos() == null || request.photos().length == 0 ? null : request.photos();
    if (photos != null) {
      PhotoArchive.check(photos);
    }
    long id;
    try {
      id =
          store.queue(
              new CameraImportRow(
                  device.code(),
                  name(request.fileName(), "file"),
                  device.outputFormat(),
                  sha256,
                  photos == null ? null : name(request.photosFileName(), "foto.zip"),
                  request.operator().strip(),
                  blankToNull(request.serviceNote()),
                  rows,
                  Instant.now(),
                  by),
              content,
              photos);
    } catch (RuntimeException e) {
      // Two uploads of the same file at once: the unique index keeps one.
      if (store.bySha256(sha256).isPresent()) {
        throw new SanctionsRuleException(
            "sanctions.import.duplicate", "Questo file è già in corso di importazione.");
      }
      throw e;
    }
    audit.record(
        DEVICES,
        "Importazione file rilevazioni",
        AuditOperation.CHANGE,
        "n. " + id + " " + device.code() + " " + name(request.fileName(), "file"));
    Properties parameters = new Properties();
    parameters.setProperty("tenant", TenantContext.require().slug());
    parameters.setProperty("importId", Long.toString(id));
    long execution = jobs().start(JOB, parameters);
    store.running(id, execution);
    return status(id);
  }

  /** An import and its progress. */
  @Authorized(module = DEVICES, action = ACCESS)
  public ImportView status(long id) {
    return store.find(id).map(ImportView::of).orElseThrow(() -> unknown(id));
  }

  /** The latest imports, newest first (the download history of the camera files). */
  @Authorized(module = DEVICES, action = ACCESS)
  public List<ImportView> latest() {
    return store.latest(100).stream().map(ImportView::of).toList();
  }

  /** The refused rows of an import, by row number (at most 1,000). */
  @Authorized(module = DEVICES, action = ACCESS)
  public List<RefusedRow> report(long id) {
    status(id);
    return store.refusedRows(id, 1000).stream()
        .map(r -> new RefusedRow(((Number) r[0]).intValue(), (String) r[1]))
        .toList();
  }

  /**
   * Cancels an import in progress or stopped: nothing of it is published, and the device's download
   * history records the file as cancelled (DEV-5).
   */
  @Authorized(module = DEVICES, action = CREATE)
  public ImportView cancel(long id) {
    CameraImportRow row = store.find(id).orElseThrow(() -> unknown(id));
    boolean interrupted = row.interrupted(Instant.now(), SILENT_FOR);
    if (!row.status().inProgress() && row.status() != ImportStatus.STOPPED) {
      throw new SanctionsRuleException(
          "sanctions.import.not-running",
          "L'importazione n. " + id + " è già conclusa (" + row.status().italianLabel() + ").");
    }
    CameraImportRow ended =
        store.cancel(id, "Annullata da " + currentStaff.requireActive().username() + ".");
    if (ended.status() != ImportStatus.CANCELLED) {
      // published or refused between the check above and the lock: nothing to cancel any more
      throw new SanctionsRuleException(
          "sanctions.import.not-running",
          "L'importazione n. " + id + " è già conclusa (" + ended.status().italianLabel() + ").");
    }
    if (!interrupted && row.jobExecutionId() != null && running(row.jobExecutionId())) {
      jobs().stop(row.jobExecutionId());
    } else {
      store.clearStaging(id, false);
    }
    audit.record(
        DEVICES, "Importazione file rilevazioni", AuditOperation.CHANGE, "n. " + id + " annullata");
    return status(id);
  }

  /**
   * Stops an import in progress; it keeps what it staged and can be restarted from its last
   * checkpoint.
   */
  @Authorized(module = DEVICES, action = CREATE)
  public ImportView stop(long id) {
    CameraImportRow row = store.find(id).orElseThrow(() -> unknown(id));
    if (row.jobExecutionId() == null
        || row.interrupted(Instant.now(), SILENT_FOR)
        || !running(row.jobExecutionId())) {
      throw new SanctionsRuleException(
          "sanctions.import.not-running", "L'importazione n. " + id + " non è in corso.");
    }
    jobs().stop(row.jobExecutionId());
    return status(id);
  }

  /**
   * Restarts a stopped or interrupted import from its last checkpoint. The job execution of an
   * interrupted one still reads as started in the job repository, since its server died before it
   * could record its end: JBeret is told to mark it failed and restart it ({@code
   * jberet.restart.mode=force}).
   */
  @Authorized(module = DEVICES, action = CREATE)
  public ImportView restart(long id) {
    CameraImportRow row = store.find(id).orElseThrow(() -> unknown(id));
    boolean interrupted = row.interrupted(Instant.now(), SILENT_FOR);
    if (row.status() != ImportStatus.STOPPED && !interrupted) {
      throw new SanctionsRuleException(
          "sanctions.import.not-stopped",
          "Si riprende solo un'importazione interrotta: la n. "
              + id
              + " è "
              + row.status().italianLabel().toLowerCase(java.util.Locale.ITALIAN)
              + ".");
    }
    Properties parameters = new Properties();
    parameters.setProperty("tenant", TenantContext.require().slug());
    parameters.setProperty("importId", Long.toString(id));
    if (interrupted) {
      parameters.setProperty("jberet.restart.mode", "force");
    }
    long execution = jobs().restart(row.jobExecutionId(), parameters);
    store.running(id, execution);
    audit.record(
        DEVICES, "Importazione file rilevazioni", AuditOperation.CHANGE, "n. " + id + " ripresa");
    return status(id);
  }

  private boolean running(long execution) {
    BatchStatus status = jobs().getJobExecution(execution).getBatchStatus();
    return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
  }

  private static JobOperator jobs() {
    return BatchRuntime.getJobOperator();
  }

  private static SanctionsRuleException unknown(long id) {
    return new SanctionsRuleException(
        "sanctions.import.unknown",
        "Nessuna importazione n. " + id + " in questo comando.",
        RuleViolation.Kind.NOT_FOUND);
  }

  private static SanctionsRuleException invalid(String code, String message) {
    return new SanctionsRuleException(code, message, RuleViolation.Kind.INVALID_INPUT);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(String fileName, String fallback) {
    if (fileName == null || fileName.isBlank()) {
      return fallback;
    }
    String simple = fileName.replace('\\', '/');
    simple = simple.substring(simple.lastIndexOf('/') + 1).strip();
    return simple.length() > 255 ? simple.substring(0, 255) : simple;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
