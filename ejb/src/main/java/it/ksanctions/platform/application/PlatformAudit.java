package it.ksanctions.platform.application;

import it.ksanctions.tenancy.operations.PlatformAuditEntry;
import it.ksanctions.tenancy.operations.PlatformAuditEntry.Outcome;
import it.ksanctions.tenancy.operations.PlatformAuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The audit trail of platform actions (DESIGN: "every platform action audited"): who of the vendor
 * support staff did what to which tenant, when, and whether it worked. Entries commit on their own,
 * so a failed action is recorded too. Details never contain secrets.
 */
@ApplicationScoped
public class PlatformAudit {

  public static final String ONBOARDING = "Attivazione comando";
  public static final String WIZARD_STEP = "Procedura guidata: passo";
  public static final String SUSPENSION = "Sospensione comando";
  public static final String REACTIVATION = "Riattivazione comando";
  public static final String THEME = "Tema iniziale";
  public static final String CREDENTIALS = "Credenziali di integrazione";
  public static final String KEY_ROTATION = "Rotazione chiave credenziali";
  public static final String JOB = "Esecuzione job di piattaforma";

  private static final Logger LOG = Logger.getLogger(PlatformAudit.class);

  @Inject PlatformAuditTrail trail;

  Clock clock = Clock.systemUTC();

  public void success(String platformUser, String action, String tenantSlug, String detail) {
    append(platformUser, action, tenantSlug, detail, Outcome.SUCCESS);
  }

  public void failure(String platformUser, String action, String tenantSlug, String detail) {
    append(platformUser, action, tenantSlug, detail, Outcome.FAILURE);
  }

  public List<PlatformAuditEntry> search(PlatformAuditTrail.Filter filter) {
    return trail.search(filter);
  }

  public List<String> actions() {
    return trail.actions();
  }

  private void append(
      String platformUser, String action, String tenantSlug, String detail, Outcome outcome) {
    String who = platformUser == null || platformUser.isBlank() ? "sconosciuto" : platformUser;
    String text =
        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    trail.append(
        new PlatformAuditEntry(Instant.now(clock), who, action, tenantSlug, text, outcome));
    LOG.infof("Platform action by %s: %s %s (%s) %s", who, action, tenantSlug, outcome, text);
  }
}
