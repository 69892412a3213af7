package it.ksanctions.portal.application;

import it.ksanctions.command.application.CommandMail;
import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.payments.application.InstalmentPositions;
import it.ksanctions.payments.application.InstalmentPositions.NoticeView;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.portal.application.PortalFiles.FileView;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.AttachmentCheck;
import it.ksanctions.portal.domain.Instalment;
import it.ksanctions.portal.domain.InstalmentPlan;
import it.ksanctions.portal.domain.InstalmentRules;
import it.ksanctions.portal.domain.InstalmentRules.Eligibility;
import it.ksanctions.portal.domain.PlanStanding;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Instalment plans under art. 202-bis CdS asked from the citizen portal (issue 16 item 5, SPEC
 * POR-6), and the office's decision on them (Pagamenti: ACCESS to see, EDIT to decide).
 *
 * <p>The citizen, on an act opened with codice fiscale and PIN, checks eligibility ({@link
 * InstalmentRules#check}: the amount due today is the total of the window payable today, the
 * taxable income and the family members living together, the notification day and today), chooses
 * the number of instalments, reads the schedule and the notice that asking waives the appeal, and
 * sends the request with the income self-declaration (PDF, JPEG or PNG, checked by content). A
 * request is refused, in Italian, for an act not notified, paid, annulled or under appeal, for one
 * with a plan already asked or granted, and when not eligible (every reason at once).
 *
 * <p><b>Schedule.</b> Monthly instalments ({@link InstalmentPlan}); the first falls due {@value
 * #FIRST_DUE_DAYS} days after the approval, each next one a month later. Before the approval the
 * schedule shown is provisional (as if approved today). The amount and the annual interest rate are
 * fixed when the citizen asks (what the citizen accepted); the rate is the command setting {@value
 * #RATE_SETTING} (a percentage, e.g. {@code 2.00}), {@link #DEFAULT_RATE} while the command has not
 * set it — shown as "da confermare".
 *
 * <p><b>Approval.</b> The schedule is fixed and handed to payments ({@link InstalmentPositions}),
 * which makes one pagoPA notice per instalment and publishes it through the outbox, in the same
 * transaction. Each decision is e-mailed to the address the citizen gave and shown on the act's
 * page with the schedule, the notices and the plan's standing ({@link PlanStanding}).
 */
@ApplicationScoped
public class InstalmentRequests {

  private static final Logger LOG = Logger.getLogger(InstalmentRequests.class);
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The command setting holding the annual interest rate (art. 21 DPR 602/1973), a percentage. */
  public static final String RATE_SETTING = "instalments.annual-rate";

  /** The rate used while the command has not set {@link #RATE_SETTING}: to be confirmed. */
  public static final BigDecimal DEFAULT_RATE = new BigDecimal("2.00");

  /** The first instalment falls due this many days after the approval. */
  public static final int FIRST_DUE_DAYS = 30;

  /** Who decided a request the office left undecided past the term. */
  public static final String SYSTEM = "sistema";

  /** The reason recorded on a request the office left undecided past the term. */
  public static final String SILENT_REJECTION =
      "Nessuna decisione entro "
          + InstalmentRules.DECISION_TERM_DAYS
          + " giorni dalla richiesta: la richiesta si intende respinta (art. 202-bis CdS).";

  /** The largest taxable income accepted as input (a typo guard, far above every limit). */
  static final BigDecimal MAX_INCOME = new BigDecimal("9999999999.99");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject PortalFiles files;
  @Inject VerbaleLifecycle lifecycle;
  @Inject InstalmentPositions positions;
  @Inject CommandSettings settings;
  @Inject CurrentStaff currentStaff;
  @Inject CommandMail mail;
  @Inject CurrentTenant tenant;

  Clock clock = Clock.systemUTC();

  /** Where a plan stands in the office's workflow. Constant names are stored. */
  public enum Status {
    REQUESTED("Richiesta ricevuta"),
    APPROVED("Approvata"),
    REJECTED("Respinta");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * Where a plan stands as the citizen and the office read it: the workflow's status, and for an
   * approved plan whether it ended early (decadenza) or was paid off.
   */
  public enum Stage {
    REQUESTED("Richiesta ricevuta"),
    APPROVED("Approvata, in corso"),
    FORFEITED("Decaduta: il residuo è dovuto in un'unica soluzione"),
    COMPLETED("Completata: tutte le rate pagate"),
    REJECTED("Respinta");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The income self-declaration the citizen uploads. */
  public record Declaration(String fileName, byte[] content) {}

  /**
   * What the citizen reads before asking: the act, the amount due today, the terms, the most
   * instalments, the rate, and why asking is not possible at all (null when it is).
   */
  public record Terms(
      long verbaleId,
      String verbaleNumber,
      BigDecimal amountDue,
      LocalDate notifiedOn,
      LocalDate today,
      LocalDate requestDeadline,
      int maxInstalments,
      BigDecimal annualRate,
      boolean rateConfigured,
      LocalDate provisionalFirstDueDate,
      String blocked) {

    public boolean open() {
      return blocked == null;
    }

    /** The rate as the citizen reads it: {@code 2,00 %}, "(da confermare)" when not set. */
    public String rateLabel() {
      return rateText(annualRate) + (rateConfigured ? "" : " (da confermare)");
    }
  }

  /** One row of a schedule: the instalment, with its pagoPA notice once the plan is approved. */
  public record Row(Instalment instalment, NoticeView notice) {
    public boolean paid() {
      return notice != null && notice.paid();
    }

    public String noticePrinted() {
      return notice == null ? "" : notice.noticePrinted();
    }

    /** Cancelled, unpaid, when a missed instalment ended the plan. */
    public boolean cancelled() {
      return notice != null && notice.cancelled() && !notice.paid();
    }
  }

  /** A plan as the citizen and the office read it. */
  public record PlanView(
      long id,
      long verbaleId,
      String verbaleNumber,
      Status status,
      String taxCode,
      String contactEmail,
      BigDecimal amountDue,
      BigDecimal taxableIncome,
      int familyMembers,
      int count,
      BigDecimal annualRate,
      boolean rateConfigured,
      LocalDate notifiedOn,
      LocalDate requestedOn,
      LocalDate decisionDueOn,
      LocalDate firstDueOn,
      Instant submittedAt,
      Instant decidedAt,
      String decidedBy,
      String decisionReason,
      String declarationName,
      String declarationType,
      long declarationSize,
      InstalmentPlan plan,
      List<Row> rows,
      PlanStanding standing,
      boolean decisionOverdue,
      NoticeView residual) {

    /**
     * The workflow's status, and for an approved plan whether it ended: forfeited once the nightly
     * check recorded it (its residual notice exists) or once today's standing says so, completed
     * when every instalment is paid.
     */
    public Stage stage() {
      if (status != Status.APPROVED) {
        return status == Status.REQUESTED ? Stage.REQUESTED : Stage.REJECTED;
      }
      if (residual != null
          || (standing != null && standing.status() == PlanStanding.Status.FORFEITED)) {
        return Stage.FORFEITED;
      }
      return standing != null && standing.status() == PlanStanding.Status.COMPLETED
          ? Stage.COMPLETED
          : Stage.APPROVED;
    }

    public String statusLabel() {
      return stage().label();
    }

    /** Whether the schedule is still provisional (dates fixed at the approval). */
    public boolean provisional() {
      return status != Status.APPROVED;
    }

    public String rateLabel() {
      return rateText(annualRate) + (rateConfigured ? "" : " (da confermare)");
    }
  }

  // ------------------------------------------------------------------ the citizen

  /** The terms of a request about an act the citizen may see. */
  @Transactional
  public Terms terms(Grant grant, long verbaleId) {
    FileView file = file(grant, verbaleId);
    return terms(file, today());
  }

  /**
   * Every reason a request with these figures would be refused (eligible when none): the act's
   * state first, then the rules of art. 202-bis.
   */
  @Transactional
  public Eligibility check(
      Grant grant, long verbaleId, BigDecimal taxableIncome, Integer familyMembers) {
    Terms terms = terms(grant, verbaleId);
    return eligibility(terms, income(taxableIncome), family(familyMembers));
  }

  /** The schedule of {@code count} instalments, as if the plan were approved today. */
  @Transactional
  public InstalmentPlan preview(Grant grant, long verbaleId, int count) {
    Terms terms = terms(grant, verbaleId);
    if (terms.amountDue() == null) {
      throw new PortalRuleException("portal.instalments.blocked", terms.blocked());
    }
    return InstalmentPlan.of(
        terms.amountDue(), count, terms.annualRate(), terms.provisionalFirstDueDate());
  }

  /**
   * Records a request (REQUESTED). The same idempotency key answers the request already recorded.
   *
   * @param waiverAccepted the citizen ticked that asking waives the appeal
   * @throws PortalRuleException with the Italian reason
   */
  @Transactional
  public PlanView submit(
      Grant grant,
      long verbaleId,
      BigDecimal taxableIncome,
      Integer familyMembers,
      int count,
      String email,
      boolean waiverAccepted,
      Declaration declaration,
      String idempotencyKey) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    String key =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? UUID.randomUUID().toString()
            : idempotencyKey.strip();
    Optional<Long> done = idOfKey(key);
    if (done.isPresent()) {
      PlanView view = view(done.get()).orElseThrow();
      if (view.verbaleId() != verbaleId) {
        throw notFound();
      }
      return view;
    }
    lifecycle.lock(verbaleId);
    LocalDate today = today();
    Terms terms = terms(file(grant, verbaleId), today);
    if (!terms.open()) {
      throw new PortalRuleException("portal.instalments.blocked", terms.blocked());
    }
    BigDecimal income = income(taxableIncome);
    int family = family(familyMembers);
    eligibility(terms, income, family).requireEligible();
    InstalmentPlan.of(
        terms.amountDue(), count, terms.annualRate(), terms.provisionalFirstDueDate());
    String contact = email == null || email.isBlank() ? null : email.strip();
    if (contact != null && (contact.length() > 254 || !EMAIL.matcher(contact).matches())) {
      throw new PortalRuleException(
          "portal.instalments.email",
          "L'indirizzo e-mail non è valido: correggerlo o lasciarlo vuoto.",
          Kind.INVALID_INPUT);
    }
    if (!waiverAccepted) {
      throw new PortalRuleException(
          "portal.instalments.waiver",
          "Per chiedere la rateizzazione occorre dichiarare di aver letto che la richiesta"
              + " comporta la rinuncia al ricorso.",
          Kind.INVALID_INPUT);
    }
    if (declaration == null
        || declaration.content() == null
        || declaration.content().length == 0
            && (declaration.fileName() == null || declaration.fileName().isBlank())) {
      throw new PortalRuleException(
          "portal.instalments.declaration-required",
          "Allegare l'autocertificazione del reddito (PDF, JPEG o PNG).",
          Kind.INVALID_INPUT);
    }
    AttachmentCheck.Checked checked =
        AttachmentCheck.checkFile(declaration.fileName(), declaration.content());
    Instant now = clock.instant();
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into instalment_plan (verbale_id, status, tax_code, contact_email,"
                            + " amount_due, taxable_income, family_members, instalments,"
                            + " annual_rate, rate_configured, notified_on, requested_on,"
                            + " decision_due_on, waiver_accepted_at, submitted_at,"
                            + " idempotency_key, declaration_name, declaration_type,"
                            + " declaration_size, declaration_sha256, declaration) values (?1,"
                            + " 'REQUESTED', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                            + " ?13, ?14, ?15, ?16, ?17, ?18, ?19) returning id")
                    .setParameter(1, verbaleId)
                    .setParameter(2, grant.taxCode())
                    .setParameter(3, contact)
                    .setParameter(4, terms.amountDue())
                    .setParameter(5, income)
                    .setParameter(6, family)
                    .setParameter(7, count)
                    .setParameter(8, terms.annualRate())
                    .setParameter(9, terms.rateConfigured())
                    .setParameter(10, terms.notifiedOn())
                    .setParameter(11, today)
                    .setParameter(12, InstalmentRules.decisionDeadline(today))
                    .setParameter(13, now)
                    .setParameter(14, key)
                    .setParameter(15, checked.storageName())
                    .setParameter(16, checked.type().mediaType())
                    .setParameter(17, checked.size())
                    .setParameter(18, sha256(declaration.content()))
                    .setParameter(19, declaration.content())
                    .getSingleResult())
            .longValue();
    PlanView view = view(id).orElseThrow();
    notifyCitizen(view);
    return view;
  }

  /** The plans of an act, for its citizen, newest first. */
  @Transactional
  public List<PlanView> ofVerbale(Grant grant, long verbaleId) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    return ids("verbale_id = ?1", verbaleId, "desc").stream()
        .map(i -> view(i).orElseThrow())
        .toList();
  }

  // ------------------------------------------------------------------ the office

  /** The plans in {@code status} (all when null), oldest first: the office's worklist. */
  @Transactional
  public List<PlanView> list(Status status) {
    currentStaff.require(AppModule.PAYMENTS, AppAction.ACCESS);
    List<Long> ids =
        status == null ? ids("1 = 1", null, "asc") : ids("status = ?1", status.name(), "asc");
    return ids.stream().map(i -> view(i).orElseThrow()).toList();
  }

  /** One plan for the office. */
  @Transactional
  public PlanView detail(long id) {
    currentStaff.require(AppModule.PAYMENTS, AppAction.ACCESS);
    return view(id).orElseThrow(InstalmentRequests::notFound);
  }

  /** The income self-declaration of plan {@code id}: file name, media type and content. */
  @Transactional
  public Object[] declaration(long id) {
    currentStaff.require(AppModule.PAYMENTS, AppAction.ACCESS);
    List<?> rows =
        em.createNativeQuery(
                "select declaration_name, declaration_type, declaration from instalment_plan"
                    + " where id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw notFound();
    }
    return (Object[]) rows.get(0);
  }

  /**
   * Approves a requested plan: the schedule is fixed (first instalment {@value #FIRST_DUE_DAYS}
   * days from today) and its pagoPA notices are made and published through the outbox.
   */
  @Transactional
  public PlanView approve(long id) {
    String who = currentStaff.require(AppModule.PAYMENTS, AppAction.EDIT).username();
    Object[] row = requested(id);
    long verbaleId = ((Number) row[0]).longValue();
    lifecycle.lock(verbaleId);
    VerbaleStatus status =
        lifecycle.act(verbaleId).orElseThrow(InstalmentRequests::notFound).verbale().status();
    if (status == VerbaleStatus.PAID
        || status == VerbaleStatus.ANNULLED
        || status == VerbaleStatus.ARCHIVED) {
      throw new PortalRuleException(
          "portal.instalments.act-closed",
          "Il verbale risulta «"
              + status.italianLabel()
              + "»: la rateizzazione non si può approvare, va respinta con la motivazione.");
    }
    LocalDate today = today();
    LocalDate decisionDue = localDate(row[5]);
    if (decisionDue != null && today.isAfter(decisionDue)) {
      throw new PortalRuleException(
          "portal.instalments.decision-term-over",
          "Il termine per decidere è scaduto il "
              + ITALIAN_DATE.format(decisionDue)
              + ": la richiesta si intende respinta (art. 202-bis CdS) e non si può più"
              + " approvare.");
    }
    InstalmentPlan plan =
        InstalmentPlan.of(
            (BigDecimal) row[1],
            ((Number) row[2]).intValue(),
            (BigDecimal) row[3],
            firstDueDate(today));
    Instant now = clock.instant();
    em.createNativeQuery(
            "update instalment_plan set status = 'APPROVED', first_due_on = ?2, decided_at = ?3,"
                + " decided_by = ?4 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, plan.firstDueDate())
        .setParameter(3, now)
        .setParameter(4, who)
        .executeUpdate();
    positions.schedule(
        id,
        verbaleId,
        plan.instalments().stream()
            .map(i -> new InstalmentPositions.Due(i.number(), i.dueDate(), i.total()))
            .toList());
    LocalDate lastDue = plan.instalments().get(plan.instalments().size() - 1).dueDate();
    lifecycle.grantInstalments(
        verbaleId,
        lastDue,
        who,
        "Rateizzazione approvata (art. 202-bis CdS): "
            + plan.instalments().size()
            + " rate, la prima entro il "
            + ITALIAN_DATE.format(plan.firstDueDate())
            + ", l'ultima entro il "
            + ITALIAN_DATE.format(lastDue));
    PlanView view = view(id).orElseThrow();
    notifyCitizen(view);
    return view;
  }

  /**
   * Records the approved plans that a missed instalment ended on {@code today} (the first one, or
   * two later ones: art. 202-bis c. 6 CdS, {@link PlanStanding}): the day and the residual due at
   * once are kept on the plan, and the act follows the ordinary rules again (it becomes UNPAID at
   * the next check when its minimum-payment window is over). Idempotent: a plan is recorded once.
   *
   * @return the ids of the plans recorded now
   */
  @Transactional
  public List<Long> recordForfeitures(LocalDate today) {
    List<Long> recorded = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, verbale_id from instalment_plan"
                    + " where status = 'APPROVED' and forfeited_on is null order by id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      long verbaleId = ((Number) r[1]).longValue();
      PlanStanding standing = view(id, today).map(PlanView::standing).orElse(null);
      if (standing == null || standing.status() != PlanStanding.Status.FORFEITED) {
        continue;
      }
      em.createNativeQuery(
              "update instalment_plan set forfeited_on = ?2, residual_due = ?3"
                  + " where id = ?1 and forfeited_on is null")
          .setParameter(1, id)
          .setParameter(2, standing.forfeitedOn())
          .setParameter(3, standing.residualDue())
          .executeUpdate();
      lifecycle.endInstalments(
          verbaleId,
          "sistema",
          "Decadenza dalla rateizzazione (art. 202-bis CdS): " + standing.italianMessage());
      positions.forfeit(id, verbaleId, standing.residualDue(), standing.forfeitedOn());
      recorded.add(id);
    }
    return recorded;
  }

  /**
   * Records as rejected the requests the office did not decide within {@link
   * InstalmentRules#DECISION_TERM_DAYS} days (art. 202-bis CdS: past the term the request is deemed
   * rejected), with the reason and an e-mail to the citizen as for a rejection by the office.
   * Idempotent: a request is recorded once.
   *
   * @return the ids of the requests recorded now
   */
  @Transactional
  public List<Long> recordSilentRejections(LocalDate today) {
    List<Long> recorded = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id from instalment_plan where status = 'REQUESTED'"
                    + " and decision_due_on < ?1 order by id")
            .setParameter(1, today)
            .getResultList()) {
      long id = ((Number) o).longValue();
      int changed =
          em.createNativeQuery(
                  "update instalment_plan set status = 'REJECTED', decided_at = ?2,"
                      + " decided_by = ?3, decision_reason = ?4"
                      + " where id = ?1 and status = 'REQUESTED'")
              .setParameter(1, id)
              .setParameter(2, clock.instant())
              .setParameter(3, SYSTEM)
              .setParameter(4, SILENT_REJECTION)
              .executeUpdate();
      if (changed == 1) {
        recorded.add(id);
        view(id).ifPresent(this::notifyCitizen);
      }
    }
    return recorded;
  }

  /** Rejects a requested plan with its reason (required). */
  @Transactional
  public PlanView reject(long id, String reason) {
    String who = currentStaff.require(AppModule.PAYMENTS, AppAction.EDIT).username();
    String why = reason == null ? "" : reason.strip();
    if (why.length() < 5) {
      throw new PortalRuleException(
          "portal.instalments.reason-required",
          "Indicare la motivazione del rigetto (almeno 5 caratteri).",
          Kind.INVALID_INPUT);
    }
    if (why.length() > 2000) {
      throw new PortalRuleException(
          "portal.instalments.reason-too-long",
          "La motivazione supera 2000 caratteri.",
          Kind.INVALID_INPUT);
    }
    requested(id);
    em.createNativeQuery(
            "update instalment_plan set status = 'REJECTED', decided_at = ?2, decided_by = ?3,"
                + " decision_reason = ?4 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, clock.instant())
        .setParameter(3, who)
        .setParameter(4, why)
        .executeUpdate();
    PlanView view = view(id).orElseThrow();
    notifyCitizen(view);
    return view;
  }

  // ------------------------------------------------------------------ rules kept here

  /** The first instalment's due date for a plan approved on {@code approvedOn}. */
  static LocalDate firstDueDate(LocalDate approvedOn) {
    return approvedOn.plusDays(FIRST_DUE_DAYS);
  }

  /**
   * The annual rate from the command setting's text ({@code 2.5}, {@code 2,50}, {@code 2,5 %});
   * empty when absent, blank, negative, over 100 or not a number.
   */
  static Optional<BigDecimal> parseRate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String clean = text.replace("%", "").replace(',', '.').strip();
    if (clean.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal rate = new BigDecimal(clean);
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
        return Optional.empty();
      }
      return Optional.of(rate.setScale(2, RoundingMode.HALF_UP));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Why a request about an act in {@code status} may not be made at all (null when it may): paid,
   * annulled, under appeal, not notified, or a plan already asked or granted.
   */
  static String blockedReason(
      VerbaleStatus status, LocalDate notifiedOn, Status openPlan, Long openPlanId) {
    switch (status) {
      case PAID:
        return "Il verbale risulta già pagato: non c'è nulla da rateizzare.";
      case PARTIALLY_PAID:
        return "Il verbale risulta pagato in parte: per rateizzare il residuo rivolgersi al"
            + " comando.";
      case ANNULLED:
        return "Il verbale è stato annullato: non c'è nulla da pagare.";
      case ARCHIVED:
        return "Il verbale è archiviato: la rateizzazione non si può chiedere.";
      case APPEALED:
        return "Per questo verbale è in corso un ricorso: la rateizzazione non si può chiedere"
            + " (la richiesta comporta la rinuncia al ricorso).";
      default:
        break;
    }
    if (openPlan != null) {
      return "Per questo verbale è già stata presentata una richiesta di rateizzazione (n. "
          + openPlanId
          + ", "
          + openPlan.label().toLowerCase(java.util.Locale.ITALY)
          + "): non se ne può presentare un'altra.";
    }
    if (notifiedOn == null) {
      return "Il verbale non risulta ancora notificato: la rateizzazione si chiede entro "
          + InstalmentRules.REQUEST_TERM_DAYS
          + " giorni dalla notifica.";
    }
    return null;
  }

  // ------------------------------------------------------------------ helpers

  private FileView file(Grant grant, long verbaleId) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    return files.file(grant, verbaleId);
  }

  private Terms terms(FileView file, LocalDate today) {
    VerbaleView act = file.act();
    Object[] open = openPlan(act.id());
    String blocked =
        blockedReason(
            act.status(),
            act.notifiedOn(),
            open == null ? null : Status.valueOf((String) open[1]),
            open == null ? null : ((Number) open[0]).longValue());
    BigDecimal amount = file.payable() == null ? null : file.payable().window().total();
    if (blocked == null && amount == null) {
      blocked =
          "Per questo verbale non risulta un importo da pagare online: rivolgersi al comando.";
    }
    Optional<BigDecimal> configured =
        settings.get(RATE_SETTING).flatMap(InstalmentRequests::parseRate);
    return new Terms(
        act.id(),
        act.number(),
        amount,
        act.notifiedOn(),
        today,
        act.notifiedOn() == null ? null : InstalmentRules.requestDeadline(act.notifiedOn()),
        amount == null ? 0 : InstalmentRules.maxInstalments(amount),
        configured.orElse(DEFAULT_RATE),
        configured.isPresent(),
        firstDueDate(today),
        blocked);
  }

  private static Eligibility eligibility(Terms terms, BigDecimal income, int family) {
    List<String> reasons = new ArrayList<>();
    if (terms.blocked() != null) {
      reasons.add(terms.blocked());
    }
    if (terms.amountDue() != null && terms.notifiedOn() != null) {
      reasons.addAll(
          InstalmentRules.check(
                  terms.amountDue(), income, family, terms.notifiedOn(), terms.today())
              .reasons());
    }
    return new Eligibility(reasons);
  }

  private static BigDecimal income(BigDecimal taxableIncome) {
    if (taxableIncome == null) {
      throw new PortalRuleException(
          "portal.instalments.income-required",
          "Indicare il reddito imponibile dell'ultima dichiarazione dei redditi (per chi convive"
              + " con familiari, la somma dei redditi del nucleo).",
          Kind.INVALID_INPUT);
    }
    if (taxableIncome.signum() < 0
        || taxableIncome.stripTrailingZeros().scale() > 2
        || taxableIncome.compareTo(MAX_INCOME) > 0) {
      throw new PortalRuleException(
          InstalmentRules.INVALID_INPUT,
          "Il reddito imponibile va indicato in euro, con al massimo due decimali.",
          Kind.INVALID_INPUT);
    }
    return taxableIncome.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static int family(Integer familyMembers) {
    int family = familyMembers == null ? 0 : familyMembers;
    if (family < 0 || family > 30) {
      throw new PortalRuleException(
          InstalmentRules.INVALID_INPUT,
          "Il numero dei familiari conviventi va da 0 a 30.",
          Kind.INVALID_INPUT);
    }
    return family;
  }

  /** The act's plan asked or granted: {id, status}, or null. */
  private Object[] openPlan(long verbaleId) {
    List<?> rows =
        em.createNativeQuery(
                "select id, status from instalment_plan where verbale_id = ?1"
                    + " and status in ('REQUESTED', 'APPROVED')")
            .setParameter(1, verbaleId)
            .getResultList();
    return rows.isEmpty() ? null : (Object[]) rows.get(0);
  }

  /** The plan locked, still REQUESTED: {verbale_id, amount_due, instalments, annual_rate}. */
  private Object[] requested(long id) {
    List<?> rows =
        em.createNativeQuery(
                "select verbale_id, amount_due, instalments, annual_rate, status,"
                    + " decision_due_on from instalment_plan where id = ?1 for update")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw notFound();
    }
    Object[] row = (Object[]) rows.get(0);
    Status status = Status.valueOf((String) row[4]);
    if (status != Status.REQUESTED) {
      throw new PortalRuleException(
          "portal.instalments.decided",
          "La richiesta di rateizzazione n. "
              + id
              + " è già stata decisa («"
              + status.label()
              + "»): la decisione non si ripete.");
    }
    return row;
  }

  private Optional<Long> idOfKey(String key) {
    List<?> rows =
        em.createNativeQuery("select id from instalment_plan where idempotency_key = ?1")
            .setParameter(1, key)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
  }

  private List<Long> ids(String where, Object param, String order) {
    var q =
        em.createNativeQuery(
            "select id from instalment_plan where "
                + where
                + " order by submitted_at "
                + order
                + ", id "
                + order
                + " limit 500");
    if (param != null) {
      q.setParameter(1, param);
    }
    List<Long> ids = new ArrayList<>();
    for (Object o : q.getResultList()) {
      ids.add(((Number) o).longValue());
    }
    return ids;
  }

  private Optional<PlanView> view(long id) {
    return view(id, today());
  }

  private Optional<PlanView> view(long id, LocalDate today) {
    List<?> rows =
        em.createNativeQuery(
                "select p.id, p.verbale_id, v.number, p.status, p.tax_code, p.contact_email,"
                    + " p.amount_due, p.taxable_income, p.family_members, p.instalments,"
                    + " p.annual_rate, p.rate_configured, p.notified_on, p.requested_on,"
                    + " p.decision_due_on, p.first_due_on, p.submitted_at, p.decided_at,"
                    + " p.decided_by, p.decision_reason, p.declaration_name, p.declaration_type,"
                    + " p.declaration_size from instalment_plan p"
                    + " join verbale v on v.id = p.verbale_id where p.id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    Status status = Status.valueOf((String) r[3]);
    BigDecimal amount = (BigDecimal) r[6];
    int count = ((Number) r[9]).intValue();
    BigDecimal rate = (BigDecimal) r[10];
    LocalDate firstDue = localDate(r[15]);
    InstalmentPlan plan =
        InstalmentPlan.of(amount, count, rate, firstDue != null ? firstDue : firstDueDate(today));
    List<NoticeView> notices = status == Status.APPROVED ? positions.ofPlan(id) : List.of();
    Map<Integer, NoticeView> byNumber = new HashMap<>();
    Map<Integer, LocalDate> paidOn = new HashMap<>();
    NoticeView residual = null;
    for (NoticeView n : notices) {
      if (n.residual()) {
        residual = n; // the notice of what a forfeiture left due (not an instalment)
        continue;
      }
      byNumber.put(n.number(), n);
      if (n.paidOn() != null) {
        paidOn.put(n.number(), n.paidOn());
      }
    }
    List<Row> schedule = new ArrayList<>();
    for (Instalment i : plan.instalments()) {
      schedule.add(new Row(i, byNumber.get(i.number())));
    }
    PlanStanding standing =
        status == Status.APPROVED ? PlanStanding.evaluate(plan, paidOn, today) : null;
    LocalDate decisionDue = localDate(r[14]);
    return Optional.of(
        new PlanView(
            ((Number) r[0]).longValue(),
            ((Number) r[1]).longValue(),
            (String) r[2],
            status,
            (String) r[4],
            (String) r[5],
            amount,
            (BigDecimal) r[7],
            ((Number) r[8]).intValue(),
            count,
            rate,
            (Boolean) r[11],
            localDate(r[12]),
            localDate(r[13]),
            decisionDue,
            firstDue,
            Outbox.instant(r[16]),
            Outbox.instant(r[17]),
            (String) r[18],
            (String) r[19],
            (String) r[20],
            (String) r[21],
            ((Number) r[22]).longValue(),
            plan,
            List.copyOf(schedule),
            standing,
            status == Status.REQUESTED && today.isAfter(decisionDue),
            residual));
  }

  /** The request's state by e-mail to the address the citizen gave (a failure is only logged). */
  private void notifyCitizen(PlanView view) {
    if (view.contactEmail() == null) {
      return;
    }
    String command = tenant.require().displayName();
    StringBuilder text = new StringBuilder("Gentile cittadino,\n\n");
    switch (view.status()) {
      case REQUESTED ->
          text.append("la sua richiesta di pagamento rateale è stata ricevuta. Il comando decide")
              .append(" entro il ")
              .append(ITALIAN_DATE.format(view.decisionDueOn()))
              .append(".");
      case APPROVED -> {
        text.append("la sua richiesta di pagamento rateale è stata approvata: ")
            .append(view.count())
            .append(" rate mensili, la prima in scadenza il ")
            .append(ITALIAN_DATE.format(view.plan().firstDueDate()))
            .append(".\n\n");
        for (Row row : view.rows()) {
          text.append("Rata ")
              .append(row.instalment().number())
              .append(": euro ")
              .append(row.instalment().total().toPlainString())
              .append(" entro il ")
              .append(ITALIAN_DATE.format(row.instalment().dueDate()));
          if (row.notice() != null && row.notice().noticeCode() != null) {
            text.append(" - codice avviso pagoPA ").append(row.noticePrinted());
          }
          text.append("\n");
        }
        text.append(
            "\nIl mancato pagamento della prima rata o di due rate successive comporta la"
                + " decadenza dal beneficio: il residuo è dovuto in un'unica soluzione.");
      }
      case REJECTED ->
          text.append("la sua richiesta di pagamento rateale è stata respinta.\nMotivazione: ")
              .append(view.decisionReason());
    }
    text.append("\n\nRichiesta di rateizzazione n. ")
        .append(view.id())
        .append("\nVerbale n. ")
        .append(view.verbaleNumber())
        .append("\nStato: ")
        .append(view.statusLabel())
        .append("\n\nPuò seguire la richiesta nel portale dei servizi di ")
        .append(command)
        .append(", alla pagina del verbale.\n\n")
        .append(command)
        .append("\n");
    try {
      mail.sendWithPlatformFallback(
          List.of(view.contactEmail()),
          "Rateizzazione n. " + view.id() + " - " + view.statusLabel() + " - " + command,
          text.toString());
    } catch (CommandMail.NotSent e) {
      LOG.warnf("Plan %d: the e-mail to the citizen was not sent: %s", view.id(), e.getMessage());
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ITALY));
  }

  static String rateText(BigDecimal rate) {
    return rate.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
  }

  private static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalArgumentException("Not a date: " + value.getClass());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PortalRuleException notFound() {
    return new PortalRuleException(
        "portal.instalments.not-found", "Richiesta o verbale non disponibile.", Kind.NOT_FOUND);
  }
}
