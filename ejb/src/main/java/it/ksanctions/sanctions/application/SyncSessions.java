package it.ksanctions.sanctions.application;

import it.ksanctions.sanctions.infrastructure.SyncSessionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;

/**
 * The log of the mobile app's sessions with Sanctions (DEV-4: date and time, device and user,
 * volume, anomalies): one row per call, opened before its items are processed and closed with the
 * counts, each in a transaction of its own so the log survives whatever happens to the items.
 */
@ApplicationScoped
public class SyncSessions {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** Anomalies are kept up to this many characters. */
  static final int ANOMALIES_MAX = 8_000;

  @Transactional(TxType.REQUIRES_NEW)
  public long open(
      String deviceCode,
      String officer,
      String operation,
      Instant startedAt,
      int itemsReceived,
      long bytes) {
    SyncSessionRow row =
        new SyncSessionRow(deviceCode, officer, operation, startedAt, itemsReceived, bytes);
    em.persist(row);
    em.flush();
    return row.id();
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void close(
      long id, Instant endedAt, int accepted, int duplicate, int refused, String anomalies) {
    SyncSessionRow row = em.find(SyncSessionRow.class, id);
    String text =
        anomalies == null || anomalies.isBlank()
            ? null
            : anomalies.length() <= ANOMALIES_MAX
                ? anomalies
                : anomalies.substring(0, ANOMALIES_MAX - 1) + "…";
    row.end(endedAt, accepted, duplicate, refused, text);
  }

  /** Logs a session that is one transaction with its work (e.g. a block of numbers). */
  @Transactional(TxType.MANDATORY)
  public long logWithin(
      String deviceCode, String officer, String operation, Instant at, int items, String notes) {
    SyncSessionRow row = new SyncSessionRow(deviceCode, officer, operation, at, items, 0);
    row.end(at, items, 0, 0, notes);
    em.persist(row);
    em.flush();
    return row.id();
  }
}
