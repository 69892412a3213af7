package it.ksanctions.notifications.application;

import it.ksanctions.command.domain.Dates;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.notifications.domain.NotificationsRuleException;
import it.ksanctions.notifications.domain.PostalBatchStatus;
import it.ksanctions.notifications.domain.PostalManifest;
import it.ksanctions.notifications.domain.PostalOutcome;
import it.ksanctions.notifications.infrastructure.PostalOutcomeFileReader;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.VerbaleLifecycle.Act;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.shared.TabularExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Notification by post (issue 15 item 5, SPEC LIF-3): the acts sent by registered mail with return
 * receipt (POST) or abroad (ABROAD) wait, QUEUED, for a print-and-mail batch. An officer prepares
 * the batch (every waiting act), downloads its ZIP — each act's PDF and a {@code manifest.csv} —
 * for the postal intermediary and records the hand-over (the notifications become DELIVERING). The
 * outcomes come back from the return cards or the intermediary's report, typed one by one or
 * imported from a file all or nothing; a delivery or a compiuta giacenza perfects the notification
 * and makes a SENT act NOTIFIED on the day the operator gives (see {@link PostalOutcome}), an
 * unreachable recipient keeps the act SENT with the reason.
 *
 * <p>Module Notifications: ACCESS to read, CREATE to prepare a batch, EXPORT_NOTIFY to download its
 * ZIP, EDIT to hand it over and to record outcomes; every change is in the audit log.
 */
@ApplicationScoped
@Transactional
public class PostalBatches {

  /** The largest outcome file accepted. */
  public static final long MAX_IMPORT_BYTES = 2L * 1024 * 1024;

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject VerbaleLifecycle lifecycle;
  @Inject Notifications notifications;

  Clock clock = Clock.systemUTC();

  /** A batch as the list shows it. */
  public record BatchView(
      long id,
      Instant createdAt,
      String createdBy,
      int acts,
      PostalBatchStatus status,
      String zipSha256,
      Instant handedOverAt,
      String handedOverBy) {
    public String statusLabel() {
      return status.italianLabel();
    }
  }

  /** An act of a batch with its notification's state and postal outcome. */
  public record ItemView(
      long notificationId,
      long verbaleId,
      String actNumber,
      String recipient,
      String channel,
      NotificationStatus status,
      PostalOutcome outcome,
      LocalDate outcomeDay,
      String outcomeNote,
      LocalDate perfectedOn) {
    public String statusLabel() {
      return status.italianLabel();
    }

    public String outcomeLabel() {
      return outcome == null ? "" : outcome.italianLabel();
    }
  }

  /** A batch with its acts. */
  public record BatchDetail(BatchView batch, List<ItemView> items) {}

  /** A file to download. */
  public record BatchFile(String fileName, byte[] content, String sha256) {}

  /** A problem of an outcome file: row 0 is the file as a whole, 1 the first data row. */
  public record ImportProblem(int row, String column, String reason) {}

  /**
   * A row of an accepted outcome file: {@code applied} false when the same outcome on the same day
   * was already recorded for the act (nothing done again).
   */
  public record ImportedRow(
      int row, String actNumber, PostalOutcome outcome, LocalDate day, boolean applied) {
    public String message() {
      return applied ? "Esito registrato" : "Esito già registrato: non applicato di nuovo";
    }
  }

  /** The outcome of an import: every row, or every problem (then nothing was recorded). */
  public record ImportReport(List<ImportedRow> rows, List<ImportProblem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }

    public long applied() {
      return rows.stream().filter(ImportedRow::applied).count();
    }

