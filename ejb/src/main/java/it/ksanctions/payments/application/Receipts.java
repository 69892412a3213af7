package it.ksanctions.payments.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.payments.application.PaymentGateway.Receipt;
import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.payments.domain.Reconciliation;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.PreNoticePayments;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.VerbaleLifecycle.Act;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The receipts of pagoPA payments (issue 15 item 6): pushed by the node (which sends the same
 * receipt again up to 48 times) or read from the receipts API — both paths apply a receipt once, by
 * its id, even when the copies arrive at the same time. Each receipt is reconciled with its act
 * ({@link Reconciliation}), moves the act to PAID or PARTIALLY_PAID, and asks the outbox to e-mail
 * the payer the receipt (quietanza). A receipt naming another creditor is refused and logged.
 */
@ApplicationScoped
@Transactional
public class Receipts {

  private static final Logger LOG = Logger.getLogger(Receipts.class);
  private static final ZoneId ROME = ZoneId.of("Europe/Rome");
  static final String SYSTEM = "pagoPA";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject VerbaleLifecycle lifecycle;
  @Inject IntegrationCredentials credentials;
  @Inject Outbox outbox;
  @Inject InstalmentPositions instalments;
  @Inject PreNoticePayments preNotices;

  Clock clock = Clock.systemUTC();

  /** Where a receipt came from. */
  public enum Source {
    PUSH,
    POLL
  }

  /** What was made of a receipt: its outcome, and whether this call applied it (not a copy). */
  public record Applied(String receiptId, ReceiptOutcome outcome, boolean firstTime, String act) {}

