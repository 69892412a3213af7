package it.ksanctions.sanctions.application;

import it.ksanctions.places.application.PlaceUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;

/** The Places context's usage port, answered from pre-notices and detections (one query each). */
@ApplicationScoped
@Transactional
public class SanctionsPlaceUsage implements PlaceUsage {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Override
  public long uses(String placeCode) {
    return ((Number)
            em.createNativeQuery(
                    "select (select count(*) from pre_notice where place_code = :code)"
                        + " + (select count(*) from detection where place_code = :code)")
                .setParameter("code", placeCode)
                .getSingleResult())
        .longValue();
  }

  @Override
  public Map<String, Long> violationsByPlace(LocalDate from, LocalDate to) {
    return UsagePeriod.counts(
        new UsagePeriod(from, to)
            .bind(em.createNativeQuery(UsagePeriod.countsPer("place_code")))
            .getResultList());
  }
}
