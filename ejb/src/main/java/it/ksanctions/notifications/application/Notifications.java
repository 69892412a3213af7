package it.ksanctions.notifications.application;

import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.notifications.domain.NotificationsRuleException;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Notifying the acts (issue 15, SPEC LIF-3): an officer sends an issued act for notification — the
 * act becomes SENT and the message to send is written to the outbox in the same transaction, so
 * both happen or neither; SEND or the command's PEC take it from there, and the act's page shows
 * each attempt with its timeline and legal facts.
 */
@ApplicationScoped
@Transactional
public class Notifications {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject VerbaleLifecycle lifecycle;
  @Inject Outbox outbox;

  Clock clock = Clock.systemUTC();

  /** A step of a notification's timeline. */
  public record EventView(Instant at, NotificationStatus status, String category, String detail) {
    /** The event in Italian ("" for a step without one). */
    public String categoryLabel() {
      return it.ksanctions.notifications.domain.TimelineLabels.event(category);
    }
  }

  /** A legal fact kept with the notification. */
  public record LegalFactView(long id, String category, String fileName) {
    public String categoryLabel() {
      return it.ksanctions.notifications.domain.TimelineLabels.legalFact(category);
    }
  }

  /** One notification attempt of an act. */
  public record NotificationView(
      long id,
      int attempt,
      String channel,
      NotificationStatus status,
      String requestId,
      String iun,
      String digitalDomicile,
      String refusal,
      LocalDate perfectedOn,
      Instant createdAt,
      List<EventView> events,
      List<LegalFactView> legalFacts) {
    public String statusLabel() {
      return status.labelFor(channel);
    }

    /** A step of this attempt's timeline, worded for its channel. */
    public String labelOf(NotificationStatus step) {
      return step.labelFor(channel);
    }

    NotificationView withRefusal(String reason) {
      return new NotificationView(
          id,
          attempt,
          channel,
          status,
          requestId,
          iun,
          digitalDomicile,
          reason,
          perfectedOn,
          createdAt,
          events,
          legalFacts);
    }
  }

  /**
   * Sends act {@code verbaleId} for notification through its channel.
   *
   * @param lateDecision the reason of an explicit decision to send past the art. 201 term (else
   *     refused then)
   * @throws SanctionsRuleException when the act cannot be sent (state, term)
   */
  public NotificationView send(long verbaleId, String lateDecision) {
    String user = currentStaff.require(AppModule.NOTIFICATIONS, AppAction.CREATE).username();
    NotificationChannel channel = lifecycle.channel(verbaleId);
    var act = lifecycle.markSent(verbaleId, user, lateDecision);
    long id = attempt(verbaleId, channel, "Inviato per la notifica da " + user);
    audit.record(
        AppModule.NOTIFICATIONS,
        "Notifiche: invio per la notifica",
        AuditOperation.CHANGE,
        act.verbale().number());
    return attemptView(verbaleId, id);
  }

