package it.ksanctions.notifications.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.notifications.domain.Perfection;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Follows the command's SEND notifications (issue 15 item 2): the acceptance of each request
 * (WAITING → ACCEPTED with its IUN, or REFUSED with SEND's reasons, shown on the act), then the
 * progress stream from the last event read, honouring {@code retry-after} and 429; each event is
 * recorded once (by its id), its legal facts downloaded and kept, and the perfection day (first
 * view or terms elapsed) makes the act NOTIFIED, which starts its payment windows.
 */
@ApplicationScoped
public class SendProgress {

  static final String SYSTEM = "SEND";
  private static final int MAX_PAGES = 20;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject IntegrationCredentials credentials;
  @Inject SendPlatform send;
  @Inject VerbaleLifecycle lifecycle;
  @Inject Notifications notifications;

  Clock clock = Clock.systemUTC();

  /** What a round found. */
  public record Round(int accepted, int refused, int events, int perfected) {}

  /** One round for the tenant in scope: acceptances, then the stream. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Round poll() throws DeliveryFailure {
    SendProgress self = self();
    Optional<SendAccess> access = self.access();
    if (access.isEmpty()) {
      return new Round(0, 0, 0, 0);
    }
    int accepted = 0;
    int refused = 0;
    for (Object[] row : self.requested()) {
      SendPlatform.RequestStatus status = send.status(access.get(), (String) row[1]);
      switch (status.status()) {
        case "ACCEPTED" -> {
          self.accepted(((Number) row[0]).longValue(), status.iun());
          accepted++;
        }
        case "REFUSED" -> {
          self.refused(((Number) row[0]).longValue(), status.errors());
          refused++;
        }
        default -> {}
      }
    }
    int events = 0;
    int perfected = 0;
    Object[] stream = self.stream(access.get());
    if (stream[2] != null && Outbox.instant(stream[2]).isAfter(clock.instant())) {
      return new Round(accepted, refused, 0, 0);
    }
    String last = (String) stream[1];
    for (int page = 0; page < MAX_PAGES; page++) {
      SendPlatform.Events read = send.events(access.get(), (String) stream[0], last);
      int[] counts = self.apply(access.get(), read);
      events += counts[0];
      perfected += counts[1];
      if (!read.events().isEmpty()) {
        last = read.events().get(read.events().size() - 1).eventId();
      }
      // retry-after 0: more events are waiting, read on; otherwise wait as SEND asks
      if (read.events().isEmpty() || (read.retryAfter() != null && !read.retryAfter().isZero())) {
        break;
      }
    }
    return new Round(accepted, refused, events, perfected);
  }

  @Transactional
  public Optional<SendAccess> access() {
    return credentials.sendForUse();
  }

  @Transactional
  public List<Object[]> requested() {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, request_id from notification where channel = 'SEND'"
                    + " and status = 'REQUESTED' and request_id is not null order by id limit 500")
            .getResultList()) {
      rows.add((Object[]) o);
    }
    return rows;
  }

  @Transactional
  public void accepted(long notificationId, String iun) {
    Instant now = clock.instant();
    int rows =
        em.createNativeQuery(
                "update notification set status = 'ACCEPTED', iun = ?2, updated_at = ?3"
                    + " where id = ?1 and status = 'REQUESTED'")
            .setParameter(1, notificationId)
            .setParameter(2, iun)
            .setParameter(3, now)
            .executeUpdate();
    if (rows == 1) {
      notifications.event(
          notificationId, now, NotificationStatus.ACCEPTED, null, "IUN " + iun, null);
    }
  }

  @Transactional
  public void refused(long notificationId, List<String> errors) {
    Instant now = clock.instant();
    String reasons = errors.isEmpty() ? "motivo non indicato" : String.join("; ", errors);
    int rows =
        em.createNativeQuery(
                "update notification set status = 'REFUSED', refusal = ?2, updated_at = ?3"
                    + " where id = ?1 and status = 'REQUESTED'")
            .setParameter(1, notificationId)
            .setParameter(2, reasons)
            .setParameter(3, now)
            .executeUpdate();
    if (rows == 1) {
      notifications.event(
          notificationId,
          now,
          NotificationStatus.REFUSED,
          null,
          "Rifiutata da SEND: " + reasons,
          null);
      long verbaleId =
          ((Number)
                  em.createNativeQuery("select verbale_id from notification where id = ?1")
                      .setParameter(1, notificationId)
                      .getSingleResult())
              .longValue();
      lifecycle.noteRefusal(verbaleId, SYSTEM, "Notifica rifiutata da SEND: " + reasons);
    }
  }

  /** The command's stream (created at the first round): id, last event read, retry-after. */
  @Transactional
  public Object[] stream(SendAccess access) throws DeliveryFailure {
    List<?> rows =
        em.createNativeQuery(
                "select stream_id, last_event_id, retry_after from send_progress where id = 1")
            .getResultList();
    if (!rows.isEmpty()) {
      return (Object[]) rows.get(0);
    }
    String streamId = send.createStream(access);
    em.createNativeQuery(
            "insert into send_progress (id, stream_id) values (1, ?1) on conflict (id) do nothing")
        .setParameter(1, streamId)
        .executeUpdate();
    return new Object[] {streamId, null, null};
  }

  /**
   * Records a page of events (each once), downloads their legal facts, perfects the acts, and moves
   * the stream's position — all in one transaction, so a failure re-reads the page.
   *
   * @return events recorded and acts perfected
   */
  @Transactional(rollbackOn = DeliveryFailure.class)
  public int[] apply(SendAccess access, SendPlatform.Events page) throws DeliveryFailure {
    int recorded = 0;
    int perfected = 0;
    for (SendPlatform.Event e : page.events()) {
      if (e.iun() == null) {
        continue;
      }
      List<?> rows =
          em.createNativeQuery(
                  "select id, verbale_id, perfected_on from notification where iun = ?1 for update")
              .setParameter(1, e.iun())
              .getResultList();
      if (rows.isEmpty() && e.requestId() != null) {
        // the stream may run ahead of the acceptance polling (500 requests a round): the event
        // names the request, so its acceptance is recorded here with the IUN it carries
        rows =
            em.createNativeQuery(
                    "select id, verbale_id, perfected_on from notification where request_id = ?1"
                        + " and channel = 'SEND' and status = 'REQUESTED' for update")
                .setParameter(1, e.requestId())
                .getResultList();
        if (!rows.isEmpty()) {
          accepted(((Number) ((Object[]) rows.get(0))[0]).longValue(), e.iun());
        }
      }
      if (rows.isEmpty()) {
        continue;
      }
      Object[] n = (Object[]) rows.get(0);
      long id = ((Number) n[0]).longValue();
      Instant at = e.at() == null ? clock.instant() : e.at();
      NotificationStatus status = NotificationStatus.ofSend(e.newStatus()).orElse(null);
      int inserted =
          em.createNativeQuery(
                  "insert into notification_event (notification_id, at, status, category, detail,"
                      + " source_event_id) select ?1, ?2, coalesce(?3, n.status), ?4, ?5, ?6"
                      + " from notification n where n.id = ?1"
                      + " on conflict (source_event_id) do nothing")
              .setParameter(1, id)
              .setParameter(2, at)
              .setParameter(3, status == null ? null : status.name())
              .setParameter(4, e.category())
              .setParameter(5, null)
              .setParameter(6, "send:" + e.eventId())
              .executeUpdate();
      if (inserted == 0) {
        continue;
      }
      recorded++;
      if (status != null) {
        em.createNativeQuery("update notification set status = ?2, updated_at = ?3 where id = ?1")
            .setParameter(1, id)
            .setParameter(2, status.name())
            .setParameter(3, clock.instant())
            .executeUpdate();
      }
      for (SendPlatform.LegalFactRef ref : e.legalFacts()) {
        SendPlatform.LegalFact fact = send.legalFact(access, e.iun(), ref.key());
        em.createNativeQuery(
                "insert into notification_legal_fact (notification_id, legal_fact_id, category,"
                    + " file_name, content, sha256, downloaded_at) values (?1, ?2, ?3, ?4, ?5,"
                    + " ?6, ?7) on conflict (notification_id, legal_fact_id) do nothing")
            .setParameter(1, id)
            .setParameter(2, ref.key())
            .setParameter(3, ref.category())
            .setParameter(4, fact.fileName())
            .setParameter(5, fact.content())
            .setParameter(6, hex(fact.content()))
            .setParameter(7, clock.instant())
            .executeUpdate();
      }
      Optional<LocalDate> day = Perfection.of(e.category(), at);
      if (day.isPresent() && n[2] == null) {
        em.createNativeQuery("update notification set perfected_on = ?2 where id = ?1")
            .setParameter(1, id)
            .setParameter(2, day.get())
            .executeUpdate();
        long verbaleId = ((Number) n[1]).longValue();
        var act = lifecycle.act(verbaleId);
        if (act.isPresent() && act.get().verbale().status() == VerbaleStatus.SENT) {
          lifecycle.markNotified(
              verbaleId,
              day.get(),
              SYSTEM,
              ("NOTIFICATION_VIEWED".equals(e.category())
                      ? "Notifica perfezionata con la visualizzazione"
                      : "Notifica perfezionata per decorrenza dei termini")
                  + " (SEND, IUN "
                  + e.iun()
                  + ")");
          perfected++;
        }
      }
    }
    String last =
        page.events().isEmpty() ? null : page.events().get(page.events().size() - 1).eventId();
    em.createNativeQuery(
            "update send_progress set last_event_id = coalesce(?1, last_event_id),"
                + " retry_after = ?2 where id = 1")
        .setParameter(1, last)
        .setParameter(
            2,
            page.retryAfter() == null || page.retryAfter().isZero()
                ? null
                : clock.instant().plus(page.retryAfter()))
        .executeUpdate();
    return new int[] {recorded, perfected};
  }

  private static String hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SendProgress self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(SendProgress.class).get();
  }
}
