package it.ksanctions.articles.application;

import it.ksanctions.articles.domain.AmountAndDeadlineEngine;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.articles.domain.ItalianHolidayCalendar;
import it.ksanctions.articles.domain.PaymentWindows;
import it.ksanctions.articles.infrastructure.ArticleVersionRow;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The current tenant's Articles catalogue (SPEC ART-1, ART-2, ART-4): versions looked up "as of"
 * the violation day, and the payment windows of a violation computed by the {@link
 * AmountAndDeadlineEngine} with the tenant's calendar (national holidays plus its patron-saint day,
 * from the tenant snapshot the request already resolved: no registry query). A CDI bean, not an
 * EJB: read-only, and the domain's exceptions reach the caller as they are.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ArticleCatalogue {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentTenant currentTenant;

  private final AmountAndDeadlineEngine engine = new AmountAndDeadlineEngine();

  /**
   * The versions whose code or description contains {@code text} (all when blank), by code and
   * date.
   */
  public List<CataloguedVersion> search(String text) {
    String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
    return em
        .createQuery(
            "select a from ArticleVersionRow a where lower(a.code) like :p or lower(a.description) like :p"
                + " order by a.code, a.validFrom",
            ArticleVersionRow.class)
        .setParameter("p", pattern)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(ArticleVersionRow::toCatalogued)
        .toList();
  }

  /** The version of {@code code} in force on {@code day}, if any. */
  public Optional<CataloguedVersion> inForce(ArticleCode code, LocalDate day) {
    return em
        .createQuery(
            "select a from ArticleVersionRow a where a.code = :code and a.validFrom <= :day"
                + " and (a.validTo is null or a.validTo >= :day)",
            ArticleVersionRow.class)
        .setParameter("code", code.value())
        .setParameter("day", day)
        .getResultList()
        .stream()
        .findFirst()
        .map(ArticleVersionRow::toCatalogued);
  }

  /**
   * The payment windows of a violation of {@code version}.
   *
   * @throws it.ksanctions.articles.domain.NotificationBeforeViolationException when the
   *     notification precedes the violation
   */
  public PaymentWindows paymentWindows(
      ArticleVersion version, LocalDateTime violationAt, LocalDate notifiedOn) {
    return engine.paymentWindows(version, violationAt, notifiedOn, tenantCalendar());
  }

  private ItalianHolidayCalendar tenantCalendar() {
    return currentTenant
        .require()
        .patronSaintDay()
        .map(ItalianHolidayCalendar::withPatronSaintDay)
        .orElseGet(ItalianHolidayCalendar::nationalOnly);
  }

  /**
   * The versions stored or changed after {@code since}, by code and first day, in one query: what
   * the mobile app downloads at each synchronisation (DEV-2).
   */
  public List<CataloguedVersion> changedSince(java.time.Instant since) {
    return em
        .createQuery(
            "select a from ArticleVersionRow a where a.changedAt > :since order by a.code,"
                + " a.validFrom",
            ArticleVersionRow.class)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(ArticleVersionRow::toCatalogued)
        .toList();
  }
}
