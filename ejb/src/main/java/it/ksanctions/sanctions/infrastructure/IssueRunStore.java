package it.ksanctions.sanctions.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The tables of bulk issue runs: the run with its counters, its items with their outcome. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class IssueRunStore {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** A run as stored. */
  public record Run(
      long id,
      Instant createdAt,
      String createdBy,
      String channel,
      String status,
      int total,
      int done,
      int issued,
      int refused,
      Long executionId,
      Instant finishedAt,
      String message) {}

  /** An item to issue. */
  public record Item(int position, String sourceKind, String sourceId) {}

  /** An item's outcome: the act's number, or why it was refused. */
  public record Outcome(int position, String verbaleNumber, String reason) {}

  /** Stores a run and its items, in order; committed before the job starts. */
  @Transactional(TxType.REQUIRES_NEW)
  public long create(String createdBy, String channel, List<Item> items) {
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into verbale_issue_run (created_at, created_by, channel, status,"
                            + " items_total) values (?1, ?2, ?3, 'QUEUED', ?4) returning id")
                    .setParameter(1, Instant.now())
                    .setParameter(2, createdBy)
                    .setParameter(3, channel)
                    .setParameter(4, items.size())
                    .getSingleResult())
            .longValue();
    for (Item item : items) {
      em.createNativeQuery(
              "insert into verbale_issue_item (run_id, position, source_kind, source_id)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, id)
          .setParameter(2, item.position())
          .setParameter(3, item.sourceKind())
          .setParameter(4, item.sourceId())
          .executeUpdate();
    }
    return id;
  }

  public Optional<Run> find(long id) {
    return runs("where id = ?1", id, 1).stream().findFirst();
  }

  public List<Run> latest(int max) {
    return runs("", null, max);
  }

  private List<Run> runs(String where, Long id, int max) {
    var query =
        em.createNativeQuery(
            "select id, created_at, created_by, channel, status, items_total, items_done,"
                + " items_issued, items_refused, execution_id, finished_at, message"
                + " from verbale_issue_run "
                + where
                + " order by id desc");
    if (id != null) {
      query.setParameter(1, id);
    }
    return ((List<?>) query.setMaxResults(max).getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                r ->
                    new Run(
                        ((Number) r[0]).longValue(),
                        instant(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).intValue(),
                        ((Number) r[6]).intValue(),
                        ((Number) r[7]).intValue(),
                        ((Number) r[8]).intValue(),
                        r[9] == null ? null : ((Number) r[9]).longValue(),
                        r[10] == null ? null : instant(r[10]),
                        (String) r[11]))
            .toList();
  }

  /** The items after {@code position}, in order, at most {@code max}. */
  public List<Item> itemsAfter(long runId, int position, int max) {
    return itemsAfter(runId, position, max, 1, 0);
  }

  /** The items of partition {@code partition} of {@code partitions} after {@code position}. */
  public List<Item> itemsAfter(long runId, int position, int max, int partitions, int partition) {
    return ((List<?>)
            em.createNativeQuery(
                    "select position, source_kind, source_id from verbale_issue_item"
                        + " where run_id = ?1 and position > ?2 and mod(position, ?3) = ?4"
                        + " order by position")
                .setParameter(1, runId)
                .setParameter(2, position)
                .setParameter(3, partitions)
                .setParameter(4, partition)
                .setMaxResults(max)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(r -> new Item(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
            .toList();
  }

  /**
   * Records a chunk's outcomes and moves the run's counters by what this chunk decided, in the
   * chunk's transaction (with its checkpoint: a chunk rolled back takes its counts back too). An
   * item that already has an outcome is not counted twice.
   */
  public void record(long runId, List<Outcome> outcomes) {
    int issued = 0;
    int refused = 0;
    for (Outcome o : outcomes) {
      int changed =
          em.createNativeQuery(
                  "update verbale_issue_item set outcome = ?1, verbale_number = ?2, reason = ?3"
                      + " where run_id = ?4 and position = ?5 and outcome is null")
              .setParameter(1, o.verbaleNumber() != null ? "ISSUED" : "REFUSED")
              .setParameter(2, o.verbaleNumber())
              .setParameter(3, o.reason())
              .setParameter(4, runId)
              .setParameter(5, o.position())
              .executeUpdate();
      if (changed == 1) {
        if (o.verbaleNumber() != null) {
          issued++;
        } else {
          refused++;
        }
      }
    }
    em.createNativeQuery(
            "update verbale_issue_run set items_done = items_done + ?2,"
                + " items_issued = items_issued + ?3, items_refused = items_refused + ?4"
                + " where id = ?1")
        .setParameter(1, runId)
        .setParameter(2, issued + refused)
        .setParameter(3, issued)
        .setParameter(4, refused)
        .executeUpdate();
  }

  /** The refused items of a run: position, violation and reason. */
  public List<Object[]> refused(long runId) {
    return ((List<?>)
            em.createNativeQuery(
                    "select position, source_kind, source_id, reason from verbale_issue_item"
                        + " where run_id = ?1 and outcome = 'REFUSED' order by position")
                .setParameter(1, runId)
                .setMaxResults(1000)
                .getResultList())
        .stream().map(Object[].class::cast).toList();
  }

  public void status(long runId, String status, Long executionId, String message, boolean end) {
    em.createNativeQuery(
            "update verbale_issue_run set status = ?1,"
                + " execution_id = coalesce(?2, execution_id), message = ?3,"
                + " finished_at = case when ?4 then now() else finished_at end where id = ?5")
        .setParameter(1, status)
        .setParameter(2, executionId)
        .setParameter(3, message)
        .setParameter(4, end)
        .setParameter(5, runId)
        .executeUpdate();
  }

  private static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
  }
}
