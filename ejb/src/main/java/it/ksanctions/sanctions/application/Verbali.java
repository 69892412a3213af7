package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppModule.VERBALI;

import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.PaymentWindow;
import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.application.AmountsDue;
import it.ksanctions.command.application.BudgetChapters;
import it.ksanctions.command.application.CommandUsage;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaCreditor;
import it.ksanctions.command.application.VerbaleNumbering;
import it.ksanctions.command.domain.ChapterAllocation;
import it.ksanctions.command.domain.Dates;
import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.devices.application.DeviceDirectory;
import it.ksanctions.devices.domain.CalibrationCertificate;
import it.ksanctions.devices.domain.FixedDeviceFacts;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.RecordOwnership;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceStatus;
import it.ksanctions.sanctions.domain.DetectionStatus;
import it.ksanctions.sanctions.domain.NotificationTerm;
import it.ksanctions.sanctions.domain.PagoPaNotice;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.SpeedMeasurement;
import it.ksanctions.sanctions.domain.VehicleOwner;
import it.ksanctions.sanctions.domain.VerbalePin;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.sanctions.infrastructure.DetectionRow;
import it.ksanctions.sanctions.infrastructure.PreNoticeRow;
import it.ksanctions.sanctions.infrastructure.VerbaleRow;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verbali (issue 14, SPEC LIF-2): a validated detection or pre-notice becomes an act — numbered in
 * the same transaction (gapless, refused while a serious anomaly stands), priced per payment window
 * with the command's fees for the notification channel, with a pagoPA notice per window, its art.
 * 201 term, a PIN for the citizen portal kept only as a hash, and its PDF — all frozen at issue.
 * Then its life: every change of state checked by {@link VerbaleStatus} and recorded in the act's
 * timeline and the audit log. Visibility follows PRM-6 as for pre-notices.
 */
@ApplicationScoped
@Transactional
public class Verbali {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject VehicleRegistry registry;
  @Inject AmountsDue amounts;
  @Inject PlaceDirectory places;
  @Inject DeviceDirectory devices;
  @Inject IntegrationCredentials integrations;
  @Inject VerbaleNumbering numbering;
  @Inject CommandUsage usage;
  @Inject BudgetChapters chapters;
  @Inject VerbalePrinting printing;
  @Inject Outbox outbox;
  @Inject PreNoticePayments preNoticePayments;

  @jakarta.annotation.Resource jakarta.transaction.TransactionSynchronizationRegistry transactions;

  Clock clock = Clock.systemUTC();

  /** Where a verbale comes from. */
  public enum SourceKind {
    DETECTION,
    PRE_NOTICE
  }

  /** A violation to issue: a detection id or a pre-notice UUID. */
  public record Source(SourceKind kind, String id) {
    public static Source detection(long id) {
      return new Source(SourceKind.DETECTION, Long.toString(id));
    }

    public static Source preNotice(UUID id) {
      return new Source(SourceKind.PRE_NOTICE, id.toString());
    }
  }

  /** A window of an act: the sanction, the fees, the total and its pagoPA notice. */
  public record WindowView(
      PaymentWindowType type,
      BigDecimal sanction,
      BigDecimal fees,
      BigDecimal total,
      LocalDate lastDay,
      String iuv,
      String noticeCode,
      String creditorTaxCode,
      String qrPayload) {

    public long amountCents() {
      return total.movePointRight(2).longValueExact();
    }

    /** The notice code in groups of four digits, as printed ("" without a notice). */
    public String noticePrinted() {
      return noticeCode == null ? "" : new PagoPaNotice(noticeCode, iuv).printed();
    }

    public String label() {
      return switch (type) {
        case REDUCED_30 -> "Ridotto del 30% entro 5 giorni";
        case MINIMUM -> "Minimo entro 60 giorni";
        case HALF_MAXIMUM -> "Metà del massimo dopo 60 giorni";
      };
    }
  }

  /** A fee charged with the act. */
  public record FeeView(String code, String description, String category, BigDecimal amount) {}

  /** A step of the act's timeline. */
  public record EventView(
      Instant at, String by, VerbaleStatus from, VerbaleStatus to, String reason) {
    public String toLabel() {
      return to.italianLabel();
    }
  }

  /** An act as lists and the detail show it. */
  public record VerbaleView(
      long id,
      String number,
      VerbaleStatus status,
      String statusReason,
      SourceKind sourceKind,
      String sourceId,
      LocalDateTime violationAt,
      String placeCode,
      String placeDescription,
      String deviceCode,
      String calibration,
      LocalDate calibratedOn,
      String articleCode,
      String articleTitle,
      String articleText,
      String legalSource,
      String accessorySanctions,
      int points,
      String plate,
      String country,
      String vehicleType,
      BigDecimal measuredSpeed,
      Integer speedLimit,
      String ownerName,
      String ownerTaxCode,
      String ownerAddress,
      String ownerPec,
      NotificationChannel channel,
      LocalDate notificationDeadline,
      LocalDate issuedOn,
      String issuedBy,
      LocalDate notifiedOn,
      String officer,
      List<WindowView> windows,
      List<FeeView> fees,
      List<EventView> events) {

    public String statusLabel() {
      return status.italianLabel();
    }

    public String vehicleTypeOrBlank() {
      return vehicleType == null ? "" : vehicleType;
    }

    public String channelLabel() {
      return channel.italianLabel();
    }

    /** Days left on {@code today} to notify the act (art. 201); negative once lapsed. */
    public long daysToNotify(LocalDate today) {
      return java.time.temporal.ChronoUnit.DAYS.between(today, notificationDeadline);
    }
  }

