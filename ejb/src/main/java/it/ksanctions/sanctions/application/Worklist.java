package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppModule.PRE_NOTICES;
import static it.ksanctions.permissions.domain.AppModule.VERBALI;

import it.ksanctions.command.application.CommandHealth;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.sanctions.domain.NotificationTerm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The command's worklist (issue 14 item 7), the back office's home page: what waits for review, the
 * validated violations waiting to become verbali with the days left before the art. 201 term (most
 * urgent first), the acts waiting for notification, the anomalies that block issuing, and today's
 * counts. Pre-notices and verbali within the viewer's visibility (PRM-6).
 */
@ApplicationScoped
@Transactional
public class Worklist {

  /** How many of the oldest validated violations of each kind are ranked for the urgent list. */
  static final int URGENT_CANDIDATES = 200;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject CommandHealth health;

  Clock clock = Clock.systemUTC();

  /** A validated violation not yet an act, with the days left to notify it. */
  public record Waiting(
      String kind,
      String id,
      LocalDateTime violationAt,
      String plate,
      String articleCode,
      String country,
      long daysLeft) {
    public String kindLabel() {
      return kind.equals("DETECTION") ? "Rilevazione" : "Preavviso";
    }
  }

  /** The worklist of the signed-in user; sections the role may not see are empty or zero. */
  public record View(
      long preNoticesToReview,
      long detectionsToReview,
      long validatedWaiting,
      List<Waiting> mostUrgent,
      long actsToNotify,
      long actsLapsingSoon,
      List<String> blockingAnomalies,
      long issuedToday,
      long annulledToday) {}

