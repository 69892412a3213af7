package it.ksanctions.portal.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.payments.application.CheckoutGateway;
import it.ksanctions.payments.application.CheckoutGateway.CheckoutUnavailable;
import it.ksanctions.payments.application.PreNoticePositions;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.PreNoticePayments;
import it.ksanctions.sanctions.application.PreNoticePayments.NoticeView;
import it.ksanctions.sanctions.application.PreNoticePayments.Quote;
import it.ksanctions.sanctions.domain.PreNoticePayment;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Paying a pre-notice before notification on the portal (issue 16 item 3, ADR 0013): the citizen
 * finds it with the plate and the code printed on it, reads what is due today (no notification
 * fees), and pays through pagoPA Checkout. Failed look-ups are counted per client address ({@link
 * PortalThrottle}): {@value #ADDRESS_MAX} within 15 minutes lock the address for 30 minutes, so
 * codes cannot be tried one after the other.
 */
@ApplicationScoped
public class PortalPreNotices {

  private static final Logger LOG = Logger.getLogger(PortalPreNotices.class);
  static final int ADDRESS_MAX = 20;
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Inject PreNoticePayments preNotices;
  @Inject PreNoticePositions positions;
  @Inject CheckoutGateway checkout;
  @Inject IntegrationCredentials integrations;
  @Inject PortalThrottle throttle;
  @Inject CurrentTenant tenant;

  Clock clock = Clock.systemUTC();

  /**
   * The pre-notice of {@code plate} with {@code code}.
   *
   * @throws PortalRuleException malformed data, no such pre-notice (with the attempts left), or a
   *     lock of the address (with its end)
   */
  public UUID find(String plate, String code, String clientAddress) {
    Instant now = clock.instant();
    String key = "pn-ip:" + clip(clientAddress == null ? "?" : clientAddress, 60);
    requireOpen(key, now);
    Optional<UUID> found = preNotices.find(plate, code);
    if (found.isEmpty()) {
      int failures = throttle.fail(key, ADDRESS_MAX, now);
      if (failures >= ADDRESS_MAX) {
        requireOpen(key, now);
      }
      throw new PortalRuleException(
          "portal.pre-notice.not-found",
          "Nessun preavviso con questa targa e questo codice: controllare i dati stampati sul"
              + " preavviso. Se il preavviso è stato lasciato da poco, può non essere ancora"
              + " registrato: riprovare più tardi.",
          Kind.INVALID_INPUT);
    }
    return found.get();
  }

  /** What pre-notice {@code id} costs today, or why it cannot be paid. */
  public Quote quote(UUID id) {
    return preNotices.quote(id);
  }

  /**
   * Makes (or reuses) the notice of today's amount, publishes it on pagoPA and opens a Checkout
   * cart; answers the Checkout page. The pre-notice is paid only when pagoPA's receipt arrives.
   */
  public URI pay(UUID id, URI back, String email) {
    if (email != null && !PortalFiles.EMAIL.matcher(email).matches()) {
      throw new PortalRuleException(
          "portal.pay.email",
          "L'indirizzo e-mail per la ricevuta non è valido: correggerlo o lasciarlo vuoto.",
          Kind.INVALID_INPUT);
    }
    NoticeView notice = preNotices.notice(id);
    try {
      positions.publish(notice);
    } catch (DeliveryFailure e) {
      LOG.warnf("Pre-notice notice %s not published: %s", notice.iupd(), e.getMessage());
      throw new PortalRuleException(
          "portal.pre-notice.pagopa-unavailable",
          "Il sistema pagoPA non risponde in questo momento: riprovare tra qualche minuto.");
    }
    String creditor =
        integrations
            .pagoPaCreditor()
            .map(IntegrationCredentials.PagoPaCreditor::creditorTaxCode)
            .orElseThrow(
                () ->
                    new PortalRuleException(
                        "portal.pay.unavailable",
                        "Il pagamento online non è disponibile: rivolgersi al comando."));
    String separator = back.toString().contains("?") ? "&" : "?";
    try {
      return checkout.openCart(
          new CheckoutGateway.Notice(
              notice.noticeCode(),
              creditor,
              notice.amountCents(),
              tenant.require().displayName(),
              "Preavviso " + PreNoticePayment.printed(id) + " - " + notice.label()),
          new CheckoutGateway.ReturnUrls(
              URI.create(back + separator + "esito=ok"),
              URI.create(back + separator + "esito=annullato"),
              URI.create(back + separator + "esito=errore")),
          email);
    } catch (CheckoutUnavailable e) {
      throw new PortalRuleException("portal.pay.checkout", e.getMessage());
    }
  }

  private void requireOpen(String key, Instant now) {
    Optional<Instant> until = throttle.lockedUntil(key, now);
    if (until.isPresent()) {
      throw new PortalRuleException(
          "portal.pre-notice.locked",
          "Troppe ricerche non riuscite: per sicurezza la ricerca dei preavvisi è sospesa fino"
              + " alle "
              + DateTimeFormatter.ofPattern("HH:mm").format(until.get().atZone(ITALY))
              + ".",
          Kind.CONFLICT);
    }
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
