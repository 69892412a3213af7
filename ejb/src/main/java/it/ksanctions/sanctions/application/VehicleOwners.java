package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.PRE_NOTICES;

import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.domain.CameraRow;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.OwnerSource;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleOwner;
import it.ksanctions.sanctions.infrastructure.OwnerFileReader;
import it.ksanctions.sanctions.infrastructure.VehicleOwnerRow;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two adapters that fill the vehicle registry table (issue 13 item 5) — an owner typed by hand
 * and an owner-data file imported all or nothing with a per-row report — and the look-ups of the
 * back office and the API. Module Pre-notices: ACCESS to read, EDIT to record or import; every
 * action is in the audit log (reads too: owners are personal data). A record identical to the
 * plate's latest one is not written again, so a repeated request or file changes nothing.
 */
@ApplicationScoped
@Transactional
public class VehicleOwners {

  /** The largest owner file accepted. */
  public static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject VehicleRegistry registry;
  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;

  Clock clock = Clock.systemUTC();

  /** The outcome of recording an owner: the plate's latest record, and whether it is new. */
  public record Recorded(VehicleOwner owner, boolean created) {}

  /** A problem of an owner file: row 0 is the file as a whole, 1 the first data row. */
  public record ImportProblem(int row, String column, String reason) {}

  /**
   * The outcome of an import: how many records were written and how many rows repeated the plate's
   * latest record, or every problem (then nothing was written).
   */
  public record ImportReport(int stored, int unchanged, List<ImportProblem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  /** The records of a plate, latest first (the first one is the owner now). */
  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public List<VehicleOwner> history(String plate, String country) {
    String normal = requiredPlate(plate);
    List<VehicleOwner> found =
        rowsOf(normal, TableVehicleRegistry.countryOf(country)).stream()
            .map(VehicleOwnerRow::toDomain)
            .toList();
    audit.record(
        PRE_NOTICES, "Consultazione proprietario del veicolo", AuditOperation.READ, normal);
    return found;
  }

  /** The owner of a plate on a day (null: today), through the registry port; audited. */
  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public Optional<VehicleOwner> lookup(String plate, String country, LocalDate onDay) {
    String normal = requiredPlate(plate);
    Optional<VehicleOwner> owner = registry.ownerOf(normal, country, onDay);
    audit.record(
        PRE_NOTICES, "Consultazione proprietario del veicolo", AuditOperation.READ, normal);
    return owner;
  }

  /**
   * Records an owner typed by hand; the latest record of the plate from now on. Identical data to
   * the plate's latest record writes nothing and answers that record.
   *
   * @throws SanctionsRuleException naming every wrong field
   */
  @Authorized(module = PRE_NOTICES, action = EDIT)
  public Recorded record(OwnerData data) {
    if (data == null) {
      throw invalid("Indicare i dati del proprietario.");
    }
    String by = currentStaff.requireActive().username();
    VehicleOwner owner = data.toOwner(OwnerSource.MANUAL, null, Instant.now(clock), by);
    Optional<VehicleOwner> latest =
        rowsOf(owner.plate(), owner.country()).stream().findFirst().map(VehicleOwnerRow::toDomain);
    if (latest.isPresent() && latest.get().sameOwnerAs(owner.data())) {
      return new Recorded(latest.get(), false);
    }
    em.persist(VehicleOwnerRow.of(owner));
    em.flush();
    audit.record(
        PRE_NOTICES,
        "Proprietario del veicolo inserito a mano",
        AuditOperation.CHANGE,
        owner.plate() + " (" + owner.country() + ")");
    return new Recorded(owner, true);
  }

  /**
   * Imports an owner-data file, all or nothing: any wrong row (or a file too big, not UTF-8,
   * without the columns) and nothing is written, with every problem by row and column. A plate
   * twice in a file: the later row wins. Rows identical to the plate's latest record are not
   * written again.
   */
  @Authorized(module = PRE_NOTICES, action = EDIT)
  public ImportReport importFile(InputStream file, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
    if (name.length() > 255) {
      name = name.substring(0, 255);
    }
    if (file == null) {
      return rejected(List.of(new ImportProblem(0, "", "Scegliere il file da importare")), name);
    }
    if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return rejected(
          List.of(new ImportProblem(0, "", "Formato non riconosciuto: serve un file .csv")), name);
    }
    OwnerFileReader.Result parsed = new OwnerFileReader(MAX_IMPORT_BYTES).read(file);
    if (!parsed.acceptable()) {
      return rejected(
          parsed.problems().stream()
              .map(p -> new ImportProblem(p.row(), p.column(), p.reason()))
              .toList(),
          name);
    }
    String by = currentStaff.requireActive().username();
    Instant now = Instant.now(clock);
    Map<String, OwnerData> latestInFile = new HashMap<>();
    int stored = 0;
    int unchanged = 0;
    for (OwnerFileReader.Numbered row : parsed.rows()) {
      OwnerData data = row.data();
      String key = data.plate() + "|" + data.country();
      OwnerData previous = latestInFile.get(key);
      if (previous == null) {
        previous =
            rowsOf(data.plate(), data.country()).stream()
                .findFirst()
                .map(r -> r.toDomain().data())
                .orElse(null);
      }
      latestInFile.put(key, data);
      if (data.equals(previous)) {
        unchanged++;
        continue;
      }
      em.persist(VehicleOwnerRow.of(data.toOwner(OwnerSource.FILE, name, now, by)));
      stored++;
    }
    em.flush();
    audit.record(
        PRE_NOTICES,
        "Importazione proprietari dei veicoli",
        AuditOperation.CHANGE,
        stored + " registrati, " + unchanged + " invariati da " + name);
    return new ImportReport(stored, unchanged, List.of());
  }

  private ImportReport rejected(List<ImportProblem> problems, String fileName) {
    audit.record(
        PRE_NOTICES,
        "Importazione proprietari rifiutata",
        AuditOperation.VALIDATE,
        fileName + ": " + problems.size() + " problemi");
    return new ImportReport(0, 0, List.copyOf(problems));
  }

  private List<VehicleOwnerRow> rowsOf(String plate, String country) {
    return em.createQuery(
            "select o from VehicleOwnerRow o where o.plate = :plate and o.country = :country"
                + " order by o.recordedAt desc, o.id desc",
            VehicleOwnerRow.class)
        .setParameter("plate", plate)
        .setParameter("country", country)
        .getResultList();
  }

  private static String requiredPlate(String plate) {
    String normal = CameraRow.normalisedPlate(plate);
    if (normal == null) {
      throw invalid("Indicare la targa del veicolo.");
    }
    if (!normal.matches("[A-Z0-9]{2,10}")) {
      throw invalid("Targa non valida: da 2 a 10 lettere o cifre.");
    }
    return normal;
  }

  private static SanctionsRuleException invalid(String message) {
    return new SanctionsRuleException(
        "sanctions.vehicle-owner.invalid", message, Kind.INVALID_INPUT);
  }
}
