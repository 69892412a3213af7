package it.ksanctions.sanctions.application;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.sanctions.domain.PreNotice;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The rules of a new pre-notice that other contexts answer (LIF-1: "validated against place and
 * article"): a version of the article in force on the violation day (Italian time), and an active
 * coded place. Asked through their published services, one lookup each.
 */
@ApplicationScoped
public class PreNoticeChecks {

  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Inject ArticleCatalogue catalogue;
  @Inject PlacesAdministration places;

  public void requireArticleAndPlace(PreNotice preNotice) {
    LocalDate day = preNotice.violationAt().atZone(ITALY).toLocalDate();
    if (catalogue.inForce(PreNotice.articleCodeOf(preNotice.articleCode()), day).isEmpty()) {
      throw new SanctionsRuleException(
          SanctionsRule.ARTICLE_NOT_IN_FORCE, preNotice.articleCode() + " il " + day);
    }
    if (!places.isActivePlace(preNotice.placeCode())) {
      throw new SanctionsRuleException(SanctionsRule.PLACE_NOT_VALID, preNotice.placeCode());
    }
  }
}
