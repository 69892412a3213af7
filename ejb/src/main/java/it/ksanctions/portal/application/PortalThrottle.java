package it.ksanctions.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed accesses counted per key ({@code cf:<codice fiscale>}, {@code ip:<address>}) in the
 * tenant's database, so that every node of the cluster counts the same: {@code max} failures within
 * the window lock the key for the lock's length. Each failure commits on its own, whatever the
 * caller's transaction does.
 */
@ApplicationScoped
public class PortalThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK = Duration.ofMinutes(30);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** Until when {@code key} is locked, if it is at {@code now}. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Instant> lockedUntil(String key, Instant now) {
    List<?> rows =
        em.createNativeQuery(
                "select locked_until from portal_throttle where throttle_key = ?1"
                    + " and locked_until > ?2")
            .setParameter(1, key)
            .setParameter(2, now)
            .getResultList();
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(it.ksanctions.sanctions.application.Outbox.instant(rows.get(0)));
  }

  /**
   * Counts a failure of {@code key}; the count starts again when the window has passed.
   *
   * @return the failures in the current window (the key is locked when it reaches {@code max})
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int fail(String key, int max, Instant now) {
    em.createNativeQuery(
            "insert into portal_throttle (throttle_key, failures, window_start) values (?1, 1, ?2)"
                + " on conflict (throttle_key) do update set"
                + " failures = case when portal_throttle.window_start < ?3 then 1"
                + " else portal_throttle.failures + 1 end,"
                + " window_start = case when portal_throttle.window_start < ?3 then ?2"
                + " else portal_throttle.window_start end")
        .setParameter(1, key)
        .setParameter(2, now)
        .setParameter(3, now.minus(WINDOW))
        .executeUpdate();
    em.createNativeQuery(
            "update portal_throttle set locked_until = ?2 where throttle_key = ?1"
                + " and failures >= ?3 and (locked_until is null or locked_until < ?4)")
        .setParameter(1, key)
        .setParameter(2, now.plus(LOCK))
        .setParameter(3, max)
        .setParameter(4, now)
        .executeUpdate();
    return ((Number)
            em.createNativeQuery("select failures from portal_throttle where throttle_key = ?1")
                .setParameter(1, key)
                .getSingleResult())
        .intValue();
  }

  /** Forgets the failures of {@code key} (a successful access). */
  @Transactional(TxType.REQUIRES_NEW)
  public void clear(String key) {
    em.createNativeQuery(
            "delete from portal_throttle where throttle_key = ?1 and (locked_until is null)")
        .setParameter(1, key)
        .executeUpdate();
  }
}
