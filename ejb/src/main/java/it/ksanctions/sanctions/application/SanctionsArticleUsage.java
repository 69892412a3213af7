package it.ksanctions.sanctions.application;

import it.ksanctions.articles.application.ArticleUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/** The Articles context's usage port, answered from pre-notices and detections (one query). */
@ApplicationScoped
@Transactional
public class SanctionsArticleUsage implements ArticleUsage {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Override
  public long uses(String articleCode) {
    return ((Number)
            em.createNativeQuery(
                    "select (select count(*) from pre_notice where article_code = :code)"
                        + " + (select count(*) from detection where article_code = :code)")
                .setParameter("code", articleCode)
                .getSingleResult())
        .longValue();
  }

  @Override
  public long openUsesSince(String articleCode, LocalDate since) {
    return ((Number)
            em.createNativeQuery(
                    "select (select count(*) from pre_notice where article_code = :code and"
                        + " status <> 'ARCHIVED' and violation_at >= :startAt)"
                        + " + (select count(*) from detection where article_code = :code and"
                        + " status <> 'ARCHIVED' and detected_at >= :startLocal)")
                .setParameter("code", articleCode)
                .setParameter("startAt", UsagePeriod.startOf(since))
                .setParameter("startLocal", since.atStartOfDay())
                .getSingleResult())
        .longValue();
  }
}
