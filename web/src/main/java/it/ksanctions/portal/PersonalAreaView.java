package it.ksanctions.portal;

import it.ksanctions.portal.application.PersonalArea;
import it.ksanctions.portal.application.PersonalArea.Position;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The personal area (issue 16 items 1 and 8): only for a session that entered with SPID or CIE;
 * every act of the codice fiscale and the debt position.
 */
@Named
@RequestScoped
public class PersonalAreaView {

  @Inject PersonalArea area;
  @Inject CitizenSession session;
  @Inject CurrentTenant tenant;

  private Position position;
  private boolean denied;

  public void load() {
    Optional<Grant> grant = session.grant(tenant.require().slug());
    if (grant.isEmpty() || !PersonalArea.SPID.equals(grant.get().how())) {
      denied = true;
      return;
    }
    try {
      position = area.position(grant.get());
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation)) {
        throw e;
      }
      denied = true;
    }
  }

  public boolean isDenied() {
    return denied;
  }

  public Position getPosition() {
    return position;
  }

  public String euro(BigDecimal amount) {
    return amount == null ? "—" : NumberFormat.getCurrencyInstance(Locale.ITALY).format(amount);
  }

  public String day(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
  }
}
