package it.ksanctions.sanctions.application;

import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.domain.Dates;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.sanctions.infrastructure.VerbaleRow;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The act's life as the higher contexts drive it (issue 15, ADR 0009): notifications says when it
 * was sent and when the notification perfected, payments when it was paid. These are the system's
 * moves, checked by {@link VerbaleStatus} like an officer's and written to the act's timeline; the
 * caller has already checked who may ask (an officer's permission, or an authenticated receipt).
 * Reads of an act for sending and collecting are here too, without the staff visibility filter.
 */
@ApplicationScoped
@Transactional
public class VerbaleLifecycle {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject Verbali verbali;
  @Inject VerbalePrinting printing;

  Clock clock = Clock.systemUTC();

  /** An act with its budget-chapter split, as notifying and collecting need it. */
  public record Act(VerbaleView verbale, String ownerKind, List<Split> splits) {
    public boolean company() {
      return "COMPANY".equals(ownerKind);
    }

    public Optional<WindowView> window(PaymentWindowType type) {
      return verbale.windows().stream().filter(w -> w.type() == type).findFirst();
    }

    public Optional<WindowView> windowOfIuv(String iuv) {
      return verbale.windows().stream().filter(w -> iuv.equals(w.iuv())).findFirst();
    }
  }

  /** A revenue chapter's share of the act's sanction. */
  public record Split(String chapterCode, BigDecimal percentage) {}

  /** The act {@code id}, if this command has it. */
  public Optional<Act> act(long id) {
    VerbaleRow row = em.find(VerbaleRow.class, id);
    return row == null ? Optional.empty() : Optional.of(act(row));
  }

  /** The act whose payment window has {@code iuv}, if any. */
  public Optional<Act> actOfIuv(String iuv) {
    List<?> ids =
        em.createNativeQuery("select verbale_id from verbale_window where iuv = ?1")
            .setParameter(1, iuv)
            .getResultList();
    return ids.isEmpty() ? Optional.empty() : act(((Number) ids.get(0)).longValue());
  }

  /** The act numbered {@code number}, if this command has it. */
  public Optional<Act> actOfNumber(String number) {
    List<?> ids =
        em.createNativeQuery("select id from verbale where number = ?1")
            .setParameter(1, number)
            .getResultList();
    return ids.isEmpty() ? Optional.empty() : act(((Number) ids.get(0)).longValue());
  }

  /** The act's PDF as printed at issue. */
  public Optional<byte[]> pdf(long id) {
    return printing.pdf(id);
  }

  /**
   * Sends the act for notification: ISSUED → SENT, refused past the art. 201 term unless {@code
   * lateDecision} gives the reason of an explicit decision (kept in the timeline).
   */
  public Act markSent(long id, String by, String lateDecision) {
    VerbaleRow row = locked(id);
    verbali.move(row, VerbaleStatus.SENT, lateReason(row, lateDecision), by);
    return act(row);
  }

  /**
   * Sends the act for notification again after its channel refused the last attempt: the act stays
   * SENT, and the new sending with its {@code reason} is written to its timeline. The art. 201 term
   * is checked as for the first sending.
   */
  public Act markResent(long id, String by, String reason, String lateDecision) {
    VerbaleRow row = locked(id);
    if (row.status() != VerbaleStatus.SENT) {
      throw new SanctionsRuleException(
          "sanctions.verbale.not-sent",
          "Il verbale n. "
              + row.number()
              + " è nello stato «"
              + row.status().italianLabel()
              + "»: si invia di nuovo solo un verbale inviato per la notifica e rifiutato dal"
              + " canale.",
          Kind.CONFLICT);
    }
    String late = lateReason(row, lateDecision);
    verbali.event(
        row.id(),
        java.time.Instant.now(clock),
        by,
        row.status(),
        row.status(),
        "Nuovo invio per la notifica: " + reason + (late == null ? "" : ". " + late));
    return act(row);
  }

  /**
   * The reason to keep when the act is sent past its art. 201 term ({@code null} within it).
   *
   * @throws SanctionsRuleException past the term without {@code lateDecision}
   */
  private String lateReason(VerbaleRow row, String lateDecision) {
    LocalDate today = LocalDate.now(clock.withZone(ROME));
    if (!today.isAfter(row.notificationDeadline())) {
      return null;
    }
    if (lateDecision == null || lateDecision.isBlank()) {
      throw new SanctionsRuleException(
          "sanctions.verbale.notification-late",
          "Il termine di notifica del verbale n. "
              + row.number()
              + " (art. 201 CdS) è scaduto il "
              + Dates.italian(row.notificationDeadline())
              + ": l'invio richiede una decisione esplicita con la motivazione.",
          Kind.CONFLICT);
    }
    return "Invio oltre il termine dell'art. 201 CdS: " + lateDecision.strip();
  }

  /** The notification perfected on {@code day} (SEND, PEC or post): SENT → NOTIFIED. */
  public Act markNotified(long id, LocalDate day, String by, String how) {
    VerbaleRow row = locked(id);
    if (row.status() == VerbaleStatus.NOTIFIED && day.equals(row.notifiedOn())) {
      return act(row);
    }
    verbali.applyNotified(row, day, by, how);
    return act(row);
  }

  /**
   * A payment was reconciled: the act becomes PAID or PARTIALLY_PAID (an act already in that state
   * stays there; an annulled one does not move — the refund is the office's).
   */
  public Act markPaid(long id, boolean inFull, String by, String reason) {
    VerbaleRow row = locked(id);
    VerbaleStatus target = inFull ? VerbaleStatus.PAID : VerbaleStatus.PARTIALLY_PAID;
    if (row.status() != target && row.status().canMoveTo(target)) {
      verbali.move(row, target, reason, by);
    }
    return act(row);
  }

  /**
   * Art. 203 c.3: the notified acts whose minimum-payment window ended before {@code today} without
   * being paid in full become UNPAID (half the maximum is then due); each in the act's timeline.
   * Idempotent: an act already UNPAID is not touched.
   *
   * @return the numbers of the acts moved
   */
  public List<String> markUnpaidOverdue(LocalDate today) {
    List<String> moved = new java.util.ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select v.id from verbale v join verbale_window w on w.verbale_id = v.id"
                    + " and w.window_type = 'MINIMUM'"
                    + " where v.status in ('NOTIFIED', 'PARTIALLY_PAID') and w.last_day < ?1"
                    + " and v.instalments_until is null"
                    + " order by v.id")
            .setParameter(1, today)
            .getResultList()) {
      VerbaleRow row = locked(((Number) id).longValue());
      if (row.status().canMoveTo(VerbaleStatus.UNPAID)) {
        verbali.move(
            row,
            VerbaleStatus.UNPAID,
            "Non pagato entro il termine del pagamento minimo (art. 203 CdS):"
                + " è dovuta la metà del massimo",
            "sistema");
        moved.add(row.number());
      }
    }
    return moved;
  }

  /**
   * An appeal to the Prefetto or the Giudice di Pace was filed: the act is under appeal and its
   * reduced payment is no longer offered (an act already under appeal stays as it is).
   */
  public Act markAppealed(long id, String by, String reason) {
    VerbaleRow row = locked(id);
    if (row.status() != VerbaleStatus.APPEALED && row.status().canMoveTo(VerbaleStatus.APPEALED)) {
      verbali.move(row, VerbaleStatus.APPEALED, reason, by);
    }
    return act(row);
  }

  /**
   * The outcome of an appeal or of a self-protection request: upheld (or accepted by the command)
   * annuls the act; dismissed leaves it due, as after the payment terms (art. 203 c. 3 CdS). The
   * reason is kept in the timeline.
   */
  public Act appealOutcome(long id, boolean upheld, String by, String reason) {
    VerbaleRow row = locked(id);
    VerbaleStatus target = upheld ? VerbaleStatus.ANNULLED : VerbaleStatus.UNPAID;
    if (row.status() != target && row.status().canMoveTo(target)) {
      verbali.move(row, target, reason, by);
    } else {
      verbali.event(row.id(), java.time.Instant.now(clock), by, row.status(), row.status(), reason);
    }
    return act(row);
  }

  /**
   * The act is being paid by instalments (art. 202-bis CdS) until {@code lastDueDate}: while the
   * plan stands it does not become UNPAID when its minimum-payment window ends. Kept in the
   * timeline.
   */
  public void grantInstalments(long id, LocalDate lastDueDate, String by, String text) {
    VerbaleRow row = locked(id);
    em.createNativeQuery("update verbale set instalments_until = ?2 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, lastDueDate)
        .executeUpdate();
    verbali.event(row.id(), java.time.Instant.now(clock), by, row.status(), row.status(), text);
  }

  /**
   * The instalment plan ended without paying the act (forfeiture, art. 202-bis c. 6 CdS): the act
   * follows the ordinary rules again, so an act past its minimum-payment window becomes UNPAID at
   * the next check. Kept in the timeline; an act without a plan is left as it is.
   */
  public void endInstalments(long id, String by, String text) {
    VerbaleRow row = locked(id);
    int changed =
        em.createNativeQuery(
                "update verbale set instalments_until = null"
                    + " where id = ?1 and instalments_until is not null")
            .setParameter(1, id)
            .executeUpdate();
    if (changed > 0) {
      verbali.event(row.id(), java.time.Instant.now(clock), by, row.status(), row.status(), text);
    }
  }

  /** A fact about the act (a driver named, a decision) kept in its timeline, state unchanged. */
  public void note(long id, String by, String text) {
    noteRefusal(id, by, text);
  }

  /** A refusal of the channel (SEND refused the request): kept in the act's timeline. */
  public void noteRefusal(long id, String by, String reason) {
    VerbaleRow row = locked(id);
    verbali.event(row.id(), java.time.Instant.now(clock), by, row.status(), row.status(), reason);
  }

  /** Locks the act until the caller's transaction ends (one change of it at a time). */
  public void lock(long id) {
    locked(id);
  }

  /** The channel chosen for the act. */
  public NotificationChannel channel(long id) {
    return NotificationChannel.valueOf(locked(id).channel());
  }

  private VerbaleRow locked(long id) {
    VerbaleRow row = em.find(VerbaleRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw new SanctionsRuleException(
          "sanctions.verbale.not-found", "Verbale inesistente.", Kind.NOT_FOUND);
    }
    return row;
  }

  private Act act(VerbaleRow row) {
    List<Split> splits = new java.util.ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select chapter_code, percentage from verbale_split where verbale_id = ?1"
                    + " order by percentage desc, chapter_code")
            .setParameter(1, row.id())
            .getResultList()) {
      Object[] r = (Object[]) o;
      splits.add(new Split((String) r[0], (BigDecimal) r[1]));
    }
    return new Act(verbali.view(row), row.facts().ownerKind(), splits);
  }
}