    public long unchanged() {
      return rows.stream().filter(r -> !r.applied()).count();
    }
  }

  /** How many acts sent by post wait for a batch. */
  public long waiting() {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.ACCESS);
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from notification where channel in ('POST', 'ABROAD')"
                        + " and status = 'QUEUED' and postal_batch_id is null")
                .getSingleResult())
        .longValue();
  }

  /** The batches, newest first. */
  public List<BatchView> batches() {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.ACCESS);
    List<BatchView> views = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, created_at, created_by, acts, status, zip_sha256, handed_over_at,"
                    + " handed_over_by from postal_batch order by id desc")
            .getResultList()) {
      views.add(batchView((Object[]) o));
    }
    return views;
  }

  /**
   * A batch with its acts.
   *
   * @throws NotificationsRuleException when the command has no such batch
   */
  public BatchDetail batch(long batchId) {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.ACCESS);
    return new BatchDetail(batchView(batchRow(batchId, false)), items(batchId));
  }

  /**
   * Puts every act sent by post and still waiting into a new batch. An act annulled in the meantime
   * is left out and its notification cancelled (kept even when no act is left for a batch).
   *
   * @throws NotificationsRuleException when no act waits
   */
  @Transactional(dontRollbackOn = NotificationsRuleException.class)
  public BatchView prepare() {
    String user = currentStaff.require(AppModule.NOTIFICATIONS, AppAction.CREATE).username();
    Instant now = Instant.now(clock);
    List<long[]> taken = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, verbale_id from notification where channel in ('POST', 'ABROAD')"
                    + " and status = 'QUEUED' and postal_batch_id is null order by id for update")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      long verbaleId = ((Number) r[1]).longValue();
      Optional<Act> act = lifecycle.act(verbaleId);
      if (act.isEmpty() || act.get().verbale().status() == VerbaleStatus.ANNULLED) {
        em.createNativeQuery(
                "update notification set status = 'CANCELLED', updated_at = ?2 where id = ?1")
            .setParameter(1, id)
            .setParameter(2, now)
            .executeUpdate();
        notifications.event(
            id,
            now,
            NotificationStatus.CANCELLED,
            null,
            "Esclusa dal lotto di postalizzazione: verbale annullato in autotutela",
            null);
        continue;
      }
      taken.add(new long[] {id, verbaleId});
    }
    if (taken.isEmpty()) {
      throw new NotificationsRuleException(
          "notifications.postal.nothing-to-batch",
          "Nessun verbale inviato per la notifica a mezzo posta è in attesa di un lotto.");
    }
    long batchId =
        ((Number)
                em.createNativeQuery(
                        "insert into postal_batch (created_at, created_by, acts, status)"
                            + " values (?1, ?2, ?3, 'PREPARED') returning id")
                    .setParameter(1, now)
                    .setParameter(2, user)
                    .setParameter(3, taken.size())
                    .getSingleResult())
            .longValue();
    for (long[] t : taken) {
      em.createNativeQuery(
              "update notification set postal_batch_id = ?2, updated_at = ?3 where id = ?1")
          .setParameter(1, t[0])
          .setParameter(2, batchId)
          .setParameter(3, now)
          .executeUpdate();
      notifications.event(
          t[0],
          now,
          NotificationStatus.QUEUED,
          null,
          "Inserita nel lotto di postalizzazione n. " + batchId + " da " + user,
          null);
    }
    audit.record(
        AppModule.NOTIFICATIONS,
        "Notifiche: lotto di postalizzazione preparato",
        AuditOperation.CHANGE,
        "Lotto n. " + batchId + " (" + taken.size() + " verbali)");
    return batchView(batchRow(batchId, false));
  }

  /**
   * The batch's ZIP for the postal intermediary: each act's PDF as issued ({@link
   * PostalManifest#pdfName}) and {@code manifest.csv} (UTF-8 with BOM, {@code ;}, columns {@link
   * PostalManifest#HEADERS}). Its SHA-256 and the manifest are kept with the batch; the same batch
   * gives the same bytes again.
   *
   * @throws NotificationsRuleException when the batch does not exist or an act's PDF is missing
   */
  public BatchFile zip(long batchId) {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.EXPORT_NOTIFY);
    Object[] batch = batchRow(batchId, true);
    long entryTime = Outbox.instant(batch[1]).toEpochMilli();
    List<String[]> lines = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Object o :
          em.createNativeQuery(
                  "select verbale_id, channel from notification where postal_batch_id = ?1"
                      + " order by id")
              .setParameter(1, batchId)
              .getResultList()) {
        Object[] r = (Object[]) o;
        long verbaleId = ((Number) r[0]).longValue();
        var v = lifecycle.act(verbaleId).orElseThrow().verbale();
        byte[] pdf =
            lifecycle
                .pdf(verbaleId)
                .orElseThrow(
                    () ->
                        new NotificationsRuleException(
                            "notifications.postal.pdf-missing",
                            "Il PDF del verbale n. "
                                + v.number()
                                + " non è disponibile: il lotto non si può produrre."));
        String name = PostalManifest.pdfName(v.number());
        put(zip, name, pdf, entryTime);
        BigDecimal fee =
            v.fees().stream()
                .filter(f -> "NOTIFICATION".equals(f.category()))
                .map(f -> f.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        lines.add(
            PostalManifest.line(
                v.number(),
                v.ownerName(),
                v.ownerTaxCode(),
                v.ownerAddress(),
                (String) r[1],
                fee,
                name,
                sha256(pdf)));
      }
      byte[] manifest = TabularExport.csv(PostalManifest.HEADERS.toArray(String[]::new), lines);
      put(zip, PostalManifest.FILE_NAME, manifest, entryTime);
      zip.finish();
      String manifestText = new String(manifest, 3, manifest.length - 3, StandardCharsets.UTF_8);
      byte[] content = bytes.toByteArray();
      String sha = sha256(content);
      em.createNativeQuery("update postal_batch set zip_sha256 = ?2, manifest = ?3 where id = ?1")
          .setParameter(1, batchId)
          .setParameter(2, sha)
          .setParameter(3, manifestText)
          .executeUpdate();
      audit.record(
          AppModule.NOTIFICATIONS,
          "Notifiche: lotto di postalizzazione scaricato",
          AuditOperation.EXPORT,
          "Lotto n. " + batchId);
      return new BatchFile("lotto-postale-" + batchId + ".zip", content, sha);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Records that the batch was handed to the postal intermediary: its waiting notifications become
   * DELIVERING, each with an event. The ZIP must have been produced first.
   *
   * @throws NotificationsRuleException when the batch does not exist, was already handed over or
   *     its ZIP was never produced
   */
  public BatchView handOver(long batchId) {
    String user = currentStaff.require(AppModule.NOTIFICATIONS, AppAction.EDIT).username();
    Object[] batch = batchRow(batchId, true);
    if (PostalBatchStatus.valueOf((String) batch[4]) == PostalBatchStatus.HANDED_OVER) {
      throw new NotificationsRuleException(
          "notifications.postal.already-handed-over",
          "Il lotto n. "
              + batchId
              + " è già stato consegnato al servizio postale il "
              + Dates.italian(Outbox.instant(batch[6]).atZone(ROME).toLocalDate())
              + ".");
    }
    if (batch[5] == null) {
      throw new NotificationsRuleException(
          "notifications.postal.zip-not-produced",
          "Scaricare il file ZIP del lotto n. "
              + batchId
              + " (PDF dei verbali e distinta) prima di registrarne la consegna al servizio"
              + " postale.");
    }
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "update postal_batch set status = 'HANDED_OVER', handed_over_at = ?2,"
                + " handed_over_by = ?3 where id = ?1")
        .setParameter(1, batchId)
        .setParameter(2, now)
        .setParameter(3, user)
        .executeUpdate();
    for (Object id :
        em.createNativeQuery(
                "select id from notification where postal_batch_id = ?1 and status = 'QUEUED'"
                    + " order by id for update")
            .setParameter(1, batchId)
            .getResultList()) {
      long notificationId = ((Number) id).longValue();
      em.createNativeQuery(
              "update notification set status = 'DELIVERING', updated_at = ?2 where id = ?1")
          .setParameter(1, notificationId)
          .setParameter(2, now)
          .executeUpdate();
      notifications.event(
          notificationId,
          now,
          NotificationStatus.DELIVERING,
          "POSTAL_HANDOVER",
          "Consegnata al servizio postale con il lotto n. " + batchId + " da " + user,
          null);
    }
    audit.record(
        AppModule.NOTIFICATIONS,
        "Notifiche: lotto consegnato al servizio postale",
        AuditOperation.CHANGE,
        "Lotto n. " + batchId);
    return batchView(batchRow(batchId, false));
  }

  /**
   * Records by hand the postal outcome of act {@code actNumber} on {@code day} (see {@link
   * PostalOutcome} for the day the operator gives). The same outcome on the same day again changes
   * nothing.
   *
   * @param note free text; for {@link PostalOutcome#UNREACHABLE} the reason, required
   * @throws NotificationsRuleException when the act is unknown, was not sent by post, its batch was
   *     not handed over, another outcome was recorded, the notification already perfected, or the
   *     day is in the future or before the hand-over
   */
  public ItemView recordOutcome(
      String actNumber, PostalOutcome outcome, LocalDate day, String note) {
    String user = currentStaff.require(AppModule.NOTIFICATIONS, AppAction.EDIT).username();
    if (actNumber == null || actNumber.isBlank()) {
      throw invalid("notifications.postal.number-required", "Indicare il numero del verbale.");
    }
    if (outcome == null) {
      throw invalid("notifications.postal.outcome-required", "Indicare l'esito della notifica.");
    }
    if (day == null) {
      throw invalid("notifications.postal.day-required", "Indicare la data dell'esito.");
    }
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    if (cleanNote != null && cleanNote.length() > 500) {
      throw invalid("notifications.postal.note-too-long", "La nota supera i 500 caratteri.");
    }
    Verdict verdict = check(actNumber.strip(), outcome, day, cleanNote, today());
    if (verdict instanceof Refused r) {
      throw new NotificationsRuleException(r.code(), r.message(), r.kind());
    }
    Target target = ((Checked) verdict).target();
    if (((Checked) verdict).applicable()) {
      apply(target, outcome, day, cleanNote, user);
      audit.record(
          AppModule.NOTIFICATIONS,
          "Notifiche: esito postale registrato",
          AuditOperation.CHANGE,
          target.number() + " (" + outcome.italianLabel() + " " + Dates.italian(day) + ")");
    }
    return item(target.notificationId());
  }

  /**
   * Imports an outcome file ({@code numero_verbale;esito;data;note}, see {@link
   * it.ksanctions.notifications.domain.PostalOutcomeRow}), all or nothing: any wrong row — a field,
   * or an act that cannot take the outcome — and nothing is recorded, with every problem by row and
   * column. A row whose outcome and day are already recorded for the act is reported as such and
   * not applied again, so the same file may be imported twice.
   */
  public ImportReport importOutcomes(byte[] csv) {
    String user = currentStaff.require(AppModule.NOTIFICATIONS, AppAction.EDIT).username();
    LocalDate today = today();
    PostalOutcomeFileReader.Result parsed =
        new PostalOutcomeFileReader(MAX_IMPORT_BYTES).read(csv, today);
    List<ImportProblem> problems = new ArrayList<>();
    parsed
        .problems()
        .forEach(p -> problems.add(new ImportProblem(p.row(), p.column(), p.reason())));
    if (parsed.rows().isEmpty() && problems.isEmpty()) {
      problems.add(new ImportProblem(0, "", "Il file non contiene righe da importare"));
    }
    List<Object[]> checked = new ArrayList<>();
    for (PostalOutcomeFileReader.Numbered n : parsed.rows()) {
      var row = n.row();
      Verdict verdict =
          check(row.actNumber(), row.parsedOutcome(), row.parsedDay(), row.note(), today);
      if (verdict instanceof Refused r) {
        problems.add(new ImportProblem(n.number(), r.column(), r.message()));
      } else {
        checked.add(new Object[] {n, verdict});
      }
    }
    problems.sort(
        java.util.Comparator.comparingInt(ImportProblem::row).thenComparing(ImportProblem::column));
    if (!problems.isEmpty()) {
      audit.record(
          AppModule.NOTIFICATIONS,
          "Notifiche: importazione esiti postali rifiutata",
          AuditOperation.VALIDATE,
          problems.size() + " problemi");
      return new ImportReport(List.of(), List.copyOf(problems));
    }
    List<ImportedRow> rows = new ArrayList<>();
    for (Object[] c : checked) {
      var n = (PostalOutcomeFileReader.Numbered) c[0];
      var verdict = (Checked) c[1];
      var row = n.row();
      if (verdict.applicable()) {
        apply(verdict.target(), row.parsedOutcome(), row.parsedDay(), row.note(), user);
      }
      rows.add(
          new ImportedRow(
              n.number(),
              verdict.target().number(),
              row.parsedOutcome(),
              row.parsedDay(),
              verdict.applicable()));
    }
    long applied = rows.stream().filter(ImportedRow::applied).count();
    audit.record(
        AppModule.NOTIFICATIONS,
        "Notifiche: importazione esiti postali",
        AuditOperation.CHANGE,
        applied + " registrati, " + (rows.size() - applied) + " già registrati");
    return new ImportReport(List.copyOf(rows), List.of());
  }

  // ------------------------------------------------------------------ checks

  /** The postal notification an outcome is for. */
  private record Target(
      long notificationId,
      long verbaleId,
      String number,
      VerbaleStatus actStatus,
      long batchId,
      LocalDate handedOverOn) {}

  private sealed interface Verdict permits Checked, Refused {}

  /** The outcome may be recorded ({@code applicable}) or was already recorded identically. */
  private record Checked(Target target, boolean applicable) implements Verdict {}

  private record Refused(String column, String code, String message, Kind kind)
      implements Verdict {}

  /** Whether act {@code number} can take {@code outcome} on {@code day}; locks its notification. */
  private Verdict check(
      String number, PostalOutcome outcome, LocalDate day, String note, LocalDate today) {
    Optional<Act> act = lifecycle.actOfNumber(number);
    if (act.isEmpty()) {
      return new Refused(
          "numero_verbale",
          "notifications.postal.act-unknown",
          "Il verbale n. " + number + " non esiste.",
          Kind.NOT_FOUND);
    }
    long verbaleId = act.get().verbale().id();
    List<?> rows =
        em.createNativeQuery(
                "select n.id, n.postal_batch_id, b.status, b.handed_over_at, n.postal_outcome,"
                    + " n.postal_outcome_day, n.perfected_on from notification n"
                    + " left join postal_batch b on b.id = n.postal_batch_id"
                    + " where n.verbale_id = ?1 and n.channel in ('POST', 'ABROAD')"
                    + " order by n.attempt desc limit 1 for update of n")
            .setParameter(1, verbaleId)
            .getResultList();
    if (rows.isEmpty()) {
      return new Refused(
          "numero_verbale",
          "notifications.postal.not-by-post",
          "Il verbale n. " + number + " non è stato inviato per la notifica a mezzo posta.",
          Kind.CONFLICT);
    }
    Object[] r = (Object[]) rows.get(0);
    if (r[1] == null) {
      return new Refused(
          "numero_verbale",
          "notifications.postal.not-in-batch",
          "Il verbale n. "
              + number
              + " non è ancora in un lotto di postalizzazione: l'esito si registra dopo la"
              + " consegna del lotto al servizio postale.",
          Kind.CONFLICT);
    }
    long batchId = ((Number) r[1]).longValue();
    if (!PostalBatchStatus.HANDED_OVER.name().equals(r[2])) {
      return new Refused(
          "numero_verbale",
          "notifications.postal.batch-not-handed-over",
          "Il lotto n. "
              + batchId
              + " del verbale n. "
              + number
              + " non è ancora stato consegnato al servizio postale.",
          Kind.CONFLICT);
    }
    LocalDate handedOverOn = Outbox.instant(r[3]).atZone(ROME).toLocalDate();
    Target target =
        new Target(
            ((Number) r[0]).longValue(),
            verbaleId,
            act.get().verbale().number(),
            act.get().verbale().status(),
            batchId,
            handedOverOn);
    if (r[4] != null) {
      PostalOutcome recorded = PostalOutcome.valueOf((String) r[4]);
      LocalDate recordedDay = date(r[5]);
      if (recorded == outcome && day.equals(recordedDay)) {
        return new Checked(target, false);
      }
      return new Refused(
          "esito",
          "notifications.postal.outcome-recorded",
          "Per il verbale n. "
              + number
              + " è già registrato l'esito «"
              + recorded.italianLabel()
              + "» del "
              + Dates.italian(recordedDay)
              + ": non se ne registra un altro.",
          Kind.CONFLICT);
    }
    if (r[6] != null) {
      return new Refused(
          "numero_verbale",
          "notifications.postal.already-perfected",
          "La notifica del verbale n. "
              + number
              + " è già perfezionata il "
              + Dates.italian(date(r[6]))
              + ".",
          Kind.CONFLICT);
    }
    if (day.isAfter(today)) {
      return new Refused(
          "data",
          "notifications.postal.future-day",
          "La data dell'esito del verbale n. " + number + " (" + Dates.italian(day) + ") è futura.",
          Kind.INVALID_INPUT);
    }
    if (day.isBefore(handedOverOn)) {
      return new Refused(
          "data",
          "notifications.postal.before-hand-over",
          "La data dell'esito del verbale n. "
              + number
              + " ("
              + Dates.italian(day)
              + ") precede la consegna del lotto n. "
              + batchId
              + " al servizio postale ("
              + Dates.italian(handedOverOn)
              + ").",
          Kind.INVALID_INPUT);
    }
    if (outcome == PostalOutcome.UNREACHABLE && note == null) {
      return new Refused(
          "note",
          "notifications.postal.reason-required",
          "Per il verbale n. "
              + number
              + " indicare nella nota il motivo dell'irreperibilità (es. trasferito, sconosciuto).",
          Kind.INVALID_INPUT);
    }
    return new Checked(target, true);
  }

  /** Records the outcome; a perfection makes a SENT act NOTIFIED on {@code day}. */
  private void apply(
      Target target, PostalOutcome outcome, LocalDate day, String note, String user) {
    Instant now = Instant.now(clock);
    if (outcome.perfects()) {
      em.createNativeQuery(
              "update notification set status = ?2, postal_outcome = ?3, postal_outcome_day = ?4,"
                  + " postal_outcome_note = ?5, postal_outcome_by = ?6, perfected_on = ?4,"
                  + " updated_at = ?7 where id = ?1")
          .setParameter(1, target.notificationId())
          .setParameter(2, outcome.status().name())
          .setParameter(3, outcome.name())
          .setParameter(4, day)
          .setParameter(5, note)
          .setParameter(6, user)
          .setParameter(7, now)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "update notification set status = ?2, postal_outcome = ?3, postal_outcome_day = ?4,"
                  + " postal_outcome_note = ?5, postal_outcome_by = ?6, refusal = ?5,"
                  + " updated_at = ?7 where id = ?1")
          .setParameter(1, target.notificationId())
          .setParameter(2, outcome.status().name())
          .setParameter(3, outcome.name())
          .setParameter(4, day)
          .setParameter(5, note)
          .setParameter(6, user)
          .setParameter(7, now)
          .executeUpdate();
    }
    String reason = outcome.timelineReason(day, note);
    notifications.event(
        target.notificationId(),
        now,
        outcome.status(),
        "POSTAL_" + outcome.name(),
        reason
            + (note == null || !outcome.perfects() ? "" : " (" + note + ")")
            + " — registrato da "
            + user,
        null);
    if (outcome.perfects()) {
      if (target.actStatus() == VerbaleStatus.SENT) {
        lifecycle.markNotified(target.verbaleId(), day, user, reason);
      }
    } else {
      lifecycle.noteRefusal(target.verbaleId(), user, reason);
    }
  }

  // ------------------------------------------------------------------ reads

  private Object[] batchRow(long batchId, boolean forUpdate) {
    List<?> rows =
        em.createNativeQuery(
                "select id, created_at, created_by, acts, status, zip_sha256, handed_over_at,"
                    + " handed_over_by from postal_batch where id = ?1"
                    + (forUpdate ? " for update" : ""))
            .setParameter(1, batchId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotificationsRuleException(
          "notifications.postal.batch-unknown",
          "Il lotto di postalizzazione n. " + batchId + " non esiste.",
          Kind.NOT_FOUND);
    }
    return (Object[]) rows.get(0);
  }

  private static BatchView batchView(Object[] r) {
    return new BatchView(
        ((Number) r[0]).longValue(),
        Outbox.instant(r[1]),
        (String) r[2],
        ((Number) r[3]).intValue(),
        PostalBatchStatus.valueOf((String) r[4]),
        (String) r[5],
        r[6] == null ? null : Outbox.instant(r[6]),
        (String) r[7]);
  }

  private static final String ITEM_COLUMNS =
      "select id, verbale_id, channel, status, postal_outcome, postal_outcome_day,"
          + " postal_outcome_note, perfected_on from notification";

  private List<ItemView> items(long batchId) {
    List<ItemView> items = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(ITEM_COLUMNS + " where postal_batch_id = ?1 order by id")
            .setParameter(1, batchId)
            .getResultList()) {
      items.add(itemView((Object[]) o));
    }
    return items;
  }

  private ItemView item(long notificationId) {
    return itemView(
        (Object[])
            em.createNativeQuery(ITEM_COLUMNS + " where id = ?1")
                .setParameter(1, notificationId)
                .getSingleResult());
  }

  private ItemView itemView(Object[] r) {
    long verbaleId = ((Number) r[1]).longValue();
    var v = lifecycle.act(verbaleId).map(Act::verbale);
    return new ItemView(
        ((Number) r[0]).longValue(),
        verbaleId,
        v.map(x -> x.number()).orElse(""),
        v.map(x -> x.ownerName()).orElse(""),
        (String) r[2],
        NotificationStatus.valueOf((String) r[3]),
        r[4] == null ? null : PostalOutcome.valueOf((String) r[4]),
        date(r[5]),
        (String) r[6],
        date(r[7]));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ROME));
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    return ((java.sql.Date) value).toLocalDate();
  }

  private static NotificationsRuleException invalid(String code, String message) {
    return new NotificationsRuleException(code, message, Kind.INVALID_INPUT);
  }

  private static void put(ZipOutputStream zip, String name, byte[] content, long time)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(time);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