  /**
   * Sends act {@code verbaleId} for notification again, through its channel, after SEND or the
   * command's PEC provider refused its last attempt (e.g. once the command's SEND configuration or
   * the act's data were put right): a new attempt with a new idempotence token, so SEND takes it as
   * a new request; the act stays SENT. Two requests at once make one attempt: the act is locked and
   * the second finds the first's attempt queued.
   *
   * @param reason what changed since the refusal (required, kept in the timelines and the audit)
   * @param lateDecision as for {@link #send}, past the art. 201 term
   * @throws NotificationsRuleException without a reason, or when the last attempt was not refused
   * @throws SanctionsRuleException when the act's state or the art. 201 term forbid it
   */
  public NotificationView resend(long verbaleId, String reason, String lateDecision) {
    String user = currentStaff.require(AppModule.NOTIFICATIONS, AppAction.CREATE).username();
    if (reason == null || reason.isBlank()) {
      throw new NotificationsRuleException(
          "notifications.resend.reason",
          "Indicare il motivo del nuovo invio: che cosa è stato corretto dopo il rifiuto.",
          Kind.INVALID_INPUT);
    }
    if (reason.strip().length() > 1000) {
      throw new NotificationsRuleException(
          "notifications.resend.reason",
          "Il motivo del nuovo invio supera 1000 caratteri.",
          Kind.INVALID_INPUT);
    }
    NotificationChannel channel = lifecycle.channel(verbaleId); // locks the act
    List<?> last =
        em.createNativeQuery(
                "select status, channel from notification where verbale_id = ?1"
                    + " order by attempt desc limit 1")
            .setParameter(1, verbaleId)
            .getResultList();
    if (last.isEmpty() || !NotificationStatus.REFUSED.name().equals(((Object[]) last.get(0))[0])) {
      String number = lifecycle.act(verbaleId).orElseThrow().verbale().number();
      throw new NotificationsRuleException(
          "notifications.resend.not-refused",
          last.isEmpty()
              ? "Il verbale n. " + number + " non è ancora stato inviato per la notifica."
              : "Il verbale n. "
                  + number
                  + " si invia di nuovo solo dopo un rifiuto: l'ultimo invio è «"
                  + NotificationStatus.valueOf((String) ((Object[]) last.get(0))[0])
                      .labelFor((String) ((Object[]) last.get(0))[1])
                  + "».");
    }
    String why = reason.strip();
    var act = lifecycle.markResent(verbaleId, user, why, lateDecision);
    long id = attempt(verbaleId, channel, "Inviato di nuovo da " + user + ": " + why);
    audit.record(
        AppModule.NOTIFICATIONS,
        "Notifiche: nuovo invio dopo il rifiuto",
        AuditOperation.CHANGE,
        act.verbale().number() + " — " + why);
    return attemptView(verbaleId, id);
  }