  /**
   * Applies {@code receipt} once.
   *
   * @throws InvalidRequestException when the receipt is malformed or names another creditor
   */
  public Applied apply(Receipt receipt, Source source) {
    check(receipt);
    String creditor =
        credentials
            .pagoPaCreditor()
            .map(IntegrationCredentials.PagoPaCreditor::creditorTaxCode)
            .orElse(null);
    if (creditor == null || !creditor.equals(receipt.creditorTaxCode())) {
      LOG.warnf(
          "Receipt %s for creditor %s refused: this command's creditor is %s",
          receipt.receiptId(), receipt.creditorTaxCode(), creditor);
      throw new InvalidRequestException(
          List.of(
              new FieldError(
                  "creditorTaxCode",
                  "la ricevuta è di un altro ente creditore: non appartiene a questo comando")));
    }
    Optional<Applied> known = known(receipt.receiptId());
    if (known.isPresent()) {
      return known.get();
    }
    Optional<Act> act = lifecycle.actOfIuv(receipt.iuv());
    // Not a window's IUV: an instalment's of an approved plan (art. 202-bis), reconciled apart.
    Optional<InstalmentPositions.InstalmentDue> instalment =
        act.isPresent() ? Optional.empty() : instalments.dueOfIuv(receipt.iuv());
    if (instalment.isPresent()) {
      act = lifecycle.act(instalment.get().verbaleId());
    }
    // Nor an instalment's: a pre-notice's notice (ADR 0013), paid before the act was issued, or
    // after (then it counts towards the act, which also owes the notification fees).
    Optional<PreNoticePayments.IuvMatch> preNotice =
        act.isPresent() || instalment.isPresent()
            ? Optional.empty()
            : preNotices.ofIuv(receipt.iuv());
    if (preNotice.isPresent() && preNotice.get().actId() != null) {
      act = lifecycle.act(preNotice.get().actId());
    }
    if (act.isPresent()) {
      // One receipt of an act at a time: two different receipts of the same act (paid twice)
      // are reconciled one after the other.
      lifecycle.lock(act.get().verbale().id());
      act = lifecycle.act(act.get().verbale().id());
    }
    Instant now = Instant.now(clock);
    List<?> inserted =
        em.createNativeQuery(
                "insert into payment_receipt (receipt_id, iuv, notice_code, creditor_tax_code,"
                    + " verbale_id, amount, paid_at, payer_name, payer_tax_code, payer_email,"
                    + " psp, source, received_at, outcome, pre_notice_id) values (?1, ?2, ?3, ?4,"
                    + " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'APPLIED', ?14)"
                    + " on conflict (receipt_id) do nothing returning id")
            .setParameter(1, receipt.receiptId())
            .setParameter(2, receipt.iuv())
            .setParameter(3, receipt.noticeCode())
            .setParameter(4, receipt.creditorTaxCode())
            .setParameter(5, act.map(a -> a.verbale().id()).orElse(null))
            .setParameter(6, receipt.amount())
            .setParameter(7, receipt.paidAt())
            .setParameter(8, receipt.payerName())
            .setParameter(9, receipt.payerTaxCode())
            .setParameter(10, receipt.payerEmail())
            .setParameter(11, receipt.psp())
            .setParameter(12, source.name())
            .setParameter(13, now)
            .setParameter(14, preNotice.map(p -> p.notice().preNoticeId()).orElse(null))
            .getResultList();
    if (inserted.isEmpty()) {
      return known(receipt.receiptId()).orElseThrow();
    }
    long rowId = ((Number) inserted.get(0)).longValue();
    LocalDate paidOn = receipt.paidAt().atZone(ROME).toLocalDate();
    Reconciliation.Result result =
        instalment.isPresent() && act.isPresent()
            ? instalments.reconcile(
                instalment.get(),
                act.get(),
                receipt.receiptId(),
                receipt.amount(),
                receipt.paidAt())
            : preNotice.isPresent() && act.isEmpty()
                ? Reconciliation.reconcile(
                    preNoticeState(preNotice.get(), rowId), receipt.iuv(), receipt.amount(), paidOn)
                : Reconciliation.reconcile(
                    act.map(a -> state(a, rowId)).orElse(null),
                    receipt.iuv(),
                    receipt.amount(),
                    paidOn);
    String window =
        instalment.isPresent()
            ? InstalmentPositions.RECEIPT_WINDOW
            : act.flatMap(a -> a.windowOfIuv(receipt.iuv()))
                .map(w -> w.type().name())
                .or(() -> preNotice.map(p -> p.notice().type().name()))
                .orElse(null);
    em.createNativeQuery(
            "update payment_receipt set outcome = ?2, residual = ?3, excess = ?4,"
                + " window_type = ?5 where id = ?1")
        .setParameter(1, rowId)
        .setParameter(2, result.outcome().name())
        .setParameter(3, result.residual())
        .setParameter(4, result.excess())
        .setParameter(5, window)
        .executeUpdate();
    if (preNotice.isPresent()
        && act.isEmpty()
        && (result.outcome() == ReceiptOutcome.APPLIED
            || result.outcome() == ReceiptOutcome.OVERPAID)) {
      preNotices.paid(
          preNotice.get().notice().id(), receipt.receiptId(), receipt.paidAt(), receipt.amount());
    }
    if (act.isPresent()) {
      long id = act.get().verbale().id();
      switch (result.outcome()) {
        case APPLIED, OVERPAID ->
            // paid in full, except an instalment while others of its plan are still unpaid
            lifecycle.markPaid(
                id, result.paidInFull(), SYSTEM, "Ricevuta pagoPA " + receipt.receiptId());
        case PARTIAL, LATE_REDUCED ->
            lifecycle.markPaid(
                id,
                false,
                SYSTEM,
                "Ricevuta pagoPA "
                    + receipt.receiptId()
                    + ": residuo di euro "
                    + result.residual().toPlainString());
        default -> {}
      }
    }
    if (receipt.payerEmail() != null && !receipt.payerEmail().isBlank()) {
      outbox.enqueue(
          OutboxTopics.RECEIPT_MAIL,
          act.map(a -> a.verbale().id()).orElse(null),
          Long.toString(rowId),
          "receipt-mail:" + receipt.receiptId());
    }
    return new Applied(
        receipt.receiptId(),
        result.outcome(),
        true,
        act.map(a -> a.verbale().number()).orElse(null));
  }

