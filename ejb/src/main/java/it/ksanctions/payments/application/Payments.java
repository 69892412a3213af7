package it.ksanctions.payments.application;

import it.ksanctions.payments.domain.ReceiptOutcome;
import it.ksanctions.payments.domain.Transfers;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.shared.TabularExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The office's view of the payments (issue 15 item 10, "Pagamenti"): the receipts with what
 * reconciliation made of them, the anomalies to settle (refunds, residuals, unknown IUVs) marked
 * resolved with a note, and the treasury's export of what was collected per budget chapter.
 */
@ApplicationScoped
@Transactional
public class Payments {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;

  Clock clock = Clock.systemUTC();

  /** The receipts of an act: its own, and those of the pre-notice it was issued from (ADR 0013). */
  private static final String OF_ACT =
      "(r.verbale_id = ?1 or r.pre_notice_id in (select p.pre_notice_id from pre_notice_payment p"
          + " where p.verbale_id = ?1))";

  /** A receipt as the office reads it. */
  public record ReceiptView(
      long id,
      String receiptId,
      String iuv,
      String noticeCode,
      Long verbaleId,
      String verbaleNumber,
      String windowType,
      BigDecimal amount,
      Instant paidAt,
      String payerName,
      String payerTaxCode,
      String source,
      ReceiptOutcome outcome,
      BigDecimal residual,
      BigDecimal excess,
      boolean mailed,
      Instant resolvedAt,
      String resolvedBy,
      String note) {
    public String outcomeLabel() {
      return outcome.italianLabel();
    }

    public boolean openAnomaly() {
      return outcome.anomaly() && resolvedAt == null;
    }
  }

  /** The receipts of a period (paid days, Italian time), newest first; anomalies only if asked. */
  public List<ReceiptView> receipts(LocalDate from, LocalDate to, boolean anomaliesOnly) {
    currentStaff.require(AppModule.PAYMENTS, AppAction.ACCESS);
    StringBuilder where = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    if (from != null) {
      params.add(from.atStartOfDay(ROME).toInstant());
      where.append(" and r.paid_at >= ?").append(params.size());
    }
    if (to != null) {
      params.add(to.plusDays(1).atStartOfDay(ROME).toInstant());
      where.append(" and r.paid_at < ?").append(params.size());
    }
    if (anomaliesOnly) {
      where.append(" and r.outcome <> 'APPLIED' and r.resolved_at is null");
    }
    return list(where.toString(), params, 1000);
  }

  /** The receipts of an act (its detail page). */
  public List<ReceiptView> ofVerbale(long verbaleId) {
    currentStaff.require(AppModule.VERBALI, AppAction.ACCESS);
    return list(OF_ACT, List.of(verbaleId), 100);
  }

  /**
   * The receipts of an act for its citizen (issue 16): the portal context has already checked that
   * the citizen may see act {@code verbaleId}.
   */
  public List<ReceiptView> ofVerbaleForCitizen(long verbaleId) {
    return list(OF_ACT, List.of(verbaleId), 100);
  }

