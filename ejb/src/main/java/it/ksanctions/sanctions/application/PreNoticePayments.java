package it.ksanctions.sanctions.application;

import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.PaymentWindow;
import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.application.AmountsDue;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaCreditor;
import it.ksanctions.command.domain.FeeSchedule;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.PagoPaNotice;
import it.ksanctions.sanctions.domain.PreNoticePayment;
import it.ksanctions.sanctions.domain.PreNoticePayment.Status;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Paying a pre-notice before notification (issue 16 item 3, ADR 0013): what a citizen owes on a
 * pre-notice today, the pagoPA notice of that amount (one per window, made when first asked for),
 * the pre-notice's side of a receipt, and what happens to its notices when the act is issued or the
 * pre-notice archived. The rules are {@link PreNoticePayment}'s; the payments context publishes the
 * notices on GPD and reconciles the receipts through this service.
 */
@ApplicationScoped
public class PreNoticePayments {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject AmountsDue amounts;
  @Inject PlaceDirectory places;
  @Inject IntegrationCredentials integrations;
  @Inject Outbox outbox;

  Clock clock = Clock.systemUTC();

  /** A payment window of the pre-notice: sanction, fees without notification, total, last day. */
  public record Line(
      PaymentWindowType type,
      BigDecimal sanction,
      BigDecimal fees,
      BigDecimal total,
      LocalDate lastDay) {
    public String label() {
      return type == PaymentWindowType.REDUCED_30
          ? "Ridotto del 30% entro 5 giorni"
          : "Minimo entro 60 giorni";
    }
  }

  /** A pagoPA notice of a pre-notice. */
  public record NoticeView(
      long id,
      UUID preNoticeId,
      PaymentWindowType type,
      BigDecimal sanction,
      BigDecimal fees,
      BigDecimal total,
      LocalDate lastDay,
      String iupd,
      String iuv,
      String noticeCode,
      Status status,
      boolean published,
      Long verbaleId,
      String receiptId,
      Instant paidAt,
      BigDecimal paidAmount) {
    public long amountCents() {
      return total.movePointRight(2).longValueExact();
    }

    public String noticePrinted() {
      return new PagoPaNotice(noticeCode, iuv).printed();
    }

    public String label() {
      return new Line(type, sanction, fees, total, lastDay).label();
    }
  }

  /**
   * A pre-notice as its citizen reads it before paying.
   *
   * @param windows the windows from the violation day (empty when the article was not in force)
   * @param payable the window payable today, null when refused or already paid
   * @param refusalCode the code of the reason it cannot be paid, null when it can (or is paid)
   * @param refusal the Italian reason it cannot be paid
   * @param paid the notice that was paid, or null
   */
  public record Quote(
      UUID id,
      String code,
      String plate,
      LocalDateTime violationAt,
      String placeDescription,
      String articleCode,
      String articleTitle,
      String legalSource,
      int points,
      List<Line> windows,
      List<FeeSchedule.FeeLine> fees,
      Line payable,
      String refusalCode,
      String refusal,
      NoticeView paid) {
    public boolean isPaid() {
      return paid != null;
    }
  }

  /** The receipt's view of a pre-notice notice, for the payments context's reconciliation. */
  public record IuvMatch(
      NoticeView notice, boolean archived, Long actId, List<NoticeView> siblings) {}

