package it.ksanctions.portal;

import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.domain.PlanStanding;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instalment plans of an act on its portal page ("Rateizzazione" section of {@code
 * verbale.xhtml}): status, schedule with the pagoPA notices, standing. Only for a citizen whose
 * session opened the act; read once per request.
 */
@Named
@RequestScoped
public class PortalInstalmentPlansView {

  @Inject InstalmentRequests requests;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;
  @Inject PortalLanguage language;

  private final Map<Long, List<PlanView>> plans = new HashMap<>();

  /** The act's plans, newest first (none for an act the session did not open). */
  public List<PlanView> of(Long verbaleId) {
    if (verbaleId == null) {
      return List.of();
    }
    return plans.computeIfAbsent(
        verbaleId,
        id ->
            session
                .grant(tenant.require().slug())
                .filter(g -> g.mayRead(id))
                .map(g -> requests.ofVerbale(g, id))
                .orElse(List.of()));
  }

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