  /** How many anomalies are open (the home page's worklist). */
  public long openAnomalies() {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from payment_receipt where outcome <> 'APPLIED'"
                        + " and resolved_at is null")
                .getSingleResult())
        .longValue();
  }

  /**
   * Marks an anomaly settled (refund made, residual claimed, receipt attributed) with a note.
   *
   * @throws SanctionsRuleException without a note, or when the receipt is not an open anomaly
   */
  public ReceiptView resolve(long id, String note) {
    String user = currentStaff.require(AppModule.PAYMENTS, AppAction.EDIT).username();
    if (note == null || note.isBlank() || note.strip().length() > 1000) {
      throw new SanctionsRuleException(
          "payments.resolve-note-required",
          "Indicare come è stata risolta l'anomalia (al massimo 1000 caratteri).",
          Kind.INVALID_INPUT);
    }
    int rows =
        em.createNativeQuery(
                "update payment_receipt set resolved_at = ?2, resolved_by = ?3, note = ?4"
                    + " where id = ?1 and outcome <> 'APPLIED' and resolved_at is null")
            .setParameter(1, id)
            .setParameter(2, Instant.now(clock))
            .setParameter(3, user)
            .setParameter(4, note.strip())
            .executeUpdate();
    if (rows == 0) {
      throw new SanctionsRuleException(
          "payments.not-an-open-anomaly",
          "La ricevuta non è un'anomalia aperta: forse è già stata risolta.",
          Kind.CONFLICT);
    }
    ReceiptView view = list("r.id = ?1", List.of(id), 1).get(0);
    audit.record(
        AppModule.PAYMENTS, "Pagamenti: anomalia risolta", AuditOperation.CHANGE, view.receiptId());
    return view;
  }

  /**
   * What was collected in a period per budget chapter, for the treasury: the sanction part of each
   * applied payment split by the act's chapters (frozen at issue), the fees apart.
   */
  public byte[] treasuryExport(LocalDate from, LocalDate to, boolean excel) {
    currentStaff.require(AppModule.PAYMENTS, AppAction.EXPORT_NOTIFY);
    if (from == null || to == null || to.isBefore(from)) {
      throw new SanctionsRuleException(
          "payments.export-period",
          "Indicare il periodo dell'esportazione (dal giorno, al giorno).",
          Kind.INVALID_INPUT);
    }
    Map<String, BigDecimal> perChapter = new TreeMap<>();
    for (Object o :
        em.createNativeQuery(
                "select r.amount, w.fees, r.verbale_id from payment_receipt r"
                    + " left join verbale_window w on w.iuv = r.iuv"
                    + " where r.outcome in ('APPLIED', 'PARTIAL', 'LATE_REDUCED', 'OVERPAID')"
                    + " and r.paid_at >= ?1 and r.paid_at < ?2")
            .setParameter(1, from.atStartOfDay(ROME).toInstant())
            .setParameter(2, to.plusDays(1).atStartOfDay(ROME).toInstant())
            .getResultList()) {
      Object[] r = (Object[]) o;
      BigDecimal amount = (BigDecimal) r[0];
      BigDecimal fees = r[1] == null ? BigDecimal.ZERO : ((BigDecimal) r[1]).min(amount);
      BigDecimal sanction = amount.subtract(fees);
      perChapter.merge("SPESE", fees, BigDecimal::add);
      List<?> splits =
          r[2] == null
              ? List.of()
              : em.createNativeQuery(
                      "select chapter_code, percentage from verbale_split where verbale_id = ?1")
                  .setParameter(1, r[2])
                  .getResultList();
      if (splits.isEmpty()) {
        perChapter.merge("NON RIPARTITO", sanction, BigDecimal::add);
      }
      // split as the pagoPA transfers split it: the chapters' parts add up to the sanction
      List<Transfers.Share> shares = new ArrayList<>();
      for (Object s : splits) {
        Object[] x = (Object[]) s;
        shares.add(new Transfers.Share((String) x[0], (BigDecimal) x[1]));
      }
      if (!shares.isEmpty()) {
        Transfers.perChapter(
                sanction.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact(),
                shares)
            .forEach(
                (chapter, cents) ->
                    perChapter.merge(chapter, BigDecimal.valueOf(cents, 2), BigDecimal::add));
      }
    }
    String[] headers = {"Capitolo", "Dal", "Al", "Importo incassato (euro)"};
    audit.record(
        AppModule.PAYMENTS,
        "Pagamenti: esportazione per la tesoreria",
        AuditOperation.EXPORT,
        from + "/" + to);
    if (excel) {
      List<Object[]> rows = new ArrayList<>();
      perChapter.forEach((k, v) -> rows.add(new Object[] {k, from.toString(), to.toString(), v}));
      return TabularExport.xlsx("Incassi per capitolo", headers, rows);
    }
    List<String[]> rows = new ArrayList<>();
    perChapter.forEach(
        (k, v) -> rows.add(new String[] {k, from.toString(), to.toString(), v.toPlainString()}));
    return TabularExport.csv(headers, rows);
  }

  private List<ReceiptView> list(String where, List<Object> params, int limit) {
    var query =
        em.createNativeQuery(
            "select r.id, r.receipt_id, r.iuv, r.notice_code, r.verbale_id, v.number,"
                + " r.window_type, r.amount, r.paid_at, r.payer_name, r.payer_tax_code, r.source,"
                + " r.outcome, r.residual, r.excess, r.mailed_at, r.resolved_at, r.resolved_by,"
                + " r.note from payment_receipt r left join verbale v on v.id = r.verbale_id"
                + " where "
                + where
                + " order by r.paid_at desc, r.id desc limit "
                + limit);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    List<ReceiptView> views = new ArrayList<>();
    for (Object o : query.getResultList()) {
      Object[] r = (Object[]) o;
      views.add(
          new ReceiptView(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              r[4] == null ? null : ((Number) r[4]).longValue(),
              (String) r[5],
              (String) r[6],
              (BigDecimal) r[7],
              Outbox.instant(r[8]),
              (String) r[9],
              (String) r[10],
              (String) r[11],
              ReceiptOutcome.valueOf((String) r[12]),
              (BigDecimal) r[13],
              (BigDecimal) r[14],
              r[15] != null,
              Outbox.instant(r[16]),
              (String) r[17],
              (String) r[18]));
    }
    return views;
  }
}
