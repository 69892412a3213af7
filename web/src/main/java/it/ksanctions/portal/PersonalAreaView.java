package it.ksanctions.portal;

import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.portal.application.PersonalArea;
import it.ksanctions.portal.application.PersonalArea.ActLine;
import it.ksanctions.portal.application.PersonalArea.Position;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
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
  @Inject PortalLanguage language;

  /** The label {@code PersonalArea} gives an act without an amount yet. */
  private static final String UNKNOWN_DUE = "importo non ancora disponibile";

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
    return amount == null ? "—" : language.euro(amount);
  }

  public String day(LocalDate day) {
    return language.day(day);
  }

  /**
   * What an act's "due today" refers to: the server's Italian label (a payment window, or "importo
   * non ancora disponibile"); in English the window's or the bundle's text.
   */
  public String dueLabel(ActLine act) {
    if (!language.isEnglish() || act.dueLabel() == null) {
      return act.dueLabel();
    }
    for (PaymentWindowType type : PaymentWindowType.values()) {
      if (act.dueLabel().equals(windowLabel(type))) {
        return language.label(type, act.dueLabel());
      }
    }
    return UNKNOWN_DUE.equals(act.dueLabel()) ? language.text("area.due-unknown") : act.dueLabel();
  }

  /** The Italian label of a payment window, as {@link WindowView#label()} gives it. */
  private static String windowLabel(PaymentWindowType type) {
    return new WindowView(type, null, null, null, null, null, null, null, null).label();
  }
}