  public View today() {
    StaffProfile staff = currentStaff.requireActive();
    LocalDate today = LocalDate.now(clock.withZone(Verbali.ROME));
    boolean preNotices = staff.permissions().allows(PRE_NOTICES, ACCESS);
    boolean acts = staff.permissions().allows(VERBALI, ACCESS);
    long preNoticesToReview = 0;
    long detectionsToReview = 0;
    List<Waiting> waiting = new ArrayList<>();
    long validatedWaiting = 0;
    PreNoticeVisibility.Condition p = PreNoticeVisibility.of(staff, "p");
    if (preNotices) {
      preNoticesToReview =
          count(
              "select count(p) from PreNoticeRow p where p.status = it.ksanctions.sanctions"
                  + ".domain.PreNoticeStatus.RECORDED and "
                  + p.jpql(),
              p.parameters());
      boolean detections = DetectionVisibility.sees(staff);
      detectionsToReview =
          !detections
              ? 0
              : count(
                  "select count(d) from DetectionRow d where d.status = it.ksanctions.sanctions"
                      + ".domain.DetectionStatus.TO_REVIEW",
                  Map.of());
      Query validated =
          em.createQuery(
              "select p.id, p.violationAt, p.plate, p.articleCode, p.plateCountry from"
                  + " PreNoticeRow p where p.status = it.ksanctions.sanctions.domain"
                  + ".PreNoticeStatus.VALIDATED and "
                  + p.jpql()
                  + " and not exists (select v from VerbaleRow v where v.sourceKind ="
                  + " 'PRE_NOTICE' and v.sourceId = cast(p.id as string))"
                  + " order by p.violationAt");
      p.parameters().forEach(validated::setParameter);
      validatedWaiting +=
          count(
              "select count(p) from PreNoticeRow p where p.status = it.ksanctions.sanctions.domain"
                  + ".PreNoticeStatus.VALIDATED and "
                  + p.jpql()
                  + " and not exists (select v from VerbaleRow v where v.sourceKind ="
                  + " 'PRE_NOTICE' and v.sourceId = cast(p.id as string))",
              p.parameters());
      // the oldest are the most urgent (the art. 201 term runs from the violation; 360 days
      // abroad): enough of them to rank the ten shown
      for (Object o : validated.setMaxResults(URGENT_CANDIDATES).getResultList()) {
        Object[] r = (Object[]) o;
        LocalDateTime at = LocalDateTime.ofInstant((java.time.Instant) r[1], Verbali.ROME);
        waiting.add(
            waiting(
                "PRE_NOTICE",
                r[0].toString(),
                at,
                (String) r[2],
                (String) r[3],
                (String) r[4],
                today));
      }
      for (Object o :
          !detections
              ? List.of()
              : em.createQuery(
                      "select d.id, d.detectedAt, d.plate, d.articleCode, d.country from DetectionRow d"
                          + " where d.status = it.ksanctions.sanctions.domain.DetectionStatus.VALIDATED"
                          + " and not exists (select v from VerbaleRow v where v.sourceKind ="
                          + " 'DETECTION' and v.sourceId = cast(d.id as string))"
                          + " order by d.detectedAt")
                  .setMaxResults(URGENT_CANDIDATES)
                  .getResultList()) {
        Object[] r = (Object[]) o;
        waiting.add(
            waiting(
                "DETECTION",
                r[0].toString(),
                (LocalDateTime) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                today));
      }
    }
    if (preNotices && DetectionVisibility.sees(staff)) {
      validatedWaiting +=
          count(
              "select count(d) from DetectionRow d where d.status = it.ksanctions.sanctions.domain"
                  + ".DetectionStatus.VALIDATED and not exists (select v from VerbaleRow v where"
                  + " v.sourceKind = 'DETECTION' and v.sourceId = cast(d.id as string))",
              Map.of());
    }
    waiting.sort(Comparator.comparingLong(Waiting::daysLeft));
    long actsToNotify = 0;
    long lapsing = 0;
    long issuedToday = 0;
    long annulledToday = 0;
    if (acts) {
      PreNoticeVisibility.Condition v = PreNoticeVisibility.of(staff, "v");
      String waitingActs =
          "select count(v) from VerbaleRow v where v.status in (it.ksanctions.sanctions.domain"
              + ".VerbaleStatus.ISSUED, it.ksanctions.sanctions.domain.VerbaleStatus.SENT) and "
              + v.jpql();
      actsToNotify = count(waitingActs, v.parameters());
      Map<String, Object> soon = new java.util.HashMap<>(v.parameters());
      soon.put("soon", today.plusDays(15));
      lapsing = count(waitingActs + " and v.notificationDeadline <= :soon", soon);
      Map<String, Object> day = new java.util.HashMap<>(v.parameters());
      day.put("today", today);
      issuedToday =
          count("select count(v) from VerbaleRow v where v.issuedOn = :today and " + v.jpql(), day);
      annulledToday =
          count(
              "select count(v) from VerbaleRow v where v.status = it.ksanctions.sanctions.domain"
                  + ".VerbaleStatus.ANNULLED and v.issuedOn = :today and "
                  + v.jpql(),
              day);
    }
    boolean issues =
        staff.permissions().allows(VERBALI, it.ksanctions.permissions.domain.AppAction.CREATE);
    return new View(
        preNoticesToReview,
        detectionsToReview,
        validatedWaiting,
        List.copyOf(waiting.subList(0, Math.min(10, waiting.size()))),
        actsToNotify,
        lapsing,
        issues ? health.blockingMessages() : List.of(),
        issuedToday,
        annulledToday);
  }

  private static Waiting waiting(
      String kind,
      String id,
      LocalDateTime at,
      String plate,
      String article,
      String country,
      LocalDate today) {
    NotificationTerm term = NotificationTerm.of(at.toLocalDate(), !"IT".equals(country));
    return new Waiting(kind, id, at, plate, article, country, term.daysLeft(today));
  }

  private long count(String jpql, Map<String, Object> parameters) {
    Query query = em.createQuery(jpql);
    parameters.forEach(query::setParameter);
    return ((Number) query.getSingleResult()).longValue();
  }
}
