package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppAction.VALIDATE;
import static it.ksanctions.permissions.domain.AppModule.PRE_NOTICES;

import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffDirectory;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.RecordVisibility;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.permissions.domain.VisibilityScope;
import it.ksanctions.sanctions.domain.Photo;
import it.ksanctions.sanctions.domain.Plate;
import it.ksanctions.sanctions.domain.PreNotice;
import it.ksanctions.sanctions.domain.PreNoticeDraft;
import it.ksanctions.sanctions.domain.PreNoticeOrigin;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.infrastructure.PreNoticeRow;
import it.ksanctions.sanctions.infrastructure.SyncSessionRow;
import it.ksanctions.shared.TabularExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The pre-notices in the back office and the staff API (LIF-1, PRM-6): search within the role's
 * visibility (the scope is a condition of the query, never a filter after loading), a pre-notice
 * with its photos and plate corrections, a paper pre-notice typed in, plate corrections, validation
 * and archiving — one by one or on a selection — and the restoring of an archived one by a manager.
 * Authorised by the Permissions module and audited; a record outside the viewer's visibility is
 * "not found", an auditor's are read-only and never exported.
 */
@ApplicationScoped
@Transactional
public class PreNotices {

  public static final int MAX_RESULTS = 1_000;

  private static final DateTimeFormatter ITALIAN_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PreNoticeChecks.ITALY);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject StaffDirectory staff;
  @Inject AuditRecorder audit;
  @Inject PreNoticeRecords records;
  @Inject PreNoticeChecks checks;
  @Inject PreNoticePayments payments;

  Clock clock = Clock.systemUTC();

  /**
   * Search filters; null or blank ones do not filter. Days are Italian calendar days; the device is
   * the code of the mobile device that sent the pre-notice (paper ones have none).
   */
  public record Filter(
      LocalDate from,
      LocalDate to,
      String deviceCode,
      String placeCode,
      String articleCode,
      String officer,
      PreNoticeStatus status,
      String plate) {

    public static Filter all() {
      return new Filter(null, null, null, null, null, null, null, null);
    }
  }

  /** A device code as the devices register writes them: letters, digits, . _ -, 2–30. */
  private static final java.util.regex.Pattern DEVICE_CODE =
      java.util.regex.Pattern.compile("^[A-Z0-9][A-Z0-9._-]{1,29}$");

  /** A pre-notice as lists show it. */
  public record Summary(
      UUID id,
      PreNoticeOrigin origin,
      Instant violationAt,
      String placeCode,
      String articleCode,
      String plate,
      String plateCountry,
      VehicleType vehicleType,
      String officer,
      String department,
      PreNoticeStatus status,
      int photoCount,
      String deviceCode,
      String verbaleNumber,
      Instant recordedAt) {

    static Summary of(PreNotice p) {
      return new Summary(
          p.id(),
          p.origin(),
          p.violationAt(),
          p.placeCode(),
          p.articleCode(),
          p.plate().number(),
          p.plate().country(),
          p.vehicleType(),
          p.officer(),
          p.department(),
          p.status(),
          p.photoCount(),
          p.deviceCode(),
          p.verbaleNumber(),
          p.recordedAt());
    }
  }

  /** One photo of a pre-notice, without its content. */
  public record PhotoView(int position, String contentType, int size, String sha256) {}

  /** The content of one photo. */
  public record PhotoContent(String contentType, byte[] content) {}

  /** A pre-notice with its photos; {@code readOnly} when the viewer may not change it. */
  public record Detail(PreNotice preNotice, List<PhotoView> photos, boolean readOnly) {}

  /** A paper pre-notice typed in the office; the time is Italian local time. */
  public record PaperEntry(
      LocalDateTime violationAt,
      String placeCode,
      String articleCode,
      String plate,
      String plateCountry,
      VehicleType vehicleType,
      String officer,
      String notes,
      List<byte[]> photos) {}

  /** What a bulk action did: how many pre-notices changed, and why the others did not. */
  public record BulkOutcome(int done, List<String> refusals) {}

  /** A session of the mobile app (DEV-4), as the office reads the log. */
  public record SessionView(
      long id,
      String deviceCode,
      String officer,
      String operation,
      Instant startedAt,
      Instant endedAt,
      int received,
      int accepted,
      int duplicates,
      int refused,
      String anomalies) {}

  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public List<Summary> search(Filter filter) {
    StaffProfile viewer = currentStaff.requireActive();
    List<Summary> found = query(viewer, filter == null ? Filter.all() : filter);
    audit.record(
        PRE_NOTICES,
        "Ricerca preavvisi",
        AuditOperation.READ,
        "preavvisi: " + found.size() + describe(filter));
    return found;
  }

  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public Detail detail(UUID id) {
    StaffProfile viewer = currentStaff.requireActive();
    PreNotice preNotice =
        records
            .load(id)
            .orElseThrow(() -> new SanctionsRuleException(SanctionsRule.NOT_FOUND, "" + id));
    RecordVisibility visibility =
        PreNoticeVisibility.requireVisible(viewer, preNotice.ownership(), "" + id);
    List<PhotoView> photos =
        records.photos(id).stream()
            .map(p -> new PhotoView(p.position(), p.contentType(), p.sizeBytes(), p.sha256()))
            .toList();
    audit.record(PRE_NOTICES, "Dettaglio preavviso", AuditOperation.READ, reference(preNotice));
    return new Detail(preNotice, photos, !visibility.canExport());
  }

  /** A photo of a pre-notice the viewer sees (shown by the detail, which is audited). */
  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public Optional<PhotoContent> photo(UUID id, int position) {
    StaffProfile viewer = currentStaff.requireActive();
    Optional<PreNoticeRow> row = records.row(id);
    if (row.isEmpty()
        || !PreNoticeVisibility.of(
                viewer,
                new it.ksanctions.permissions.domain.RecordOwnership(
                    row.get().officer(), row.get().department()))
            .canSee()) {
      return Optional.empty();
    }
    return records.photos(id).stream()
        .filter(p -> p.position() == position)
        .findFirst()
        .map(p -> new PhotoContent(p.contentType(), p.content()));
  }

  /**
   * Records a paper pre-notice (origin PAPER, a new UUID). The officer must be active staff of the
   * command and, for a viewer who sees only their own or their department's pre-notices, themself
   * or of their department.
   */
  @Authorized(module = PRE_NOTICES, action = CREATE)
  public Summary recordPaper(PaperEntry entry) {
    StaffProfile clerk = currentStaff.requireActive();
    if (entry.violationAt() == null) {
      throw new SanctionsRuleException(SanctionsRule.VIOLATION_TIME_REQUIRED);
    }
    if (entry.officer() == null || entry.officer().isBlank()) {
      throw new SanctionsRuleException(SanctionsRule.OFFICER_REQUIRED);
    }
    StaffProfile officer =
        staff
            .profileOf(entry.officer().strip())
            .filter(p -> p.status() == UserStatus.ACTIVE)
            .orElseThrow(
                () -> new SanctionsRuleException(SanctionsRule.OFFICER_UNKNOWN, entry.officer()));
    List<Photo> photos = new ArrayList<>();
    if (entry.photos() != null) {
      if (entry.photos().size() > Photo.MAX_PER_PRE_NOTICE) {
        throw new SanctionsRuleException(
            SanctionsRule.TOO_MANY_PHOTOS, String.valueOf(entry.photos().size()));
      }
      entry.photos().forEach(bytes -> photos.add(Photo.of(bytes)));
    }
    PreNotice preNotice =
        PreNotice.record(
            new PreNoticeDraft(
                UUID.randomUUID(),
                PreNoticeOrigin.PAPER,
                entry.violationAt().atZone(PreNoticeChecks.ITALY).toInstant(),
                entry.placeCode(),
                entry.articleCode(),
                Plate.of(entry.plate(), entry.plateCountry()),
                entry.vehicleType(),
                officer.username(),
                officer.departmentId(),
                entry.notes(),
                photos,
                null,
                null),
            clerk.username(),
            clock.instant());
    RecordVisibility visibility = PreNoticeVisibility.of(clerk, preNotice.ownership());
    if (!visibility.canSee()) {
      throw new SanctionsRuleException(SanctionsRule.OFFICER_NOT_VISIBLE, officer.username());
    }
    if (!visibility.canExport()) {
      throw new SanctionsRuleException(SanctionsRule.READ_ONLY);
    }
    checks.requireArticleAndPlace(preNotice);
    records.store(preNotice, photos, null);
    audit.record(
        PRE_NOTICES, "Inserimento preavviso cartaceo", AuditOperation.CHANGE, reference(preNotice));
    return Summary.of(preNotice);
  }

  @Authorized(module = PRE_NOTICES, action = EDIT)
  public Summary correctPlate(UUID id, String plate, String country, String reason) {
    StaffProfile viewer = currentStaff.requireActive();
    PreNotice preNotice = changeable(viewer, id);
    Plate before = preNotice.plate();
    preNotice.correctPlate(Plate.of(plate, country), reason, viewer.username(), clock.instant());
    records.update(preNotice);
    audit.record(
        PRE_NOTICES,
        "Correzione targa",
        AuditOperation.CHANGE,
        reference(preNotice) + ": " + before.display() + " → " + preNotice.plate().display());
    return Summary.of(preNotice);
  }

  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public Summary validate(UUID id) {
    StaffProfile viewer = currentStaff.requireActive();
    PreNotice preNotice = changeable(viewer, id);
    preNotice.validate(viewer.username(), clock.instant());
    records.update(preNotice);
    audit.record(
        PRE_NOTICES, "Validazione preavviso", AuditOperation.VALIDATE, reference(preNotice));
    return Summary.of(preNotice);
  }

  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public Summary archive(UUID id, String reason) {
    StaffProfile viewer = currentStaff.requireActive();
    PreNotice preNotice = changeable(viewer, id);
    preNotice.archive(reason, viewer.username(), clock.instant());
    payments.archived(id);
    records.update(preNotice);
    audit.record(
        PRE_NOTICES,
        "Archiviazione preavviso",
        AuditOperation.VALIDATE,
        reference(preNotice) + ": " + preNotice.archiveReason());
    return Summary.of(preNotice);
  }

  /**
   * A manager (whose role sees the whole command) brings an archived pre-notice back to the ones to
   * review.
   */
  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public Summary restore(UUID id) {
    StaffProfile viewer = currentStaff.requireActive();
    PreNotice preNotice = changeable(viewer, id);
    preNotice.restore(viewer.username(), clock.instant(), viewer.scope());
    records.update(preNotice);
    audit.record(
        PRE_NOTICES,
        "Ripristino preavviso archiviato",
        AuditOperation.CHANGE,
        reference(preNotice));
    return Summary.of(preNotice);
  }

  /** Validates every selected pre-notice that may be validated; tells why the others were not. */
  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public BulkOutcome validateAll(List<UUID> ids) {
    StaffProfile viewer = currentStaff.requireActive();
    return bulk(
        ids,
        preNotice -> {
          PreNoticeVisibility.requireChangeable(
              viewer, preNotice.ownership(), preNotice.id().toString());
          preNotice.validate(viewer.username(), clock.instant());
        },
        "Validazione preavviso",
        AuditOperation.VALIDATE);
  }

  /** Archives every selected pre-notice that may be archived, with one reason. */
  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public BulkOutcome archiveAll(List<UUID> ids, String reason) {
    StaffProfile viewer = currentStaff.requireActive();
    if (reason == null || reason.isBlank()) {
      throw new SanctionsRuleException(SanctionsRule.REASON_REQUIRED);
    }
    return bulk(
        ids,
        preNotice -> {
          PreNoticeVisibility.requireChangeable(
              viewer, preNotice.ownership(), preNotice.id().toString());
          preNotice.archive(reason, viewer.username(), clock.instant());
          payments.archived(preNotice.id());
        },
        "Archiviazione preavviso",
        AuditOperation.VALIDATE);
  }

  /** The search result as CSV (never for a read-only role: the permission check refuses it). */
  @Authorized(module = PRE_NOTICES, action = EXPORT_NOTIFY)
  public byte[] exportCsv(Filter filter) {
    StaffProfile viewer = currentStaff.requireActive();
    if (!viewer.scope().allowsExport()) {
      throw new SanctionsRuleException(SanctionsRule.READ_ONLY);
    }
    List<Summary> found = query(viewer, filter == null ? Filter.all() : filter);
    List<String[]> rows =
        found.stream()
            .map(
                s ->
                    new String[] {
                      s.id().toString(),
                      ITALIAN_TIME.format(s.violationAt()),
                      s.placeCode(),
                      s.articleCode(),
                      s.plate(),
                      s.plateCountry(),
                      s.vehicleType().italianLabel(),
                      s.officer(),
                      s.department() == null ? "" : s.department(),
                      s.origin().italianLabel(),
                      s.status().italianLabel(),
                      String.valueOf(s.photoCount())
                    })
            .toList();
    byte[] csv =
        TabularExport.csv(
            new String[] {
              "id",
              "data_ora",
              "luogo",
              "articolo",
              "targa",
              "nazione",
              "veicolo",
              "agente",
              "reparto",
              "origine",
              "stato",
              "foto"
            },
            rows);
    audit.record(
        PRE_NOTICES,
        "Esportazione CSV preavvisi",
        AuditOperation.EXPORT,
        found.size() + " preavvisi" + describe(filter));
    return csv;
  }

  /**
   * The latest sessions of the mobile app (DEV-4 log): every officer's for a role that sees the
   * whole command, else the viewer's own.
   */
  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public List<SessionView> sessions(int max) {
    StaffProfile viewer = currentStaff.requireActive();
    boolean all =
        viewer.scope() == VisibilityScope.WHOLE_COMMAND
            || viewer.scope() == VisibilityScope.READ_ONLY_NO_EXPORT;
    TypedQuery<SyncSessionRow> query =
        em.createQuery(
                "select s from SyncSessionRow s"
                    + (all ? "" : " where s.officer = :viewer")
                    + " order by s.startedAt desc, s.id desc",
                SyncSessionRow.class)
            .setMaxResults(Math.max(1, Math.min(max, 500)));
    if (!all) {
      query.setParameter("viewer", viewer.username());
    }
    return query.getResultList().stream()
        .map(
            s ->
                new SessionView(
                    s.id(),
                    s.deviceCode(),
                    s.officer(),
                    s.operation(),
                    s.startedAt(),
                    s.endedAt(),
                    s.itemsReceived(),
                    s.itemsAccepted(),
                    s.itemsDuplicate(),
                    s.itemsRefused(),
                    s.anomalies()))
        .toList();
  }

  /** The pre-notices {@code viewer} sees that match {@code filter}, newest first, in one query. */
  private List<Summary> query(StaffProfile viewer, Filter filter) {
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      throw new SanctionsRuleException(SanctionsRule.PERIOD_INVALID);
    }
    PreNoticeVisibility.Condition visible = PreNoticeVisibility.of(viewer, "p");
    StringBuilder jpql = new StringBuilder("select p from PreNoticeRow p where ");
    jpql.append(visible.jpql());
    Map<String, Object> parameters = new HashMap<>(visible.parameters());
    if (filter.from() != null) {
      jpql.append(" and p.violationAt >= :from");
      parameters.put("from", filter.from().atStartOfDay(PreNoticeChecks.ITALY).toInstant());
    }
    if (filter.to() != null) {
      jpql.append(" and p.violationAt < :to");
      parameters.put("to", filter.to().plusDays(1).atStartOfDay(PreNoticeChecks.ITALY).toInstant());
    }
    if (!blank(filter.deviceCode())) {
      String device = filter.deviceCode().strip().toUpperCase(Locale.ROOT);
      if (!DEVICE_CODE.matcher(device).matches()) {
        throw new SanctionsRuleException(SanctionsRule.DEVICE_FILTER_INVALID, device);
      }
      jpql.append(" and p.deviceCode = :device");
      parameters.put("device", device);
    }
    if (!blank(filter.placeCode())) {
      jpql.append(" and p.placeCode = :place");
      parameters.put("place", filter.placeCode().strip().toUpperCase(Locale.ROOT));
    }
    if (!blank(filter.articleCode())) {
      jpql.append(" and p.articleCode = :article");
      parameters.put("article", PreNotice.articleCodeOf(filter.articleCode()).value());
    }
    if (!blank(filter.officer())) {
      jpql.append(" and p.officer = :officer");
      parameters.put("officer", filter.officer().strip());
    }
    if (filter.status() != null) {
      jpql.append(" and p.status = :status");
      parameters.put("status", filter.status());
    }
    if (!blank(filter.plate())) {
      jpql.append(" and p.plate like :plate");
      parameters.put(
          "plate", filter.plate().replaceAll("[\\s.\\-%_]", "").toUpperCase(Locale.ROOT) + "%");
    }
    jpql.append(" order by p.violationAt desc, p.id");
    TypedQuery<PreNoticeRow> query =
        em.createQuery(jpql.toString(), PreNoticeRow.class).setMaxResults(MAX_RESULTS);
    parameters.forEach(query::setParameter);
    return query.getResultList().stream().map(row -> Summary.of(row.toDomain(List.of()))).toList();
  }

  private PreNotice changeable(StaffProfile viewer, UUID id) {
    PreNotice preNotice = records.lockAndLoad(id);
    PreNoticeVisibility.requireChangeable(viewer, preNotice.ownership(), "" + id);
    return preNotice;
  }

  private BulkOutcome bulk(
      List<UUID> ids,
      java.util.function.Consumer<PreNotice> change,
      String function,
      AuditOperation operation) {
    if (ids == null || ids.isEmpty()) {
      throw new SanctionsRuleException(SanctionsRule.NOTHING_SELECTED);
    }
    int done = 0;
    List<String> refusals = new ArrayList<>();
    for (UUID id : new LinkedHashSet<>(ids)) {
      Optional<PreNotice> found = records.lockAndFind(id);
      if (found.isEmpty()) {
        refusals.add(id + ": " + SanctionsRule.NOT_FOUND.italianMessage());
        continue;
      }
      PreNotice preNotice = found.get();
      try {
        change.accept(preNotice);
      } catch (SanctionsRuleException e) {
        refusals.add(shortReference(preNotice) + ": " + e.italianMessage());
        continue;
      }
      records.update(preNotice);
      audit.record(PRE_NOTICES, function, operation, reference(preNotice));
      done++;
    }
    return new BulkOutcome(done, List.copyOf(refusals));
  }

  private static String reference(PreNotice p) {
    return "preavviso " + p.id() + " targa " + p.plate().display();
  }

  private static String shortReference(PreNotice p) {
    return "Preavviso del "
        + ITALIAN_TIME.format(p.violationAt())
        + " targa "
        + p.plate().display();
  }

  private static String describe(Filter filter) {
    if (filter == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (filter.from() != null) {
      parts.add("dal " + filter.from());
    }
    if (filter.to() != null) {
      parts.add("al " + filter.to());
    }
    if (!blank(filter.deviceCode())) {
      parts.add("dispositivo " + filter.deviceCode().strip());
    }
    if (!blank(filter.placeCode())) {
      parts.add("luogo " + filter.placeCode().strip());
    }
    if (!blank(filter.articleCode())) {
      parts.add("articolo " + filter.articleCode().strip());
    }
    if (!blank(filter.officer())) {
      parts.add("agente " + filter.officer().strip());
    }
    if (filter.status() != null) {
      parts.add("stato " + filter.status().name());
    }
    if (!blank(filter.plate())) {
      parts.add("targa " + filter.plate().strip());
    }
    return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