  /** What the search asks; null fields do not filter. */
  /**
   * A search of acts; {@code awaitingNotification} keeps only the acts issued or sent and not
   * notified yet (the worklist's "verbali da notificare"), whatever {@code status} says.
   */
  public record Filter(
      LocalDate from,
      LocalDate to,
      VerbaleStatus status,
      String plate,
      String text,
      boolean awaitingNotification) {
    public Filter(LocalDate from, LocalDate to, VerbaleStatus status, String plate, String text) {
      this(from, to, status, plate, text, false);
    }

    public static Filter all() {
      return new Filter(null, null, null, null, null, false);
    }
  }

  /** The outcome of issuing a selection: the acts made and, for each refused violation, why. */
  public record BulkOutcome(List<VerbaleView> issued, Map<String, String> refused) {}

  /** An issued act and its PIN, which is shown once (printed on the PDF) and never stored. */
  public record Issued(VerbaleView verbale, String pin) {}

  /**
   * Issues the act of one validated violation, with the notification {@code channel} (null: PEC
   * when the owner has one, abroad for a foreign owner, else SEND).
   *
   * @throws SanctionsRuleException with the reason when the violation cannot become an act
   */
  public Issued issue(Source source, NotificationChannel channel) {
    StaffProfile staff = currentStaff.require(VERBALI, CREATE);
    Made made = issueAs(staff, source, channel, false);
    return new Issued(made.view(), made.pin());
  }

  /** The draft of an act: what it would say if issued now, and its PDF marked "BOZZA". */
  public record Draft(VerbaleView verbale, byte[] pdf) {}

  /** The number a draft shows: it takes none. */
  public static final String DRAFT_NUMBER = "BOZZA";

  /**
   * The draft of the act of one validated violation (issue 14 item 5, ADR 0008): every check and
   * figure of {@link #issue} — refusals included — and the PDF, made in a transaction that is then
   * rolled back. Nothing is kept: no number is taken, no IUV, no PIN, no debt position, no audit
   * entry; the draft is not a stored state, the violation stays as it was.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Draft draft(Source source, NotificationChannel channel) {
    StaffProfile staff = currentStaff.require(VERBALI, CREATE);
    try {
      Made made = issueAs(staff, source, channel, true);
      return new Draft(made.view(), made.draftPdf());
    } finally {
      transactions.setRollbackOnly();
    }
  }

  private record Made(VerbaleView view, String pin, byte[] draftPdf) {}

  /**
   * Issues many validated violations: each in its own transaction (a refused one does not undo the
   * others), in the given order.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public BulkOutcome issueAll(List<Source> sources, NotificationChannel channel) {
    Verbali self = self();
    List<VerbaleView> issued = new ArrayList<>();
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    for (Source source : new LinkedHashSet<>(sources)) {
      try {
        issued.add(self.issue(source, channel).verbale());
      } catch (RuntimeException e) {
        it.ksanctions.shared.RuleViolation rule = ruleOf(e);
        if (rule == null) {
          throw e;
        }
        refused.put(source.id(), rule.italianMessage());
      }
    }
    return new BulkOutcome(List.copyOf(issued), refused);
  }

  /** What became of one item of a bulk issue: the act's number, or why it was refused. */
  public record ItemOutcome(String number, String refusal) {}

  /**
   * Issues one item of a bulk issue (the batch job) in its own transaction; a refusal is told, not
   * thrown. A violation that already has an act (a chunk issued before its checkpoint was lost) is
   * told as issued with that act's number, so a restarted run makes no second act.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public ItemOutcome issueForRun(Source source, NotificationChannel channel) {
    Verbali self = self();
    try {
      return new ItemOutcome(self.issueInNewTransaction(source, channel), null);
    } catch (RuntimeException e) {
      it.ksanctions.shared.RuleViolation rule = ruleOf(e);
      if (rule == null) {
        throw e;
      }
      if (rule.code().equals("sanctions.verbale.already-issued")) {
        Optional<String> number = self.numberOf(source);
        if (number.isPresent()) {
          return new ItemOutcome(number.get(), null);
        }
      }
      return new ItemOutcome(null, rule.italianMessage());
    }
  }

  /** Issues one act in a transaction of its own; its number. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String issueInNewTransaction(Source source, NotificationChannel channel) {
    return issue(source, channel).verbale().number();
  }

  /** The number of the act made from {@code source}, if any. */
  public Optional<String> numberOf(Source source) {
    return bySource(source).map(VerbaleRow::number);
  }