  /** A new attempt, queued, with its message to SEND or the PEC in the outbox (none for post). */
  private long attempt(long verbaleId, NotificationChannel channel, String detail) {
    String topic =
        switch (channel) {
          case SEND -> OutboxTopics.NOTIFY_SEND;
          case PEC -> OutboxTopics.NOTIFY_PEC;
          // POST, ABROAD: no message; PostalBatches.prepare puts the queued notification in a batch
          default -> null;
        };
    int attempt =
        ((Number)
                    em.createNativeQuery(
                            "select coalesce(max(attempt), 0) from notification where verbale_id = ?1")
                        .setParameter(1, verbaleId)
                        .getSingleResult())
                .intValue()
            + 1;
    Instant now = Instant.now(clock);
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into notification (verbale_id, attempt, channel, status,"
                            + " idempotence_token, created_at, updated_at)"
                            + " values (?1, ?2, ?5, 'QUEUED', ?3, ?4, ?4) returning id")
                    .setParameter(1, verbaleId)
                    .setParameter(2, attempt)
                    .setParameter(3, UUID.randomUUID().toString())
                    .setParameter(4, now)
                    .setParameter(5, channel.name())
                    .getSingleResult())
            .longValue();
    event(id, now, NotificationStatus.QUEUED, null, detail, null);
    if (topic != null) {
      outbox.enqueue(topic, verbaleId, Long.toString(id), "notify:" + id);
    }
    return id;
  }

  private NotificationView attemptView(long verbaleId, long id) {
    return ofVerbaleUnchecked(verbaleId).stream()
        .filter(n -> n.id() == id)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The notification attempts of an act, newest first; an attempt whose sending ended in the dead
   * letters (e.g. no PEC on INI-PEC) shows that reason until an officer retries it.
   */
  public List<NotificationView> ofVerbale(long verbaleId) {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.ACCESS);
    return ofVerbaleUnchecked(verbaleId).stream()
        .map(
            n ->
                n.status() != NotificationStatus.QUEUED || n.refusal() != null
                    ? n
                    : outbox.deadLetterReason("notify:" + n.id()).map(n::withRefusal).orElse(n))
        .toList();
  }

  /** A legal fact's file name and content. */
  public Optional<Object[]> legalFact(long legalFactId) {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.ACCESS);
    List<?> rows =
        em.createNativeQuery("select file_name, content from notification_legal_fact where id = ?1")
            .setParameter(1, legalFactId)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
  }

  /**
   * The notification attempts of an act for its citizen (issue 16): the portal context has already
   * checked that the citizen may see act {@code verbaleId}.
   */
  public List<NotificationView> ofVerbaleForCitizen(long verbaleId) {
    return ofVerbaleUnchecked(verbaleId);
  }

  /**
   * A legal fact of act {@code verbaleId} for its citizen: file name and content, only when the
   * legal fact belongs to one of that act's notifications.
   */
  public Optional<Object[]> legalFactForCitizen(long verbaleId, long legalFactId) {
    List<?> rows =
        em.createNativeQuery(
                "select f.file_name, f.content from notification_legal_fact f"
                    + " join notification n on n.id = f.notification_id"
                    + " where f.id = ?1 and n.verbale_id = ?2")
            .setParameter(1, legalFactId)
            .setParameter(2, verbaleId)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
  }

  /** A notification in the office's list ("Notifiche"). */
  public record ListRow(
      long id,
      long verbaleId,
      String verbaleNumber,
      String channel,
      NotificationStatus status,
      String iun,
      String refusal,
      LocalDate perfectedOn,
      Instant updatedAt) {
    public String statusLabel() {
      return status.labelFor(channel);
    }
  }

  /**
   * The latest notifications (at most 500), of one status if given, most recently changed first.
   */
  public List<ListRow> latest(NotificationStatus status) {
    currentStaff.require(AppModule.NOTIFICATIONS, AppAction.ACCESS);
    var query =
        em.createNativeQuery(
            "select n.id, n.verbale_id, v.number, n.channel, n.status, n.iun, n.refusal,"
                + " n.perfected_on, n.updated_at from notification n"
                + " join verbale v on v.id = n.verbale_id"
                + (status == null ? "" : " where n.status = ?1")
                + " order by n.updated_at desc, n.id desc limit 500");
    if (status != null) {
      query.setParameter(1, status.name());
    }
    List<ListRow> rows = new ArrayList<>();
    for (Object o : query.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new ListRow(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              NotificationStatus.valueOf((String) r[4]),
              (String) r[5],
              (String) r[6],
              r[7] == null ? null : ((java.sql.Date) r[7]).toLocalDate(),
              Outbox.instant(r[8])));
    }
    return rows;
  }

  List<NotificationView> ofVerbaleUnchecked(long verbaleId) {
    List<NotificationView> views = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, attempt, channel, status, request_id, iun, digital_domicile, refusal,"
                    + " perfected_on, created_at from notification where verbale_id = ?1"
                    + " order by attempt desc")
            .setParameter(1, verbaleId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      List<EventView> events = new ArrayList<>();
      for (Object e :
          em.createNativeQuery(
                  "select at, status, category, detail from notification_event"
                      + " where notification_id = ?1 order by at, id")
              .setParameter(1, id)
              .getResultList()) {
        Object[] x = (Object[]) e;
        events.add(
            new EventView(
                Outbox.instant(x[0]),
                NotificationStatus.valueOf((String) x[1]),
                (String) x[2],
                (String) x[3]));
      }
      List<LegalFactView> facts = new ArrayList<>();
      for (Object f :
          em.createNativeQuery(
                  "select id, category, file_name from notification_legal_fact"
                      + " where notification_id = ?1 order by id")
              .setParameter(1, id)
              .getResultList()) {
        Object[] x = (Object[]) f;
        facts.add(new LegalFactView(((Number) x[0]).longValue(), (String) x[1], (String) x[2]));
      }
      views.add(
          new NotificationView(
              id,
              ((Number) r[1]).intValue(),
              (String) r[2],
              NotificationStatus.valueOf((String) r[3]),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              r[8] == null ? null : ((java.sql.Date) r[8]).toLocalDate(),
              Outbox.instant(r[9]),
              events,
              facts));
    }
    return views;
  }

  void event(
      long notificationId,
      Instant at,
      NotificationStatus status,
      String category,
      String detail,
      String sourceEventId) {
    em.createNativeQuery(
            "insert into notification_event (notification_id, at, status, category, detail,"
                + " source_event_id) values (?1, ?2, ?3, ?4, ?5, ?6)"
                + " on conflict (source_event_id) do nothing")
        .setParameter(1, notificationId)
        .setParameter(2, at)
        .setParameter(3, status.name())
        .setParameter(4, category)
        .setParameter(5, detail)
        .setParameter(6, sourceEventId)
        .executeUpdate();
  }
}
