package it.ksanctions.payments.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaCreditor;
import it.ksanctions.payments.application.PaymentGateway.DebtPosition;
import it.ksanctions.payments.application.PaymentGateway.Option;
import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.payments.domain.Reconciliation;
import it.ksanctions.payments.domain.Transfers;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.VerbaleLifecycle.Act;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.PagoPaNotice;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The pagoPA side of an approved instalment plan (art. 202-bis CdS, issue 16 item 5): one pagoPA
 * notice per instalment, its IUV made like the acts' (a {@link PagoPaNotice} of the creditor's
 * segregation code and a base from a sequence of its own, in a range the acts' sequence never
 * reaches), and one debt position per instalment on GPD (IUPD {@code KS-<number>-R<nn>}, a single
 * option), published through the outbox ({@link OutboxTopics#INSTALMENT_POSITIONS_PUBLISH}).
 *
 * <p>Why one position per instalment rather than one position with an option per instalment: the
 * GPD adapter sends every option with {@code isPartialPayment = false}, which pagoPA reads as
 * alternatives (paying one closes the position, the others can no longer be paid). A position per
 * instalment is correct with the adapter as it is.
 *
 * <p>The receipt of an instalment's IUV is reconciled here ({@link #reconcile}), called by {@link
 * Receipts}: the instalment is paid, and the act is paid in full once every instalment is.
 *
 * <p>The portal owns the plan (the request, its decision, the schedule); this context knows a plan
 * only by its id and the instalments it was given.
 */
@ApplicationScoped
public class InstalmentPositions {

  private static final Logger LOG = Logger.getLogger(InstalmentPositions.class);

  /** The window type stored on the receipt of an instalment (payment_receipt.window_type). */
  public static final String RECEIPT_WINDOW = "INSTALMENT";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject VerbaleLifecycle lifecycle;
  @Inject IntegrationCredentials credentials;
  @Inject PaymentGateway gateway;
  @Inject Outbox outbox;

  Clock clock = Clock.systemUTC();

  /** An instalment to collect: its number (1 for the first), due date and total in euro. */
  public record Due(int number, LocalDate dueDate, BigDecimal amount) {
    public Due {
      Objects.requireNonNull(dueDate, "dueDate");
      Objects.requireNonNull(amount, "amount");
      if (number < 1 || amount.signum() <= 0) {
        throw new IllegalArgumentException("An instalment has a number and a positive amount");
      }
    }
  }

  /**
   * An instalment's notice as the citizen and the office read it.
   *
   * @param iuv null when pagoPA was not configured when the plan was approved
   * @param published whether its debt position is on GPD
   * @param paidOn the day its receipt says it was paid (Italian time), or null
   */
  public record NoticeView(
      int number,
      LocalDate dueDate,
      BigDecimal amount,
      String iupd,
      String iuv,
      String noticeCode,
      boolean published,
      Instant paidAt,
      LocalDate paidOn,
      String receiptId,
      boolean residual,
      boolean cancelled) {

    public boolean paid() {
      return paidAt != null;
    }

    /** The notice code in groups of four digits ("" without a notice). */
    public String noticePrinted() {
      return noticeCode == null ? "" : new PagoPaNotice(noticeCode, iuv).printed();
    }
  }

  /** The instalment a receipt's IUV belongs to. */
  public record InstalmentDue(
      long id,
      long planId,
      long verbaleId,
      int number,
      BigDecimal amount,
      LocalDate dueDate,
      String paidReceiptId) {}

  /** The IUPD of instalment {@code number} of act {@code actNumber}'s plan. */
  public static String iupd(String actNumber, int number) {
    return DebtPositions.iupd(actNumber) + "-R" + String.format("%02d", number);
  }

  /**
   * Records the notices of plan {@code planId}'s instalments and asks the outbox to publish them,
   * in the caller's transaction (the plan's approval): both commit together or not at all. Asked
   * again for the same plan, answers the notices already recorded. Without pagoPA configured the
   * instalments are recorded without a notice (the office collects them otherwise).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<NoticeView> schedule(long planId, long verbaleId, List<Due> instalments) {
    List<NoticeView> known = ofPlan(planId);
    if (!known.isEmpty()) {
      return known;
    }
    Act act =
        lifecycle
            .act(verbaleId)
            .orElseThrow(() -> new IllegalArgumentException("No act " + verbaleId));
    Optional<PagoPaCreditor> creditor = credentials.pagoPaCreditor();
    Instant now = Instant.now(clock);
    for (Due due : instalments) {
      insertNotice(
          planId, verbaleId, due, iupd(act.verbale().number(), due.number()), false, creditor, now);
    }
    if (creditor.isPresent()) {
      outbox.enqueue(
          OutboxTopics.INSTALMENT_POSITIONS_PUBLISH,
          verbaleId,
          Long.toString(planId),
          "instalment-positions:" + planId);
      // the instalments replace the act's own position: paying both would be paying twice
      outbox.enqueue(
          OutboxTopics.DEBT_POSITION_INVALIDATE,
          verbaleId,
          null,
          "debt-position-replaced:" + verbaleId);
    } else {
      LOG.warnf(
          "Plan %d of act %s approved without pagoPA configured: no notices", planId, verbaleId);
    }
    return ofPlan(planId);
  }

  /** The notices of plan {@code planId}, first to last (empty before its approval). */
  @Transactional
  public List<NoticeView> ofPlan(long planId) {
    List<NoticeView> views = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select number, due_date, amount, iupd, iuv, notice_code, published_at, paid_at,"
                    + " receipt_id, residual, cancelled_at from instalment_notice where plan_id = ?1"
                    + " order by number")
            .setParameter(1, planId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      Instant paidAt = Outbox.instant(r[7]);
      views.add(
          new NoticeView(
              ((Number) r[0]).intValue(),
              localDate(r[1]),
              (BigDecimal) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              r[6] != null,
              paidAt,
              paidAt == null
                  ? null
                  : paidAt.atZone(java.time.ZoneId.of("Europe/Rome")).toLocalDate(),
              (String) r[8],
              Boolean.TRUE.equals(r[9]),
              r[10] != null));
    }
    return views;
  }

  /** Publishes the plan's positions not yet on GPD (the outbox's handler). */
  void publish(long planId) throws DeliveryFailure {
    List<?> rows =
        em.createNativeQuery(
                "select id, verbale_id, number, due_date, amount, iupd, iuv, residual"
                    + " from instalment_notice where plan_id = ?1 and iuv is not null"
                    + " and published_at is null and cancelled_at is null order by number")
            .setParameter(1, planId)
            .getResultList();
    if (rows.isEmpty()) {
      return;
    }
    int count =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from instalment_notice where plan_id = ?1"
                            + " and not residual")
                    .setParameter(1, planId)
                    .getSingleResult())
            .intValue();
    long verbaleId = ((Number) ((Object[]) rows.get(0))[1]).longValue();
    Act act =
        lifecycle
            .act(verbaleId)
            .orElseThrow(
                () -> DeliveryFailure.permanent("Il verbale " + verbaleId + " non esiste."));
    VerbaleStatus status = act.verbale().status();
    if (status == VerbaleStatus.ANNULLED || status == VerbaleStatus.ARCHIVED) {
      return; // annulled before the positions went out: nothing to collect
    }
    PagoPaAccess access = access();
    List<Transfers.Share> shares =
        act.splits().stream()
            .map(s -> new Transfers.Share(s.chapterCode(), s.percentage()))
            .toList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      int number = ((Number) r[2]).intValue();
      long cents = ((BigDecimal) r[4]).movePointRight(2).longValueExact();
      String description =
          Boolean.TRUE.equals(r[7])
              ? "Verbale n. "
                  + act.verbale().number()
                  + " - importo residuo dopo la decadenza dalla rateizzazione"
              : "Verbale n. " + act.verbale().number() + " - rata " + number + " di " + count;
      Option option =
          new Option(
              (String) r[6],
              cents,
              localDate(r[3]),
              description,
              Transfers.of(cents, 0, shares, act.verbale().number()));
      gateway.publish(
          access,
          new DebtPosition(
              (String) r[5],
              act.company(),
              act.verbale().ownerTaxCode(),
              act.verbale().ownerName(),
              null,
              List.of(option)));
      em.createNativeQuery("update instalment_notice set published_at = ?2 where id = ?1")
          .setParameter(1, ((Number) r[0]).longValue())
          .setParameter(2, Instant.now(clock))
          .executeUpdate();
    }
  }

  /** The IUPD of the residual of act {@code actNumber}'s forfeited plan. */
  public static String residualIupd(String actNumber) {
    return DebtPositions.iupd(actNumber) + "-RES";
  }

  /**
   * A missed instalment ended plan {@code planId} on {@code forfeitedOn} (art. 202-bis c. 6 CdS),
   * in the caller's transaction: its unpaid instalments are cancelled (their positions invalidated
   * on GPD through the outbox) and the residual, due in one payment, gets a notice of its own with
   * a due date {@value #RESIDUAL_DAYS} days on, published through the outbox. Done once per plan.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forfeit(long planId, long verbaleId, BigDecimal residual, LocalDate forfeitedOn) {
    boolean done =
        !em.createNativeQuery(
                "select 1 from instalment_notice where plan_id = ?1 and (residual"
                    + " or cancelled_at is not null)")
            .setParameter(1, planId)
            .getResultList()
            .isEmpty();
    if (done) {
      return;
    }
    Instant now = Instant.now(clock);
    int cancelled =
        em.createNativeQuery(
                "update instalment_notice set cancelled_at = ?2 where plan_id = ?1"
                    + " and paid_at is null and cancelled_at is null and not residual")
            .setParameter(1, planId)
            .setParameter(2, now)
            .executeUpdate();
    Optional<PagoPaCreditor> creditor = credentials.pagoPaCreditor();
    if (cancelled > 0 && creditor.isPresent()) {
      outbox.enqueue(
          OutboxTopics.INSTALMENT_POSITIONS_INVALIDATE,
          verbaleId,
          Long.toString(planId),
          "instalment-positions-invalidate:" + planId);
    }
    if (residual == null || residual.signum() <= 0) {
      return;
    }
    Act act =
        lifecycle
            .act(verbaleId)
            .orElseThrow(() -> new IllegalArgumentException("No act " + verbaleId));
    int number =
        ((Number)
                    em.createNativeQuery(
                            "select coalesce(max(number), 0) from instalment_notice"
                                + " where plan_id = ?1")
                        .setParameter(1, planId)
                        .getSingleResult())
                .intValue()
            + 1;
    insertNotice(
        planId,
        verbaleId,
        new Due(number, forfeitedOn.plusDays(RESIDUAL_DAYS), residual),
        residualIupd(act.verbale().number()),
        true,
        creditor,
        now);
    if (creditor.isPresent()) {
      outbox.enqueue(
          OutboxTopics.INSTALMENT_POSITIONS_PUBLISH,
          verbaleId,
          Long.toString(planId),
          "instalment-positions-residual:" + planId);
    }
  }

  /** The days to pay the residual of a forfeited plan (the due date of its notice). */
  public static final int RESIDUAL_DAYS = 30;

  /**
   * Records one notice of plan {@code planId}: with an IUV and notice code from the instalments'
   * sequence when pagoPA is configured, else without (collected otherwise).
   */
  private void insertNotice(
      long planId,
      long verbaleId,
      Due due,
      String iupd,
      boolean residual,
      Optional<PagoPaCreditor> creditor,
      Instant now) {
    String iuv = null;
    String notice = null;
    if (creditor.isPresent()) {
      long base =
          ((Number) em.createNativeQuery("select nextval('instalment_iuv_base')").getSingleResult())
              .longValue();
      PagoPaNotice n = PagoPaNotice.of(creditor.get().segregationCode(), base);
      iuv = n.iuv();
      notice = n.noticeCode();
    }
    em.createNativeQuery(
            "insert into instalment_notice (plan_id, verbale_id, number, due_date, amount, iupd,"
                + " iuv, notice_code, created_at, residual)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .setParameter(1, planId)
        .setParameter(2, verbaleId)
        .setParameter(3, due.number())
        .setParameter(4, due.dueDate())
        .setParameter(5, due.amount())
        .setParameter(6, iupd)
        .setParameter(7, iuv)
        .setParameter(8, notice)
        .setParameter(9, now)
        .setParameter(10, residual)
        .executeUpdate();
  }

  /** The plan a {@code instalment-positions.*} message names (its payload). */
  static long planOf(it.ksanctions.sanctions.application.OutboxMessage message)
      throws DeliveryFailure {
    try {
      return Long.parseLong(message.payload());
    } catch (NumberFormatException e) {
      throw DeliveryFailure.permanent("Piano di rateizzazione non valido: " + message.payload());
    }
  }

  /** Invalidates on GPD the published positions of the plan's cancelled instalments. */
  void invalidateCancelled(long planId) throws DeliveryFailure {
    List<?> rows =
        em.createNativeQuery(
                "select id, iupd from instalment_notice where plan_id = ?1"
                    + " and cancelled_at is not null and published_at is not null"
                    + " and invalidated_at is null order by number")
            .setParameter(1, planId)
            .getResultList();
    if (rows.isEmpty()) {
      return;
    }
    PagoPaAccess access = access();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      gateway.invalidate(access, (String) r[1]);
      em.createNativeQuery("update instalment_notice set invalidated_at = ?2 where id = ?1")
          .setParameter(1, ((Number) r[0]).longValue())
          .setParameter(2, Instant.now(clock))
          .executeUpdate();
    }
  }

  /** The instalment whose notice has {@code iuv}, if any (for {@link Receipts}). */
  Optional<InstalmentDue> dueOfIuv(String iuv) {
    List<?> rows =
        em.createNativeQuery(
                "select id, plan_id, verbale_id, number, amount, due_date, receipt_id"
                    + " from instalment_notice where iuv = ?1")
            .setParameter(1, iuv)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new InstalmentDue(
            ((Number) r[0]).longValue(),
            ((Number) r[1]).longValue(),
            ((Number) r[2]).longValue(),
            ((Number) r[3]).intValue(),
            (BigDecimal) r[4],
            localDate(r[5]),
            (String) r[6]));
  }

  /**
   * Applies a receipt of an instalment's notice (the act locked by the caller): the instalment is
   * paid unless the amount falls short; the result is paid in full when every instalment of the
   * plan is paid.
   */
  Reconciliation.Result reconcile(
      InstalmentDue due, Act act, String receiptId, BigDecimal amount, Instant paidAt) {
    VerbaleStatus status = act.verbale().status();
    boolean annulled = status == VerbaleStatus.ANNULLED || status == VerbaleStatus.ARCHIVED;
    BigDecimal otherUnpaid =
        (BigDecimal)
            em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from instalment_notice where plan_id = ?1"
                        + " and id <> ?2 and paid_at is null and cancelled_at is null")
                .setParameter(1, due.planId())
                .setParameter(2, due.id())
                .getSingleResult();
    // read again under the act's lock: another receipt of the same instalment may have come first
    boolean alreadyPaid =
        !em.createNativeQuery(
                "select 1 from instalment_notice where id = ?1 and receipt_id is not null")
            .setParameter(1, due.id())
            .getResultList()
            .isEmpty();
    Reconciliation.Result result =
        outcome(annulled, alreadyPaid, due.amount(), otherUnpaid, amount);
    if (!annulled && !alreadyPaid && result.outcome() != ReceiptOutcome.PARTIAL) {
      em.createNativeQuery(
              "update instalment_notice set receipt_id = ?2, paid_at = ?3 where id = ?1")
          .setParameter(1, due.id())
          .setParameter(2, receiptId)
          .setParameter(3, paidAt)
          .executeUpdate();
    }
    return result;
  }

  /**
   * What a receipt of an instalment comes to.
   *
   * @param annulled the act is annulled (or archived): the payment is to be refunded
   * @param alreadyPaid the instalment was paid by another receipt
   * @param instalment the instalment's total
   * @param otherUnpaid what the plan's other unpaid instalments add up to
   * @param amount the amount paid
   */
  static Reconciliation.Result outcome(
      boolean annulled,
      boolean alreadyPaid,
      BigDecimal instalment,
      BigDecimal otherUnpaid,
      BigDecimal amount) {
    if (annulled) {
      return new Reconciliation.Result(ReceiptOutcome.ANNULLED_ACT, false, BigDecimal.ZERO, amount);
    }
    boolean rest = otherUnpaid.signum() > 0;
    if (alreadyPaid) {
      return new Reconciliation.Result(ReceiptOutcome.DUPLICATE, !rest, otherUnpaid, amount);
    }
    int cmp = amount.compareTo(instalment);
    if (cmp == 0) {
      return new Reconciliation.Result(ReceiptOutcome.APPLIED, !rest, otherUnpaid, BigDecimal.ZERO);
    }
    if (cmp > 0) {
      return new Reconciliation.Result(
          ReceiptOutcome.OVERPAID, !rest, otherUnpaid, amount.subtract(instalment));
    }
    return new Reconciliation.Result(
        ReceiptOutcome.PARTIAL,
        false,
        otherUnpaid.add(instalment.subtract(amount)),
        BigDecimal.ZERO);
  }

  private PagoPaAccess access() throws DeliveryFailure {
    return PagoPaAccesses.of(credentials);
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
}
