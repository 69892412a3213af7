package it.ksanctions.sanctions.application;

import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.domain.OutboxStatus;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox of the lifecycle (issue 15 item 7, ADR 0009): a message is written in
 * the transaction that changes the act, so the change and the message commit together or not at
 * all; {@link OutboxDispatcher} sends it afterwards. The same work asked twice (same dedup key) is
 * written once. What keeps failing is listed as a dead letter with its reason, and an officer can
 * put it back in the queue.
 */
@ApplicationScoped
@Transactional
public class Outbox {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;

  Clock clock = Clock.systemUTC();

  /** A message as the back office lists it. */
  public record MessageView(
      long id,
      String topic,
      Long verbaleId,
      String verbaleNumber,
      OutboxStatus status,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt,
      String lastError) {

    /** What the message does, in Italian. */
    public String topicLabel() {
      return switch (topic) {
        case OutboxTopics.DEBT_POSITION_PUBLISH -> "Pubblicazione della posizione debitoria";
        case OutboxTopics.DEBT_POSITION_DUE_DATES -> "Aggiornamento delle scadenze pagoPA";
        case OutboxTopics.DEBT_POSITION_INVALIDATE -> "Annullamento della posizione debitoria";
        case OutboxTopics.NOTIFY_SEND -> "Notifica tramite SEND";
        case OutboxTopics.NOTIFY_PEC -> "Notifica tramite PEC del comando";
        case OutboxTopics.RECEIPT_MAIL -> "Invio della quietanza al pagatore";
        case OutboxTopics.INSTALMENT_POSITIONS_PUBLISH -> "Pubblicazione delle rate pagoPA";
        case OutboxTopics.INSTALMENT_POSITIONS_INVALIDATE ->
            "Annullamento delle rate decadute su pagoPA";
        default -> topic;
      };
    }
  }

  /**
   * Adds a message in the caller's transaction; a message with the same {@code dedupKey} already
   * written (whatever its state) makes this a no-op.
   *
   * @return whether a message was written
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean enqueue(String topic, Long verbaleId, String payload, String dedupKey) {
    Instant now = Instant.now(clock);
    int rows =
        em.createNativeQuery(
                "insert into outbox_message (topic, verbale_id, payload, dedup_key, status,"
                    + " next_attempt_at, created_at) values (?1, ?2, ?3, ?4, 'PENDING', ?5, ?5)"
                    + " on conflict (dedup_key) do nothing")
            .setParameter(1, topic)
            .setParameter(2, verbaleId)
            .setParameter(3, payload)
            .setParameter(4, dedupKey)
            .setParameter(5, now)
            .executeUpdate();
    return rows == 1;
  }

  /** The messages of an act, newest first (its detail page). */
  public List<MessageView> ofVerbale(long verbaleId) {
    return list("m.verbale_id = ?1", verbaleId, 100);
  }

  /** The dead letters of {@code module}'s topics (Notifiche or Pagamenti). */
  public List<MessageView> deadLetters(AppModule module) {
    currentStaff.require(module, AppAction.ACCESS);
    return list(
            "m.status = 'DEAD' and m.topic like ?1",
            module == AppModule.PAYMENTS ? "%" : "notif%",
            500)
        .stream()
        .filter(m -> module != AppModule.PAYMENTS || !m.topic().startsWith("notification."))
        .toList();
  }

  /** The reason of the message written with {@code dedupKey}, while it is a dead letter. */
  public java.util.Optional<String> deadLetterReason(String dedupKey) {
    List<?> rows =
        em.createNativeQuery(
                "select last_error from outbox_message where dedup_key = ?1 and status = 'DEAD'")
            .setParameter(1, dedupKey)
            .getResultList();
    return rows.stream().filter(r -> r != null).map(String.class::cast).findFirst();
  }

  /** How many messages are waiting to be sent (PENDING), for the worklist. */
  public long pendingCount() {
    return ((Number)
            em.createNativeQuery("select count(*) from outbox_message where status = 'PENDING'")
                .getSingleResult())
        .longValue();
  }

  /**
   * Puts a dead letter back in the queue, to be tried at once with a fresh count of attempts.
   *
   * @throws SanctionsRuleException when the message is not a dead letter
   */
  public MessageView retry(long id, AppModule module) {
    String user = currentStaff.require(module, AppAction.EDIT).username();
    int rows =
        em.createNativeQuery(
                "update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ?2"
                    + " where id = ?1 and status = 'DEAD'")
            .setParameter(1, id)
            .setParameter(2, Instant.now(clock))
            .executeUpdate();
    if (rows == 0) {
      throw new SanctionsRuleException(
          "sanctions.outbox.not-dead",
          "L'invio non è tra quelli non riusciti: forse è già stato ripreso.",
          Kind.CONFLICT);
    }
    MessageView view = list("m.id = ?1", id, 1).get(0);
    audit.record(
        module,
        "Invii: nuovo tentativo (" + view.topicLabel() + ")",
        AuditOperation.CHANGE,
        view.verbaleNumber() == null ? Long.toString(id) : view.verbaleNumber());
    return view;
  }

  private List<MessageView> list(String where, Object parameter, int limit) {
    List<MessageView> views = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select m.id, m.topic, m.verbale_id, v.number, m.status, m.attempts, m.created_at,"
                    + " m.next_attempt_at, m.last_error from outbox_message m"
                    + " left join verbale v on v.id = m.verbale_id where "
                    + where
                    + " order by m.id desc limit "
                    + limit)
            .setParameter(1, parameter)
            .getResultList()) {
      Object[] r = (Object[]) o;
      views.add(
          new MessageView(
              ((Number) r[0]).longValue(),
              (String) r[1],
              r[2] == null ? null : ((Number) r[2]).longValue(),
              (String) r[3],
              OutboxStatus.valueOf((String) r[4]),
              ((Number) r[5]).intValue(),
              instant(r[6]),
              instant(r[7]),
              (String) r[8]));
    }
    return views;
  }

  /** A timestamp column's value as an instant (null stays null). */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalArgumentException("Not an instant: " + value.getClass());
  }
}
