package it.ksanctions.payments.application;

import it.ksanctions.command.application.CommandMail;
import it.ksanctions.command.domain.Dates;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * E-mails the payer the receipt (quietanza) of a payment (issue 15 item 6, POR-10): the act's
 * number, the amount and the date, through the command's own SMTP server or the platform's. Sent
 * once: the message is marked mailed with the outbox message that asked for it.
 */
@ApplicationScoped
public class ReceiptMailHandler implements OutboxHandler {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandMail mail;
  @Inject CurrentTenant tenant;

  Clock clock = Clock.systemUTC();

  @Override
  public String topic() {
    return OutboxTopics.RECEIPT_MAIL;
  }

  @Override
  public String service() {
    return "MAIL";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    List<?> rows =
        em.createNativeQuery(
                "select r.receipt_id, r.iuv, r.amount, r.paid_at, r.payer_name, r.payer_email,"
                    + " r.mailed_at, v.number, r.notice_code from payment_receipt r"
                    + " left join verbale v on v.id = r.verbale_id where r.id = ?1")
            .setParameter(1, Long.parseLong(message.payload()))
            .getResultList();
    if (rows.isEmpty()) {
      throw DeliveryFailure.permanent("La ricevuta non esiste più.");
    }
    Object[] r = (Object[]) rows.get(0);
    if (r[6] != null) {
      return; // already mailed (a retry after the node died past the SMTP call)
    }
    Instant paidAt = it.ksanctions.sanctions.application.Outbox.instant(r[3]);
    var local = paidAt.atZone(ROME);
    String number = r[7] == null ? "(non individuato)" : (String) r[7];
    String command = tenant.require().displayName();
    String text =
        "Gentile "
            + (r[4] == null ? "contribuente" : r[4])
            + ",\n\n"
            + command
            + " conferma di aver ricevuto il pagamento seguente.\n\n"
            + "Verbale n.: "
            + number
            + "\nImporto: euro "
            + ((BigDecimal) r[2]).toPlainString()
            + "\nPagato il: "
            + Dates.italian(local.toLocalDate())
            + " alle "
            + TIME.format(local)
            + "\nCodice avviso: "
            + (r[8] == null ? "-" : r[8])
            + "\nIUV: "
            + r[1]
            + "\nRicevuta pagoPA n.: "
            + r[0]
            + "\n\nConservi questa quietanza. Per informazioni si rivolga al comando.\n";
    try {
      mail.sendWithPlatformFallback(
          List.of((String) r[5]), "Quietanza di pagamento - Verbale n. " + number, text);
    } catch (CommandMail.NotSent e) {
      throw DeliveryFailure.transientFailure(
          "Invio della quietanza non riuscito: il server di posta non ha accettato il messaggio.",
          e);
    }
    em.createNativeQuery("update payment_receipt set mailed_at = ?2 where id = ?1")
        .setParameter(1, Long.parseLong(message.payload()))
        .setParameter(2, Instant.now(clock))
        .executeUpdate();
  }
}
