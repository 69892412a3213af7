package it.ksanctions.portal.application;

import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.NumericTaxCode;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Access to an act with the owner's codice fiscale and the PIN printed on it (issue 16 item 1, SPEC
 * POR-1). Failures are counted per codice fiscale and per client address ({@link PortalThrottle}):
 * {@value #TAX_CODE_MAX} failures for one codice fiscale, or {@value #ADDRESS_MAX} from one
 * address, within 15 minutes lock it for 30 minutes, also for the right PIN. A wrong codice fiscale
 * and a wrong PIN read the same, so nobody learns whose acts exist.
 */
@ApplicationScoped
public class PortalAccess {

  static final int TAX_CODE_MAX = 5;
  static final int ADDRESS_MAX = 20;
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Inject CitizenActs acts;
  @Inject PortalThrottle throttle;

  Clock clock = Clock.systemUTC();

  /**
   * The act {@code taxCode} and {@code pin} open.
   *
   * @throws PortalRuleException with the Italian reason: a malformed codice fiscale, a missing PIN,
   *     a wrong pair (with the attempts left), or a lock (with its end)
   */
  public long open(String taxCode, String pin, String clientAddress) {
    String cf = normalise(taxCode);
    if (cf.isEmpty()) {
      throw new PortalRuleException(
          "portal.access.tax-code-required", "Inserire il codice fiscale.", Kind.INVALID_INPUT);
    }
    if (!CodiceFiscale.isValid(cf) && !NumericTaxCode.isValid(cf)) {
      throw new PortalRuleException(
          "portal.access.tax-code-invalid",
          "Il codice fiscale "
              + cf
              + " non è valido: controllare le 16 lettere e cifre (11 cifre per un'impresa).",
          Kind.INVALID_INPUT);
    }
    String typed = pin == null ? "" : pin.replace(" ", "").strip();
    if (typed.isEmpty()) {
      throw new PortalRuleException(
          "portal.access.pin-required",
          "Inserire il PIN stampato sul verbale.",
          Kind.INVALID_INPUT);
    }
    Instant now = clock.instant();
    String cfKey = "cf:" + cf;
    String addressKey = "ip:" + (clientAddress == null ? "?" : clip(clientAddress, 60));
    requireOpen(cfKey, now);
    requireOpen(addressKey, now);
    Optional<Long> act = acts.openedBy(cf, typed);
    if (act.isEmpty()) {
      int failures = throttle.fail(cfKey, TAX_CODE_MAX, now);
      throttle.fail(addressKey, ADDRESS_MAX, now);
      int left = TAX_CODE_MAX - failures;
      if (left <= 0) {
        requireOpen(cfKey, now);
      }
      throw new PortalRuleException(
          "portal.access.wrong",
          "Codice fiscale o PIN non corretti. Controllare il PIN stampato sul verbale"
              + (left == 1
                  ? ": ancora un tentativo, poi l'accesso sarà sospeso per 30 minuti."
                  : ": ancora " + left + " tentativi, poi l'accesso sarà sospeso per 30 minuti."),
          Kind.INVALID_INPUT);
    }
    throttle.clear(cfKey);
    return act.get();
  }

  private void requireOpen(String key, Instant now) {
    Optional<Instant> until = throttle.lockedUntil(key, now);
    if (until.isPresent()) {
      throw new PortalRuleException(
          "portal.access.locked",
          "Troppi tentativi non riusciti: per sicurezza l'accesso è sospeso fino alle "
              + DateTimeFormatter.ofPattern("HH:mm").format(until.get().atZone(ITALY))
              + ". Se il PIN è andato perso, chiederne uno nuovo (\"chiedi un nuovo PIN\").",
          Kind.CONFLICT);
    }
  }

  public static String normalise(String taxCode) {
    return taxCode == null ? "" : taxCode.replace(" ", "").strip().toUpperCase(Locale.ROOT);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