  /**
   * The pre-notice of {@code plate} with {@code code}, if any.
   *
   * @throws SanctionsRuleException when the code or the plate is malformed
   */
  @Transactional
  public Optional<UUID> find(String plate, String code) {
    String canonical = PreNoticePayment.normaliseCode(code);
    String number = plate == null ? "" : plate.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (number.isEmpty() || number.length() > 15) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.plate-required",
          "Inserire la targa del veicolo, come scritta sul preavviso.",
          Kind.INVALID_INPUT);
    }
    return em
        .createNativeQuery(
            "select id from pre_notice where plate = ?1 and substr(cast(id as text), 1, 8) = ?2")
        .setParameter(1, number)
        .setParameter(2, canonical.toLowerCase(Locale.ROOT))
        .getResultList()
        .stream()
        .findFirst()
        .map(o -> (UUID) o);
  }

  /** What pre-notice {@code id} costs today, or why it cannot be paid. */
  @Transactional
  public Quote quote(UUID id) {
    Object[] p = preNotice(id, false);
    LocalDate today = LocalDate.now(clock.withZone(ROME));
    LocalDateTime at = LocalDateTime.ofInstant(Outbox.instant(p[1]), ROME);
    String articleCode = (String) p[3];
    Optional<AmountsDue.Quote> quote = Optional.empty();
    try {
      quote = amounts.quote(ArticleCode.parse(articleCode), at, at.toLocalDate(), null);
    } catch (RuntimeException e) {
      // an article code the catalogue cannot read is "not in force": not payable on the portal
    }
    List<Line> lines = new ArrayList<>();
    List<FeeSchedule.FeeLine> fees = quote.map(AmountsDue.Quote::fees).orElse(List.of());
    BigDecimal feeTotal = FeeSchedule.sum(fees);
    quote.ifPresent(
        q -> {
          for (PaymentWindow w : q.windows().windows()) {
            if (w.type() != PaymentWindowType.HALF_MAXIMUM) {
              lines.add(new Line(w.type(), w.amount(), feeTotal, q.total(w), w.lastDay()));
            }
          }
        });
    List<NoticeView> notices = notices(id);
    NoticeView paid =
        notices.stream().filter(n -> n.status() == Status.PAID).findFirst().orElse(null);
    Line payable = null;
    String refusalCode = null;
    String refusal = null;
    if (paid == null) {
      try {
        PaymentWindow w =
            PreNoticePayment.payableOn(
                PreNoticeStatus.valueOf((String) p[4]),
                (String) p[5],
                (String) p[6],
                quote.map(AmountsDue.Quote::windows),
                today);
        payable = lines.stream().filter(l -> l.type() == w.type()).findFirst().orElseThrow();
      } catch (SanctionsRuleException e) {
        refusalCode = e.code();
        refusal = e.italianMessage();
      }
    }
    String place = places.place((String) p[2]).map(pl -> pl.current().name()).orElse((String) p[2]);
    var version = quote.map(AmountsDue.Quote::version);
    return new Quote(
        id,
        PreNoticePayment.printed(id),
        (String) p[0],
        at,
        place,
        articleCode,
        version.map(v -> v.getShortDescription()).orElse(null),
        version.map(v -> v.getLegalSource()).orElse(null),
        version.map(v -> v.getPoints()).orElse(0),
        List.copyOf(lines),
        fees,
        payable,
        refusalCode,
        refusal,
        paid);
  }

  /**
   * The pagoPA notice of the window payable today, made the first time it is asked for (in its own
   * transaction, so that it is recorded before the payments context publishes it); a notice of a
   * window that has closed since is superseded and its position invalidated.
   *
   * @throws SanctionsRuleException when the pre-notice cannot be paid (the reason), is already
   *     paid, or pagoPA is not configured
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public NoticeView notice(UUID id) {
    preNotice(id, true); // locked: an act issued meanwhile waits, or is seen
    Quote quote = quote(id);
    if (quote.isPaid()) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.already-paid",
          "Il preavviso risulta già pagato: non c'è altro da pagare.",
          Kind.CONFLICT);
    }
    if (quote.payable() == null) {
      throw new SanctionsRuleException(quote.refusalCode(), quote.refusal(), Kind.CONFLICT);
    }
    Line line = quote.payable();
    List<NoticeView> notices = notices(id);
    for (NoticeView n : notices) {
      if (n.status() == Status.OPEN && n.type() != line.type()) {
        supersede(n, null);
      }
    }
    Optional<NoticeView> known =
        notices.stream()
            .filter(n -> n.type() == line.type() && n.status() == Status.OPEN)
            .findFirst();
    if (known.isPresent()) {
      return known.get();
    }
    if (notices.stream().anyMatch(n -> n.type() == line.type())) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.closed",
          "Il pagamento di questo preavviso non è più disponibile: il comando notificherà il"
              + " verbale.",
          Kind.CONFLICT);
    }
    PagoPaCreditor creditor =
        integrations
            .pagoPaCreditor()
            .orElseThrow(
                () ->
                    new SanctionsRuleException(
                        "sanctions.pre-notice-payment.pagopa-missing",
                        "Il pagamento online non è disponibile: il comando non ha ancora"
                            + " attivato pagoPA. Rivolgersi al comando.",
                        Kind.CONFLICT));
    long base =
        ((Number) em.createNativeQuery("select nextval('pre_notice_iuv_base')").getSingleResult())
            .longValue();
    PagoPaNotice pagoPa = PagoPaNotice.of(creditor.segregationCode(), base);
    em.createNativeQuery(
            "insert into pre_notice_payment (pre_notice_id, window_type, sanction, fees, total,"
                + " last_day, iupd, iuv, notice_code, status, created_at) values (?1, ?2, ?3, ?4,"
                + " ?5, ?6, ?7, ?8, ?9, 'OPEN', ?10)")
        .setParameter(1, id)
        .setParameter(2, line.type().name())
        .setParameter(3, line.sanction())
        .setParameter(4, line.fees())
        .setParameter(5, line.total())
        .setParameter(6, line.lastDay())
        .setParameter(7, iupd(id, line.type()))
        .setParameter(8, pagoPa.iuv())
        .setParameter(9, pagoPa.noticeCode())
        .setParameter(10, Instant.now(clock))
        .executeUpdate();
    return notices(id).stream()
        .filter(n -> n.type() == line.type() && n.status() == Status.OPEN)
        .findFirst()
        .orElseThrow();
  }

  /** The IUPD of pre-notice {@code id}'s notice of window {@code type}. */
  public static String iupd(UUID id, PaymentWindowType type) {
    return "KS-P"
        + PreNoticePayment.code(id)
        + (type == PaymentWindowType.REDUCED_30 ? "-R" : "-M");
  }

  /** The notices of pre-notice {@code id}, oldest first. */
  @Transactional
  public List<NoticeView> notices(UUID id) {
    return list("pre_notice_id = ?1", id);
  }

  /** The notice {@code noticeId}, if any. */
  @Transactional
  public Optional<NoticeView> noticeById(long noticeId) {
    return list("id = ?1", noticeId).stream().findFirst();
  }

  /** Records that notice {@code noticeId}'s debt position is on GPD. */
  @Transactional
  public void published(long noticeId) {
    em.createNativeQuery(
            "update pre_notice_payment set published_at = ?2 where id = ?1"
                + " and published_at is null")
        .setParameter(1, noticeId)
        .setParameter(2, Instant.now(clock))
        .executeUpdate();
  }

  /** Records that notice {@code noticeId}'s debt position was invalidated on GPD. */
  @Transactional
  public void invalidated(long noticeId) {
    em.createNativeQuery(
            "update pre_notice_payment set invalidated_at = ?2 where id = ?1"
                + " and invalidated_at is null")
        .setParameter(1, noticeId)
        .setParameter(2, Instant.now(clock))
        .executeUpdate();
  }

  /**
   * The pre-notice notice with {@code iuv}, for a receipt: with whether the pre-notice is archived
   * and the act issued from it, if any. The pre-notice is locked until the caller's commit, so two
   * receipts of the same pre-notice are reconciled one after the other.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<IuvMatch> ofIuv(String iuv) {
    Optional<NoticeView> notice = list("iuv = ?1", iuv).stream().findFirst();
    if (notice.isEmpty()) {
      return Optional.empty();
    }
    UUID id = notice.get().preNoticeId();
    Object[] p = preNotice(id, true);
    notice = list("iuv = ?1", iuv).stream().findFirst();
    Long act = actOf(id);
    return Optional.of(
        new IuvMatch(
            notice.orElseThrow(), PreNoticeStatus.ARCHIVED.name().equals(p[4]), act, notices(id)));
  }

  /** Records the receipt that paid notice {@code noticeId} in full. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void paid(long noticeId, String receiptId, Instant paidAt, BigDecimal amount) {
    em.createNativeQuery(
            "update pre_notice_payment set status = 'PAID', receipt_id = ?2, paid_at = ?3,"
                + " paid_amount = ?4 where id = ?1 and status <> 'PAID'")
        .setParameter(1, noticeId)
        .setParameter(2, receiptId)
        .setParameter(3, paidAt)
        .setParameter(4, amount)
        .executeUpdate();
  }

  /**
   * Act {@code verbaleId} is being issued from pre-notice {@code id} (locked by the caller): its
   * unpaid notices are superseded and their positions invalidated; answers the notice that was
   * paid, if any — the act is then issued paid.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<NoticeView> issuing(UUID id, long verbaleId) {
    NoticeView paid = null;
    for (NoticeView n : notices(id)) {
      if (n.status() == Status.PAID) {
        paid = n;
      } else if (n.status() == Status.OPEN) {
        supersede(n, verbaleId);
      }
    }
    em.createNativeQuery("update pre_notice_payment set verbale_id = ?2 where pre_notice_id = ?1")
        .setParameter(1, id)
        .setParameter(2, verbaleId)
        .executeUpdate();
    return Optional.ofNullable(paid);
  }

  /** The notice paid on pre-notice {@code id}, if any. */
  @Transactional
  public Optional<NoticeView> paidOf(UUID id) {
    return notices(id).stream().filter(n -> n.status() == Status.PAID).findFirst();
  }

  /** Pre-notice {@code id} was archived: its unpaid notices are superseded. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void archived(UUID id) {
    Optional<NoticeView> paid = paidOf(id);
    if (paid.isPresent()) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.archive-paid",
          "Il preavviso è già stato pagato (ricevuta pagoPA "
              + paid.get().receiptId()
              + "): non si archivia. Emettere il verbale, che risulterà pagato; per un rimborso"
              + " annullarlo poi in autotutela.",
          Kind.CONFLICT);
    }
    for (NoticeView n : notices(id)) {
      if (n.status() == Status.OPEN) {
        supersede(n, null);
      }
    }
  }

  private void supersede(NoticeView n, Long verbaleId) {
    em.createNativeQuery(
            "update pre_notice_payment set status = 'SUPERSEDED' where id = ?1 and status = 'OPEN'")
        .setParameter(1, n.id())
        .executeUpdate();
    // published, or perhaps being published right now by a citizen's request: invalidated on GPD
    // either way (invalidating a position GPD does not have counts as done)
    outbox.enqueue(
        OutboxTopics.PRE_NOTICE_POSITION_INVALIDATE,
        verbaleId,
        Long.toString(n.id()),
        "pre-notice-invalidate:" + n.id());
  }

  private Long actOf(UUID id) {
    List<?> rows =
        em.createNativeQuery(
                "select id from verbale where source_kind = 'PRE_NOTICE' and source_id = ?1")
            .setParameter(1, id.toString())
            .getResultList();
    return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
  }

  /** plate, violation_at, place_code, article_code, status, contested number, issued number. */
  private Object[] preNotice(UUID id, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "select p.plate, p.violation_at, p.place_code, p.article_code, p.status,"
                    + " p.verbale_number, v.number from pre_notice p left join verbale v"
                    + " on v.source_kind = 'PRE_NOTICE' and v.source_id = cast(p.id as text)"
                    + " where p.id = ?1"
                    + (lock ? " for update of p" : ""))
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw new SanctionsRuleException(
          "sanctions.pre-notice-payment.not-found",
          "Preavviso non trovato: controllare la targa e il codice stampato sul preavviso.",
          Kind.NOT_FOUND);
    }
    return (Object[]) rows.get(0);
  }

  private List<NoticeView> list(String where, Object param) {
    List<NoticeView> views = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, pre_notice_id, window_type, sanction, fees, total, last_day, iupd, iuv,"
                    + " notice_code, status, published_at, verbale_id, receipt_id, paid_at,"
                    + " paid_amount from pre_notice_payment where "
                    + where
                    + " order by id")
            .setParameter(1, param)
            .getResultList()) {
      Object[] r = (Object[]) o;
      views.add(
          new NoticeView(
              ((Number) r[0]).longValue(),
              (UUID) r[1],
              PaymentWindowType.valueOf((String) r[2]),
              (BigDecimal) r[3],
              (BigDecimal) r[4],
              (BigDecimal) r[5],
              day(r[6]),
              (String) r[7],
              (String) r[8],
              (String) r[9],
              Status.valueOf((String) r[10]),
              r[11] != null,
              r[12] == null ? null : ((Number) r[12]).longValue(),
              (String) r[13],
              Outbox.instant(r[14]),
              (BigDecimal) r[15]));
    }
    return views;
  }

  private static LocalDate day(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalArgumentException("Not a date: " + value);
  }
}
