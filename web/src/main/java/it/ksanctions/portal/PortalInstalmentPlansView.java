package it.ksanctions.portal;

import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.domain.PlanStanding;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How the instalment plans of an act read on its portal page ("Rateizzazione" section of {@code
 * verbale.xhtml}): amounts, days, rate and standing in the portal's language. The plans themselves
 * come with the act's page ({@link PortalFileView#getPlans()}), read in the page's one transaction.
 */
@Named
@RequestScoped
public class PortalInstalmentPlansView {

  @Inject PortalLanguage language;

  public String euro(BigDecimal amount) {
    return language.euro(amount);
  }

  public String day(LocalDate day) {
    return language.day(day);
  }

  /** The annual rate as the citizen reads it (see {@link PortalLanguage#rate}). */
  public String rate(BigDecimal rate, boolean configured, String italian) {
    return language.rate(rate, configured, italian);
  }

  /**
   * Where the plan stands: in Italian the rule's own message ({@link PlanStanding}); in English the
   * same facts (the first missed instalment, the instalments paid, the residual due at once).
   */
  public String standing(PlanView plan) {
    PlanStanding standing = plan.standing();
    if (standing == null || !language.isEnglish()) {
      return standing == null ? null : standing.italianMessage();
    }
    return switch (standing.status()) {
      case COMPLETED -> language.format("instalments.standing-completed", plan.count());
      case FORFEITED ->
          language.format("instalments.standing-forfeited", euro(standing.residualDue()));
      case ACTIVE ->
          standing.missed().isEmpty()
              ? language.text("instalments.standing-active")
              : language.format("instalments.standing-missed", standing.missed().get(0));
    };
  }
}