  private Reconciliation.ActState state(Act act, long excludedRow) {
    BigDecimal paid =
        (BigDecimal)
            em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from payment_receipt where verbale_id = ?1"
                        + " and id <> ?2 and outcome in ('APPLIED', 'PARTIAL', 'LATE_REDUCED',"
                        + " 'OVERPAID')")
                .setParameter(1, act.verbale().id())
                .setParameter(2, excludedRow)
                .getSingleResult();
    List<Reconciliation.Window> windows = new ArrayList<>();
    for (var w : act.verbale().windows()) {
      windows.add(new Reconciliation.Window(w.type().name(), w.total(), w.lastDay(), w.iuv()));
    }
    boolean annulled =
        act.verbale().status() == VerbaleStatus.ANNULLED
            || act.verbale().status() == VerbaleStatus.ARCHIVED && paid.signum() == 0;
    return new Reconciliation.ActState(
        annulled, windows, paid, act.verbale().status() == VerbaleStatus.PAID);
  }

  /** A pre-notice not yet an act, as reconciliation sees it: its notices are its windows. */
  private Reconciliation.ActState preNoticeState(PreNoticePayments.IuvMatch match, long rowId) {
    BigDecimal paid =
        (BigDecimal)
            em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from payment_receipt where pre_notice_id = ?1"
                        + " and id <> ?2 and outcome in ('APPLIED', 'PARTIAL', 'LATE_REDUCED',"
                        + " 'OVERPAID')")
                .setParameter(1, match.notice().preNoticeId())
                .setParameter(2, rowId)
                .getSingleResult();
    // the pre-notice's windows as the engine prices them, each with the IUV of its notice if one
    // was made: a late reduced payment is then short of the minimum, not of nothing
    List<Reconciliation.Window> windows = new ArrayList<>();
    boolean settled = false;
    for (PreNoticePayments.NoticeView n : match.siblings()) {
      settled |= n.status() == it.ksanctions.sanctions.domain.PreNoticePayment.Status.PAID;
    }
    for (PreNoticePayments.Line line : preNotices.quote(match.notice().preNoticeId()).windows()) {
      String iuv =
          match.siblings().stream()
              .filter(n -> n.type() == line.type())
              .map(PreNoticePayments.NoticeView::iuv)
              .findFirst()
              .orElse(null);
      windows.add(new Reconciliation.Window(line.type().name(), line.total(), line.lastDay(), iuv));
    }
    if (windows.isEmpty()) {
      for (PreNoticePayments.NoticeView n : match.siblings()) {
        windows.add(new Reconciliation.Window(n.type().name(), n.total(), n.lastDay(), n.iuv()));
      }
    }
    return new Reconciliation.ActState(match.archived(), windows, paid, settled);
  }

  private Optional<Applied> known(String receiptId) {
    List<?> rows =
        em.createNativeQuery(
                "select r.outcome, v.number from payment_receipt r"
                    + " left join verbale v on v.id = r.verbale_id where r.receipt_id = ?1")
            .setParameter(1, receiptId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new Applied(receiptId, ReceiptOutcome.valueOf((String) r[0]), false, (String) r[1]));
  }

  private static void check(Receipt r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.receiptId() == null || r.receiptId().isBlank() || r.receiptId().length() > 100) {
      errors.add(new FieldError("receiptId", "obbligatorio, al massimo 100 caratteri"));
    }
    if (r.iuv() == null || !r.iuv().matches("[0-9A-Za-z]{1,35}")) {
      errors.add(new FieldError("iuv", "obbligatorio, fino a 35 caratteri alfanumerici"));
    }
    if (r.creditorTaxCode() == null || !r.creditorTaxCode().matches("[0-9]{11}")) {
      errors.add(new FieldError("creditorTaxCode", "11 cifre"));
    }
    if (r.amount() == null || r.amount().signum() <= 0 || r.amount().scale() > 2) {
      errors.add(new FieldError("amountCents", "importo positivo in centesimi"));
    }
    if (r.paidAt() == null) {
      errors.add(new FieldError("paymentDateTime", "obbligatoria (data e ora ISO 8601)"));
    }
    if (r.payerEmail() != null && r.payerEmail().length() > 254) {
      errors.add(new FieldError("payer.email", "al massimo 254 caratteri"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
