package it.ksanctions.portal;

import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    return amount == null ? "" : NumberFormat.getCurrencyInstance(Locale.ITALY).format(amount);
  }

  public String day(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
  }
}
