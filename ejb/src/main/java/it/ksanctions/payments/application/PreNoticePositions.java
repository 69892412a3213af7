package it.ksanctions.payments.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.payments.application.PaymentGateway.DebtPosition;
import it.ksanctions.payments.application.PaymentGateway.Option;
import it.ksanctions.payments.domain.Transfers;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.PreNoticePayments;
import it.ksanctions.sanctions.application.PreNoticePayments.NoticeView;
import it.ksanctions.sanctions.domain.PreNoticePayment;
import it.ksanctions.sanctions.domain.PreNoticePayment.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The debt positions of pre-notices' notices on pagoPA GPD (issue 16 item 3, ADR 0013): one
 * position per notice with a single option, the debtor {@value #ANONYMOUS} (before notification the
 * command knows a plate, not a person: pagoPA's convention for an unknown debtor), published while
 * the citizen waits to be sent to Checkout, which only accepts a notice GPD knows; and invalidated
 * through the outbox when the notice can no longer be paid.
 */
@ApplicationScoped
public class PreNoticePositions {

  /** pagoPA's fiscal code for a debtor not known when the position is made. */
  static final String ANONYMOUS = "ANONIMO";

  @Inject PreNoticePayments preNotices;
  @Inject IntegrationCredentials credentials;
  @Inject PaymentGateway gateway;

  /**
   * Publishes notice {@code notice}'s position unless already published.
   *
   * @throws DeliveryFailure when GPD cannot be reached or refuses it (the Italian reason)
   */
  public void publish(NoticeView notice) throws DeliveryFailure {
    if (notice.published() || notice.status() != Status.OPEN) {
      return;
    }
    String code = PreNoticePayment.printed(notice.preNoticeId());
    long sanction = notice.sanction().movePointRight(2).longValueExact();
    long fees = notice.fees().movePointRight(2).longValueExact();
    Option option =
        new Option(
            notice.iuv(),
            sanction + fees,
            notice.lastDay(),
            "Preavviso " + code + " - " + notice.label().toLowerCase(java.util.Locale.ROOT),
            Transfers.ofPreNotice(sanction, fees, List.of(), code));
    gateway.publish(
        access(),
        new DebtPosition(
            notice.iupd(), false, ANONYMOUS, "Preavviso " + code, null, List.of(option)));
    preNotices.published(notice.id());
  }

  /** Invalidates notice {@code noticeId}'s position (the outbox's handler). */
  void invalidate(long noticeId) throws DeliveryFailure {
    NoticeView notice =
        preNotices
            .noticeById(noticeId)
            .orElseThrow(
                () ->
                    DeliveryFailure.permanent(
                        "L'avviso del preavviso " + noticeId + " non esiste."));
    if (notice.status() != Status.SUPERSEDED) {
      return; // paid meanwhile: nothing to invalidate
    }
    gateway.invalidate(access(), notice.iupd());
    preNotices.invalidated(noticeId);
  }

  private PagoPaAccess access() throws DeliveryFailure {
    return PagoPaAccesses.of(credentials);
  }
}