  /** This bean through its container proxy, so that its transaction attributes apply. */
  private static Verbali self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(Verbali.class).get();
  }

  private static it.ksanctions.shared.RuleViolation ruleOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof it.ksanctions.shared.RuleViolation rule) {
        return rule;
      }
    }
    return null;
  }

  private Made issueAs(
      StaffProfile staff, Source source, NotificationChannel channel, boolean draft) {
    VerbaleRow.Facts facts = facts(staff, source);
    Optional<VerbaleRow> already = bySource(source);
    if (already.isPresent()) {
      throw new SanctionsRuleException(
          "sanctions.verbale.already-issued",
          "La violazione è già diventata il verbale n. "
              + already.get().number()
              + ": non se ne emette un secondo.");
    }
    LocalDate today = LocalDate.now(clock.withZone(ROME));
    NotificationTerm term =
        NotificationTerm.of(facts.violationAt().toLocalDate(), facts.ownerAbroad());
    boolean contested = facts.contestedOnTheSpot();
    LocalDate violationDay = facts.violationAt().toLocalDate();
    // A pre-notice paid before notification (ADR 0013) becomes an act already paid: priced from
    // the violation day without notification fees, with no notice of its own to collect.
    Optional<PreNoticePayments.NoticeView> paidOnPreNotice =
        source.kind() == SourceKind.PRE_NOTICE
            ? preNoticePayments.paidOf(UUID.fromString(source.id()))
            : Optional.empty();
    boolean fromViolationDay = contested || paidOnPreNotice.isPresent();
    if (!contested && term.lapsed(today)) {
      throw new SanctionsRuleException(
          "sanctions.verbale.term-lapsed",
          "Il termine di notifica dell'art. 201 CdS ("
              + (facts.ownerAbroad() ? "360" : "90")
              + " giorni dall'accertamento) è scaduto il "
              + Dates.italian(term.lastDay())
              + ": un verbale notificato ora sarebbe nullo e non viene emesso.");
    }
    PagoPaCreditor creditor =
        integrations
            .pagoPaCreditor()
            .orElseThrow(
                () ->
                    new SanctionsRuleException(
                        "sanctions.verbale.pagopa-missing",
                        "Configurare pagoPA (codice fiscale dell'ente creditore e codice di"
                            + " segregazione) in Comando › Integrazioni prima di emettere"
                            + " verbali: ogni verbale riporta gli avvisi di pagamento."));
    NotificationChannel chosen = channel == null ? defaultChannel(facts) : channel;
    if (facts.ownerAbroad() && chosen != NotificationChannel.ABROAD) {
      chosen = NotificationChannel.ABROAD;
    }
    AmountsDue.Quote quote =
        amounts
            .quote(
                ArticleCode.parse(facts.articleCode()),
                facts.violationAt(),
                fromViolationDay ? violationDay : today,
                fromViolationDay ? null : chosen)
            .orElseThrow(
                () ->
                    new SanctionsRuleException(
                        "sanctions.verbale.article-not-in-force",
                        "L'articolo "
                            + facts.articleCode()
                            + " non era in vigore il giorno della violazione ("
                            + Dates.italian(facts.violationAt().toLocalDate())
                            + "): il verbale non può essere emesso."));
    String pin = VerbalePin.generate();
    Instant now = Instant.now(clock);
    // An act contested on the spot already has the number of the device's block (accounted for
    // there); otherwise CMD-4/CMD-7: the number last, in this transaction (refused while a
    // serious anomaly stands).
    String numberText =
        draft
            ? DRAFT_NUMBER
            : contested ? facts.contestedNumber() : numbering.allocate(null, today).text();
    VerbaleRow row =
        VerbaleRow.issued(
            withArticle(facts, quote),
            numberText,
            chosen.name(),
            contested ? violationDay : term.lastDay(),
            today,
            now,
            staff.username(),
            VerbalePin.hash(pin),
            VerbalePin.tag(pin));
    em.persist(row);
    em.flush();
    BigDecimal feeTotal = it.ksanctions.command.domain.FeeSchedule.sum(quote.fees());
    for (PaymentWindow window : quote.windows().windows()) {
      String iuv = null;
      String notice = null;
      if (window.type() != PaymentWindowType.HALF_MAXIMUM && paidOnPreNotice.isEmpty() && !draft) {
        long base =
            ((Number) em.createNativeQuery("select nextval('verbale_iuv_base')").getSingleResult())
                .longValue();
        PagoPaNotice n = PagoPaNotice.of(creditor.segregationCode(), base);
        iuv = n.iuv();
        notice = n.noticeCode();
      }
      em.createNativeQuery(
              "insert into verbale_window (verbale_id, window_type, sanction, fees, total, iuv,"
                  + " notice_code, last_day) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as date))")
          .setParameter(1, row.id())
          .setParameter(2, window.type().name())
          .setParameter(3, window.amount())
          .setParameter(4, feeTotal)
          .setParameter(5, quote.total(window))
          .setParameter(6, iuv)
          .setParameter(7, notice)
          .setParameter(
              8, fromViolationDay && window.lastDay() != null ? window.lastDay().toString() : null)
          .executeUpdate();
    }
    for (FeeLine fee : quote.fees()) {
      em.createNativeQuery(
              "insert into verbale_fee (verbale_id, code, description, category, amount)"
                  + " values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, row.id())
          .setParameter(2, fee.code())
          .setParameter(3, fee.description())
          .setParameter(4, fee.category().name())
          .setParameter(5, fee.amount())
          .executeUpdate();
    }
    Set<String> chapterCodes = new java.util.TreeSet<>();
    for (ChapterAllocation share : chapters.planFor(quote.version().getCategory())) {
      if (chapterCodes.add(share.chapterCode())) {
        em.createNativeQuery(
                "insert into verbale_split (verbale_id, chapter_code, percentage)"
                    + " values (?1, ?2, ?3)")
            .setParameter(1, row.id())
            .setParameter(2, share.chapterCode())
            .setParameter(3, share.percentage())
            .executeUpdate();
      }
    }
    if (!draft) {
      usage.recordCharges(
          numberText, quote.fees().stream().map(FeeLine::code).toList(), chapterCodes);
    }
    event(row.id(), now, staff.username(), null, VerbaleStatus.ISSUED, null);
    if (contested) {
      row.moveTo(VerbaleStatus.NOTIFIED, null);
      row.notifiedOn(violationDay);
      event(
          row.id(),
          now,
          staff.username(),
          VerbaleStatus.ISSUED,
          VerbaleStatus.NOTIFIED,
          "Contestazione immediata il " + Dates.italian(violationDay) + " (art. 200 CdS)");
    }
    if (draft) {
      VerbaleView view = view(row, creditor.creditorTaxCode());
      return new Made(view, null, printing.draft(view, creditor));
    }
    if (source.kind() == SourceKind.PRE_NOTICE) {
      // its unpaid pre-notice notices can no longer be paid (invalidated through the outbox)
      preNoticePayments.issuing(UUID.fromString(source.id()), row.id());
    }
    if (paidOnPreNotice.isPresent()) {
      PreNoticePayments.NoticeView paid = paidOnPreNotice.get();
      VerbaleStatus from = row.status();
      row.moveTo(VerbaleStatus.PAID, null);
      event(
          row.id(),
          now,
          staff.username(),
          from,
          VerbaleStatus.PAID,
          "Pagato sul preavviso il "
              + Dates.italian(paid.paidAt().atZone(ROME).toLocalDate())
              + " senza spese di notifica: ricevuta pagoPA "
              + paid.receiptId()
              + ", euro "
              + paid.paidAmount().toPlainString());
    } else {
      // The debt position on pagoPA, published after commit by the outbox (issue 15).
      outbox.enqueue(
          it.ksanctions.sanctions.domain.OutboxTopics.DEBT_POSITION_PUBLISH,
          row.id(),
          null,
          "publish:" + row.id());
    }
    audit.record(VERBALI, "Verbali: emissione", AuditOperation.CHANGE, numberText);
    VerbaleView view = view(row, creditor.creditorTaxCode());
    printing.print(row.id(), view, pin, creditor);
    return new Made(view, pin, null);
  }

  private static NotificationChannel defaultChannel(VerbaleRow.Facts facts) {
    if (facts.ownerAbroad()) {
      return NotificationChannel.ABROAD;
    }
    return facts.ownerPec() != null && !facts.ownerPec().isBlank()
        ? NotificationChannel.PEC
        : NotificationChannel.SEND;
  }

  private static VerbaleRow.Facts withArticle(VerbaleRow.Facts f, AmountsDue.Quote quote) {
    var version = quote.version();
    String accessory =
        version.terms().accessorySanctions().isEmpty()
            ? null
            : version.terms().accessorySanctions().stream()
                .map(Object::toString)
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse(null);
    return new VerbaleRow.Facts(
        f.sourceKind(),
        f.sourceId(),
        f.violationAt(),
        f.placeCode(),
        f.placeDescription(),
        f.deviceCode(),
        f.calibrationNumber(),
        f.calibratedOn(),
        version.terms().code().toString(),
        version.terms().validFrom(),
        clip(version.getShortDescription(), 300),
        version.getDescription(),
        clip(version.getLegalSource(), 300),
        version.getPoints(),
        clip(accessory, 300),
        f.decidedRule(),
        f.plate(),
        f.country(),
        f.vehicleType(),
        f.measuredSpeed(),
        f.speedLimit(),
        f.ownerKind(),
        f.ownerName(),
        f.ownerTaxCode(),
        f.ownerAddress(),
        f.ownerPec(),
        f.ownerAbroad(),
        f.officer(),
        f.department(),
        f.contestedNumber());
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** The frozen facts of the violation, checked; the source row stays locked until commit. */
  private VerbaleRow.Facts facts(StaffProfile staff, Source source) {
    LocalDateTime at;
    String placeCode;
    String deviceCode;
    String articleCode;
    String plate;
    String country;
    String vehicleType;
    BigDecimal speed;
    Integer limit;
    String rule;
    String officer;
    String department;
    String contestedNumber = null;
    if (source.kind() == SourceKind.DETECTION) {
      long id;
      try {
        id = Long.parseLong(source.id());
      } catch (NumberFormatException e) {
        throw notFound(source);
      }
      DetectionRow d = em.find(DetectionRow.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (d == null || !DetectionVisibility.sees(staff)) {
        throw notFound(source);
      }
      if (d.status() != DetectionStatus.VALIDATED) {
        throw new SanctionsRuleException(
            "sanctions.verbale.not-validated",
            "La rilevazione della targa "
                + d.plate()
                + " non è validata (stato: "
                + d.status().italianLabel()
                + "): solo una violazione validata diventa verbale.");
      }
      at = d.detectedAt();
      placeCode = d.placeCode();
      deviceCode = d.deviceCode();
      articleCode = d.articleCode();
      plate = d.plate();
      country = d.country();
      vehicleType = d.vehicleType();
      speed = d.measuredSpeed();
      limit = d.speedLimit();
      rule = d.decidedRule();
      officer = staff.username();
      department = staff.departmentId();
    } else {
      UUID id;
      try {
        id = UUID.fromString(source.id());
      } catch (IllegalArgumentException e) {
        throw notFound(source);
      }
      PreNoticeRow p = em.find(PreNoticeRow.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (p == null) {
        throw notFound(source);
      }
      var notice = p.toDomain(List.of());
      PreNoticeVisibility.requireVisible(staff, notice.ownership(), source.id());
      if (notice.status() != PreNoticeStatus.VALIDATED) {
        throw new SanctionsRuleException(
            "sanctions.verbale.not-validated",
            "Il preavviso della targa "
                + notice.plate().display()
                + " non è validato (stato: "
                + notice.status().italianLabel()
                + "): solo una violazione validata diventa verbale.");
      }
      at = LocalDateTime.ofInstant(notice.violationAt(), ROME);
      placeCode = notice.placeCode();
      deviceCode = notice.deviceCode();
      articleCode = notice.articleCode();
      plate = notice.plate().number();
      country = notice.plate().country();
      vehicleType = notice.vehicleType().italianLabel();
      speed = null;
      limit = null;
      rule = null;
      officer = notice.officer();
      department = notice.department();
      contestedNumber = notice.verbaleNumber();
    }
    Place place =
        places
            .place(placeCode)
            .orElseThrow(
                () ->
                    new SanctionsRuleException(
                        "sanctions.verbale.place-unknown",
                        "Il luogo " + placeCode + " non è nell'anagrafica dei luoghi."));
    if (place.status() != PlaceStatus.ACTIVE) {
      throw new SanctionsRuleException(
          "sanctions.verbale.place-inactive",
          "Il luogo "
              + placeCode
              + " è disattivato: riattivarlo o correggere la violazione prima di emettere il"
              + " verbale.");
    }
    String calibration = null;
    LocalDate calibratedOn = null;
    if (source.kind() == SourceKind.DETECTION && deviceCode != null) {
      Optional<FixedDeviceFacts> device = devices.fixedDevice(deviceCode);
      if (device.isPresent()) {
        LocalDate day = at.toLocalDate();
        Optional<CalibrationCertificate> certificate =
            device.get().certificates().stream().filter(c -> c.covers(day)).findFirst();
        if (certificate.isPresent()) {
          calibration = certificate.get().number() + " (" + certificate.get().issuer() + ")";
          calibratedOn = certificate.get().calibratedOn();
        }
      }
    }
    VehicleOwner owner =
        registry
            .ownerOf(plate, country, at.toLocalDate())
            .orElseThrow(
                () ->
                    new SanctionsRuleException(
                        "sanctions.verbale.owner-missing",
                        "Mancano i dati del proprietario della targa "
                            + plate
                            + " alla data della violazione: registrarli in Proprietari (a mano"
                            + " o da file) prima di emettere il verbale.",
                        Kind.CONFLICT));
    boolean abroad = !"IT".equals(country);
    return new VerbaleRow.Facts(
        source.kind().name(),
        source.id(),
        at,
        placeCode,
        place.current().name(),
        deviceCode,
        calibration,
        calibratedOn,
        articleCode,
        null,
        null,
        null,
        null,
        0,
        null,
        rule,
        plate,
        country,
        vehicleType,
        speed,
        limit,
        owner.kind().name(),
        owner.name(),
        owner.taxCode(),
        owner.address(),
        owner.pec(),
        abroad,
        officer,
        department,
        contestedNumber);
  }

  private static SanctionsRuleException notFound(Source source) {
    return new SanctionsRuleException(
        "sanctions.verbale.source-not-found",
        source.kind() == SourceKind.DETECTION
            ? "Rilevazione inesistente: " + source.id() + "."
            : "Preavviso inesistente o non visibile con il proprio profilo.",
        Kind.NOT_FOUND);
  }

  private Optional<VerbaleRow> bySource(Source source) {
    return em
        .createQuery(
            "select v from VerbaleRow v where v.sourceKind = :kind and v.sourceId = :id",
            VerbaleRow.class)
        .setParameter("kind", source.kind().name())
        .setParameter("id", source.id())
        .getResultList()
        .stream()
        .findFirst();
  }

  /** How many acts the list shows at most ({@link #count} tells how many match). */
  public static final int LIST_MAX = 500;

  /** How many acts one export holds at most; a larger one is refused with the reason. */
  public static final int EXPORT_MAX = 20_000;

  /** The acts the current user sees, newest first (at most {@value #LIST_MAX}). */
  public List<VerbaleView> search(Filter filter) {
    StaffProfile staff = currentStaff.require(VERBALI, ACCESS);
    return rows(staff, filter, LIST_MAX).stream().map(this::listView).toList();
  }

  /** How many acts of {@code filter} the current user sees (the list shows the first 500). */
  public long count(Filter filter) {
    StaffProfile staff = currentStaff.require(VERBALI, ACCESS);
    Map<String, Object> parameters = new HashMap<>();
    String where = where(staff, filter, parameters);
    var query = em.createQuery("select count(v) from VerbaleRow v where " + where, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  private List<VerbaleRow> rows(StaffProfile staff, Filter filter, int max) {
    Map<String, Object> parameters = new HashMap<>();
    String where = where(staff, filter, parameters);
    TypedQuery<VerbaleRow> query =
        em.createQuery(
            "select v from VerbaleRow v where " + where + " order by v.issuedAt desc, v.id desc",
            VerbaleRow.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(max).getResultList();
  }

  private static String where(StaffProfile staff, Filter filter, Map<String, Object> parameters) {
    StringBuilder jpql = new StringBuilder("1 = 1");
    PreNoticeVisibility.Condition visible = PreNoticeVisibility.of(staff, "v");
    jpql.append(" and ").append(visible.jpql());
    parameters.putAll(visible.parameters());
    if (filter.from() != null) {
      jpql.append(" and v.issuedOn >= :from");
      parameters.put("from", filter.from());
    }
    if (filter.to() != null) {
      jpql.append(" and v.issuedOn <= :to");
      parameters.put("to", filter.to());
    }
    if (filter.awaitingNotification()) {
      jpql.append(" and v.status in :waiting");
      parameters.put("waiting", List.of(VerbaleStatus.ISSUED, VerbaleStatus.SENT));
    } else if (filter.status() != null) {
      jpql.append(" and v.status = :status");
      parameters.put("status", filter.status());
    }
    if (filter.plate() != null && !filter.plate().isBlank()) {
      jpql.append(" and v.plate = :plate");
      parameters.put("plate", filter.plate().strip().toUpperCase(Locale.ROOT).replace(" ", ""));
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      jpql.append(
          " and (lower(v.number) like :text or lower(v.ownerName) like :text"
              + " or lower(v.ownerTaxCode) like :text)");
      parameters.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%");
    }
    return jpql.toString();
  }

  /** The files an export of the acts can be. */
  public enum ExportFormat {
    CSV,
    EXCEL,
    /** A list to print, A4 landscape. */
    PDF
  }

  /**
   * The acts of {@code filter} as a CSV (UTF-8, semicolons), Excel or PDF list file, within the
   * viewer's visibility; refused to read-only profiles (auditors) and to roles without export.
   */
  public byte[] export(Filter filter, ExportFormat format) {
    StaffProfile staff =
        currentStaff.require(VERBALI, it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY);
    if (!staff.scope().allowsExport()) {
      throw new SanctionsRuleException(
          "sanctions.verbale.read-only",
          "Il proprio profilo consente di consultare i verbali in sola lettura, senza esportarli.");
    }
    Filter wanted = filter == null ? Filter.all() : filter;
    long matching = count(wanted);
    if (matching > EXPORT_MAX) {
      throw new SanctionsRuleException(
          "sanctions.verbale.export-too-large",
          "La ricerca trova "
              + matching
              + " verbali: un'esportazione ne contiene al massimo "
              + EXPORT_MAX
              + ". Restringere il periodo o lo stato.");
    }
    List<VerbaleView> found = rows(staff, wanted, EXPORT_MAX).stream().map(this::listView).toList();
    String[] headers = {
      "Numero",
      "Emesso il",
      "Stato",
      "Data e ora violazione",
      "Luogo",
      "Articolo",
      "Punti",
      "Targa",
      "Nazione",
      "Obbligato",
      "Codice fiscale",
      "Canale",
      "Termine di notifica",
      "Notificato il",
      "Agente"
    };
    java.time.format.DateTimeFormatter when =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    List<Object[]> rows =
        found.stream()
            .map(
                v ->
                    new Object[] {
                      v.number(),
                      Dates.italian(v.issuedOn()),
                      v.statusLabel(),
                      when.format(v.violationAt()),
                      v.placeCode(),
                      v.articleCode(),
                      v.points(),
                      v.plate(),
                      v.country(),
                      v.ownerName(),
                      v.ownerTaxCode(),
                      v.channelLabel(),
                      Dates.italian(v.notificationDeadline()),
                      v.notifiedOn() == null ? "" : Dates.italian(v.notifiedOn()),
                      v.officer()
                    })
            .toList();
    audit.record(
        VERBALI, "Verbali: esportazione", AuditOperation.EXPORT, found.size() + " verbali");
    if (format == ExportFormat.EXCEL) {
      return it.ksanctions.shared.TabularExport.xlsx("Verbali", headers, rows);
    }
    List<String[]> text =
        rows.stream()
            .map(r -> java.util.Arrays.stream(r).map(String::valueOf).toArray(String[]::new))
            .toList();
    if (format == ExportFormat.PDF) {
      return it.ksanctions.shared.TabularExport.pdf(
          "Elenco dei verbali",
          "Elenco dei verbali",
          text.size() + (text.size() == 1 ? " riga" : " righe"),
          headers,
          new float[] {9, 6, 7, 8, 6, 5, 4, 6, 5, 9, 10, 10, 6, 6, 7},
          Set.of(),
          text);
    }
    return it.ksanctions.shared.TabularExport.csv(headers, text);
  }

  /** One act with its windows, fees and timeline. */
  public VerbaleView detail(long id) {
    StaffProfile staff = currentStaff.require(VERBALI, ACCESS);
    return view(visible(staff, id));
  }

  /** The act's PDF as printed at issue. */
  public Optional<byte[]> pdf(long id) {
    StaffProfile staff = currentStaff.require(VERBALI, ACCESS);
    VerbaleRow row = visible(staff, id);
    audit.record(VERBALI, "Verbali: stampa", AuditOperation.READ, row.number());
    return printing.pdf(id);
  }

  /**
   * Annuls an act in self-protection (autotutela) with its reason; the number stays used and the
   * pagoPA notices are no longer payable.
   */
  public VerbaleView annul(long id, String reason) {
    StaffProfile staff = currentStaff.require(VERBALI, DELETE_LOGICAL);
    if (reason == null || reason.isBlank()) {
      throw new SanctionsRuleException(
          "sanctions.verbale.annul-reason-required",
          "Indicare il motivo dell'annullamento in autotutela.",
          Kind.INVALID_INPUT);
    }
    if (reason.strip().length() > 1000) {
      throw new SanctionsRuleException(
          "sanctions.verbale.annul-reason-too-long",
          "Il motivo dell'annullamento può avere al massimo 1000 caratteri.",
          Kind.INVALID_INPUT);
    }
    VerbaleRow row = changeable(staff, id);
    move(row, VerbaleStatus.ANNULLED, reason.strip(), staff.username());
    outbox.enqueue(
        it.ksanctions.sanctions.domain.OutboxTopics.DEBT_POSITION_INVALIDATE,
        row.id(),
        null,
        "invalidate:" + row.id());
    audit.record(
        VERBALI, "Verbali: annullamento in autotutela", AuditOperation.DELETE, row.number());
    return view(row);
  }

  /**
   * Records that the act was notified on {@code day} (its perfection date): the payment windows run
   * from then on.
   */
  public VerbaleView notified(long id, LocalDate day) {
    StaffProfile staff =
        currentStaff.require(VERBALI, it.ksanctions.permissions.domain.AppAction.EDIT);
    VerbaleRow row = changeable(staff, id);
    if (day == null || day.isAfter(LocalDate.now(clock.withZone(ROME)))) {
      throw new SanctionsRuleException(
          "sanctions.verbale.notified-on-invalid",
          "Indicare la data di perfezionamento della notifica, non futura.",
          Kind.INVALID_INPUT);
    }
    if (day.isBefore(row.issuedOn())) {
      throw new SanctionsRuleException(
          "sanctions.verbale.notified-before-issue",
          "La notifica non può precedere l'emissione del verbale ("
              + Dates.italian(row.issuedOn())
              + ").",
          Kind.INVALID_INPUT);
    }
    applyNotified(row, day, staff.username(), null);
    audit.record(VERBALI, "Verbali: notifica", AuditOperation.CHANGE, row.number());
    return view(row);
  }

  /**
   * Moves the act to NOTIFIED on {@code day}, computes its windows' last days from then and asks
   * the outbox to update the pagoPA due dates (the officer's record, or the system's when SEND or
   * PEC tells the perfection date).
   */
  void applyNotified(VerbaleRow row, LocalDate day, String by, String reason) {
    move(row, VerbaleStatus.NOTIFIED, reason, by);
    row.notifiedOn(day);
    VerbaleRow.Facts f = row.facts();
    amounts
        .quote(
            ArticleCode.parse(f.articleCode()),
            f.violationAt(),
            day,
            NotificationChannel.valueOf(row.channel()))
        .ifPresent(
            quote -> {
              for (PaymentWindow window : quote.windows().windows()) {
                em.createNativeQuery(
                        "update verbale_window set last_day = ?1 where verbale_id = ?2"
                            + " and window_type = ?3")
                    .setParameter(1, window.lastDay())
                    .setParameter(2, row.id())
                    .setParameter(3, window.type().name())
                    .executeUpdate();
              }
            });
    outbox.enqueue(
        it.ksanctions.sanctions.domain.OutboxTopics.DEBT_POSITION_DUE_DATES,
        row.id(),
        null,
        "due-dates:" + row.id() + ":" + day);
  }

  void move(VerbaleRow row, VerbaleStatus target, String reason, String by) {
    VerbaleStatus from = row.status();
    if (!from.canMoveTo(target)) {
      throw from.refusal(row.number(), target);
    }
    row.moveTo(target, reason);
    event(row.id(), Instant.now(clock), by, from, target, reason);
  }

  private VerbaleRow visible(StaffProfile staff, long id) {
    VerbaleRow row = em.find(VerbaleRow.class, id);
    if (row == null) {
      throw missing(id);
    }
    PreNoticeVisibility.requireVisible(
        staff, new RecordOwnership(row.officer(), row.department()), Long.toString(id));
    return row;
  }

  private VerbaleRow changeable(StaffProfile staff, long id) {
    VerbaleRow row = em.find(VerbaleRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw missing(id);
    }
    PreNoticeVisibility.requireChangeable(
        staff, new RecordOwnership(row.officer(), row.department()), Long.toString(id));
    return row;
  }

  private static SanctionsRuleException missing(long id) {
    return new SanctionsRuleException(
        "sanctions.verbale.not-found",
        "Verbale inesistente o non visibile con il proprio profilo.",
        Kind.NOT_FOUND);
  }

  void event(
      long verbaleId, Instant at, String by, VerbaleStatus from, VerbaleStatus to, String reason) {
    em.createNativeQuery(
            "insert into verbale_event (verbale_id, at, by_user, from_status, to_status, reason)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, verbaleId)
        .setParameter(2, at)
        .setParameter(3, by)
        .setParameter(4, from == null ? null : from.name())
        .setParameter(5, to.name())
        .setParameter(6, reason)
        .executeUpdate();
  }

  private VerbaleView listView(VerbaleRow row) {
    return build(row, List.of(), List.of(), List.of());
  }

  VerbaleView view(VerbaleRow row) {
    return view(
        row, integrations.pagoPaCreditor().map(PagoPaCreditor::creditorTaxCode).orElse(null));
  }

  /** The act with its windows (QR payloads for {@code creditor}), fees and timeline. */
  private VerbaleView view(VerbaleRow row, String creditor) {
    List<WindowView> windows = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select window_type, sanction, fees, total, iuv, notice_code, last_day"
                    + " from verbale_window"
                    + " where verbale_id = ?1 order by case window_type when 'REDUCED_30' then 0"
                    + " when 'MINIMUM' then 1 else 2 end")
            .setParameter(1, row.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      PaymentWindowType type = PaymentWindowType.valueOf((String) r[0]);
      BigDecimal total = (BigDecimal) r[3];
      String notice = (String) r[5];
      String qr =
          notice == null || creditor == null
              ? null
              : new PagoPaNotice(notice, (String) r[4])
                  .qrPayload(creditor, total.movePointRight(2).longValueExact());
      windows.add(
          new WindowView(
              type,
              (BigDecimal) r[1],
              (BigDecimal) r[2],
              total,
              day(r[6]),
              (String) r[4],
              notice,
              creditor,
              qr));
    }
    List<FeeView> fees = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select code, description, category, amount from verbale_fee where verbale_id = ?1"
                    + " order by code")
            .setParameter(1, row.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      fees.add(new FeeView((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3]));
    }
    List<EventView> events = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select at, by_user, from_status, to_status, reason from verbale_event"
                    + " where verbale_id = ?1 order by at, id")
            .setParameter(1, row.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      events.add(
          new EventView(
              instant(r[0]),
              (String) r[1],
              r[2] == null ? null : VerbaleStatus.valueOf((String) r[2]),
              VerbaleStatus.valueOf((String) r[3]),
              (String) r[4]));
    }
    return build(row, windows, fees, events);
  }

  private static VerbaleView build(
      VerbaleRow row, List<WindowView> windows, List<FeeView> fees, List<EventView> events) {
    VerbaleRow.Facts f = row.facts();
    return new VerbaleView(
        row.id(),
        row.number(),
        row.status(),
        row.statusReason(),
        SourceKind.valueOf(f.sourceKind()),
        f.sourceId(),
        f.violationAt(),
        f.placeCode(),
        f.placeDescription(),
        f.deviceCode(),
        f.calibrationNumber(),
        f.calibratedOn(),
        f.articleCode(),
        f.articleTitle(),
        f.articleText(),
        f.legalSource(),
        f.accessorySanctions(),
        f.points(),
        f.plate(),
        f.country(),
        f.vehicleType(),
        f.measuredSpeed(),
        f.speedLimit(),
        f.ownerName(),
        f.ownerTaxCode(),
        f.ownerAddress(),
        f.ownerPec(),
        NotificationChannel.valueOf(row.channel()),
        row.notificationDeadline(),
        row.issuedOn(),
        row.issuedBy(),
        row.notifiedOn(),
        f.officer(),
        List.copyOf(windows),
        List.copyOf(fees),
        List.copyOf(events));
  }

  private static LocalDate day(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
  }

  /** The speed figures of a detection, as the act prints them. */
  static Optional<SpeedMeasurement> speed(VerbaleView v) {
    return v.measuredSpeed() == null || v.speedLimit() == null
        ? Optional.empty()
        : Optional.of(new SpeedMeasurement(v.measuredSpeed(), v.speedLimit()));
  }
}
