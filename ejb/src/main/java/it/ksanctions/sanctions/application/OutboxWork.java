package it.ksanctions.sanctions.application;

import it.ksanctions.sanctions.domain.OutboxPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One message of the outbox, in the tenant in scope: locked ({@code for update skip locked}, so two
 * nodes never hold it at once), handed to its handler and marked done in the same transaction. A
 * node that dies mid-send leaves the message pending: another node handles it again, and the
 * handlers are idempotent (SEND's idempotence token, GPD's IUPD), so nothing is sent twice and
 * nothing is lost.
 */
@ApplicationScoped
public class OutboxWork {

  private static final Logger LOG = Logger.getLogger(OutboxWork.class);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject @Any Instance<OutboxHandler> handlers;

  Clock clock = Clock.systemUTC();

  /** What became of one message. */
  public enum Outcome {
    DONE,
    FAILED,
    POSTPONED,
    SKIPPED
  }

  /** The ids of the messages due now, oldest first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> due(int limit) {
    return em
        .createNativeQuery(
            "select id from outbox_message where status = 'PENDING' and next_attempt_at <= ?1"
                + " order by next_attempt_at, id limit ?2")
        .setParameter(1, Instant.now(clock))
        .setParameter(2, limit)
        .getResultList()
        .stream()
        .map(n -> ((Number) n).longValue())
        .toList();
  }

  /**
   * Handles message {@code id} if it is still due and nobody else holds it.
   *
   * @throws HandlerFailed when the handler failed: this transaction is rolled back, and the caller
   *     records the failure in a new one
   */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = HandlerFailed.class)
  public Outcome dispatch(long id) throws HandlerFailed {
    Instant now = Instant.now(clock);
    List<?> rows =
        em.createNativeQuery(
                "select topic, verbale_id, payload, attempts from outbox_message where id = ?1"
                    + " and status = 'PENDING' and next_attempt_at <= ?2 for update skip locked")
            .setParameter(1, id)
            .setParameter(2, now)
            .getResultList();
    if (rows.isEmpty()) {
      return Outcome.SKIPPED;
    }
    Object[] r = (Object[]) rows.get(0);
    String topic = (String) r[0];
    OutboxMessage message =
        new OutboxMessage(
            id,
            topic,
            r[1] == null ? null : ((Number) r[1]).longValue(),
            (String) r[2],
            ((Number) r[3]).intValue() + 1);
    Optional<OutboxHandler> handler = handlerOf(topic);
    if (handler.isEmpty()) {
      throw new HandlerFailed(
          "none",
          DeliveryFailure.permanent("Nessun servizio sa eseguire questo invio (" + topic + ")."));
    }
    String service = handler.get().service();
    Instant openUntil = openUntil(service);
    if (openUntil != null && openUntil.isAfter(now)) {
      em.createNativeQuery("update outbox_message set next_attempt_at = ?2 where id = ?1")
          .setParameter(1, id)
          .setParameter(2, openUntil)
          .executeUpdate();
      return Outcome.POSTPONED;
    }
    try {
      handler.get().handle(message);
    } catch (DeliveryFailure failure) {
      throw new HandlerFailed(service, failure);
    } catch (RuntimeException e) {
      LOG.warnf(e, "Outbox message %d (%s) failed", id, topic);
      throw new HandlerFailed(
          service,
          DeliveryFailure.transientFailure(
              "Errore imprevisto durante l'invio: " + e.getClass().getSimpleName(), e));
    }
    em.createNativeQuery(
            "update outbox_message set status = 'DONE', attempts = attempts + 1, done_at = ?2,"
                + " last_error = null where id = ?1")
        .setParameter(1, id)
        .setParameter(2, Instant.now(clock))
        .executeUpdate();
    em.createNativeQuery(
            "insert into outbox_circuit (service, consecutive_failures, open_until)"
                + " values (?1, 0, null) on conflict (service) do update"
                + " set consecutive_failures = 0, open_until = null")
        .setParameter(1, service)
        .executeUpdate();
    return Outcome.DONE;
  }

  /** Records a failed attempt of message {@code id}: retried later, or a dead letter. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(long id, HandlerFailed failed) {
    Instant now = Instant.now(clock);
    List<?> rows =
        em.createNativeQuery(
                "select attempts from outbox_message where id = ?1 and status = 'PENDING'"
                    + " for update")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return;
    }
    int attempts = ((Number) rows.get(0)).intValue() + 1;
    DeliveryFailure failure = failed.failure();
    OutboxPolicy.AfterFailure next =
        OutboxPolicy.afterFailure(attempts, failure.permanent(), failure.retryAfter(), now);
    em.createNativeQuery(
            "update outbox_message set attempts = ?2, status = ?3, next_attempt_at = ?4,"
                + " last_error = ?5 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, attempts)
        .setParameter(3, next.dead() ? "DEAD" : "PENDING")
        .setParameter(4, next.nextAttemptAt())
        .setParameter(5, clip(failure.reason()))
        .executeUpdate();
    if (!failure.permanent() && !"none".equals(failed.service())) {
      Number failures =
          (Number)
              em.createNativeQuery(
                      "insert into outbox_circuit (service, consecutive_failures, open_until)"
                          + " values (?1, 1, null) on conflict (service) do update"
                          + " set consecutive_failures = outbox_circuit.consecutive_failures + 1"
                          + " returning consecutive_failures")
                  .setParameter(1, failed.service())
                  .getSingleResult();
      if (OutboxPolicy.opens(failures.intValue())) {
        em.createNativeQuery(
                "update outbox_circuit set open_until = ?2, consecutive_failures = 0"
                    + " where service = ?1")
            .setParameter(1, failed.service())
            .setParameter(2, now.plus(OutboxPolicy.CIRCUIT_OPEN))
            .executeUpdate();
        LOG.warnf(
            "Circuit of %s open for %s after %d consecutive failures",
            failed.service(), OutboxPolicy.CIRCUIT_OPEN, failures.intValue());
      }
    }
  }

  private Instant openUntil(String service) {
    List<?> rows =
        em.createNativeQuery("select open_until from outbox_circuit where service = ?1")
            .setParameter(1, service)
            .getResultList();
    return rows.isEmpty() ? null : Outbox.instant(rows.get(0));
  }

  private Optional<OutboxHandler> handlerOf(String topic) {
    for (OutboxHandler h : handlers) {
      if (h.topic().equals(topic)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  private static String clip(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  /** A handler's failure, carried out of the rolled-back transaction. */
  public static class HandlerFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final String service;
    private final transient DeliveryFailure failure;

    public HandlerFailed(String service, DeliveryFailure failure) {
      super(failure.reason(), failure);
      this.service = service;
      this.failure = failure;
    }

    public String service() {
      return service;
    }

    public DeliveryFailure failure() {
      return failure;
    }
  }
}
