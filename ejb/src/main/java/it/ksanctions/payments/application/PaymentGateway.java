package it.ksanctions.payments.application;

import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.payments.domain.Transfers.Transfer;
import it.ksanctions.sanctions.application.DeliveryFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The port to pagoPA's Gestione Posizioni Debitorie (issue 15 item 1): debt positions and the
 * receipts of their payments, with the command's own credentials. Implementations are idempotent
 * where pagoPA is (a position already there with the same IUPD counts as published).
 */
public interface PaymentGateway {

  /** A debt position: one per act, a payment option per window. */
  record DebtPosition(
      String iupd,
      boolean company,
      String debtorTaxCode,
      String debtorName,
      String debtorEmail,
      List<Option> options) {}

  /** A payment option with its IUV, amount, due date and transfers. */
  record Option(
      String iuv,
      long amountCents,
      LocalDate dueDate,
      String description,
      List<Transfer> transfers) {}

  /** A receipt as pagoPA gives it. */
  record Receipt(
      String receiptId,
      String iuv,
      String noticeCode,
      String creditorTaxCode,
      BigDecimal amount,
      Instant paidAt,
      String payerName,
      String payerTaxCode,
      String payerEmail,
      String psp) {}

  /** Creates and publishes the position; one already there with the same IUPD is accepted. */
  void publish(PagoPaAccess access, DebtPosition position) throws DeliveryFailure;

  /** Replaces the position's options (new due dates), published. */
  void update(PagoPaAccess access, DebtPosition position) throws DeliveryFailure;

  /** Invalidates the position (the act was annulled); already invalid counts as done. */
  void invalidate(PagoPaAccess access, String iupd) throws DeliveryFailure;

  /** The receipts of payments made from {@code from} on (the polling path). */
  List<Receipt> receiptsSince(PagoPaAccess access, Instant from) throws DeliveryFailure;
}
