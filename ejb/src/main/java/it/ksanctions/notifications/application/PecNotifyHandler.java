package it.ksanctions.notifications.application;

import it.ksanctions.command.application.CommandMail;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Notifies an act by PEC from the command's own mailbox (issue 15 item 4): the act's PDF attached
 * to a message to the owner's PEC, sent through the command's PEC / SMTP server with a Message-ID
 * made of the attempt's idempotence token, so a repeated attempt sends the same Message-ID and the
 * provider's receipts ({@link PecReceipts}) find the notification by it. The Message-ID is kept as
 * the notification's request id; an attempt that finds one already does nothing.
 */
@ApplicationScoped
public class PecNotifyHandler implements OutboxHandler {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject IntegrationCredentials credentials;
  @Inject CommandMail mail;
  @Inject VerbaleLifecycle lifecycle;
  @Inject Notifications notifications;
  @Inject CurrentTenant tenant;
  @Inject DigitalDomicileLookup domiciles;

  Clock clock = Clock.systemUTC();

  @Override
  public String topic() {
    return OutboxTopics.NOTIFY_PEC;
  }

  @Override
  public String service() {
    return "PEC";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    long notificationId = Long.parseLong(message.payload());
    List<?> rows =
        em.createNativeQuery(
                "select status, idempotence_token, request_id from notification where id = ?1"
                    + " for update")
            .setParameter(1, notificationId)
            .getResultList();
    if (rows.isEmpty()) {
      throw DeliveryFailure.permanent("La notifica non esiste più.");
    }
    Object[] n = (Object[]) rows.get(0);
    if (n[2] != null) {
      return; // already sent
    }
    var act =
        lifecycle
            .act(message.verbaleId())
            .orElseThrow(() -> DeliveryFailure.permanent("Il verbale non esiste più."));
    var v = act.verbale();
    String pec = v.ownerPec() == null ? "" : v.ownerPec().strip();
    String found = null;
    if (pec.isEmpty() && act.company() && v.ownerTaxCode() != null) {
      // a company must keep a PEC on INI-PEC: looked up through PDND with the command's client
      var access = credentials.sendForUse();
      if (access.isPresent()) {
        pec = domiciles.companyPecOf(access.get(), v.ownerTaxCode()).orElse("");
        found = pec.isEmpty() ? null : " (indirizzo trovato su INI-PEC)";
      }
      if (pec.isEmpty()) {
        throw DeliveryFailure.permanent(
            access.isPresent()
                ? "Nessun indirizzo PEC su INI-PEC per "
                    + v.ownerTaxCode()
                    + ": notificare per posta."
                : "Il verbale non indica la PEC dell'impresa e PDND (in Comando › Integrazioni,"
                    + " SEND) non è configurato per consultare INI-PEC.");
      }
    }
    if (pec.isEmpty()) {
      throw DeliveryFailure.permanent(
          "Il verbale non indica l'indirizzo PEC del destinatario: non può essere notificato via"
              + " PEC.");
    }
    SmtpSettings smtp;
    try {
      smtp =
          credentials
              .smtpForUse()
              .orElseThrow(
                  () ->
                      DeliveryFailure.transientFailure(
                          "La PEC del comando non è configurata in Comando › Integrazioni (PEC /"
                              + " SMTP).",
                          null));
    } catch (CommandRuleException unreadable) {
      throw DeliveryFailure.transientFailure(
          "Le credenziali della PEC del comando non sono leggibili: " + unreadable.italianMessage(),
          unreadable);
    }
    byte[] pdf =
        lifecycle
            .pdf(v.id())
            .orElseThrow(() -> DeliveryFailure.permanent("Il PDF del verbale non è disponibile."));
    String command = tenant.require().displayName();
    String messageId = messageId((String) n[1], smtp.sender());
    try {
      mail.sendWithPdf(
          command,
          pec,
          "Notifica del verbale n. " + v.number() + " - " + command,
          body(command, v.ownerName(), v.number()),
          fileName(v.number()),
          pdf,
          messageId);
    } catch (CommandMail.NotSent e) {
      throw DeliveryFailure.transientFailure(
          "Invio PEC non riuscito: il server della PEC del comando ("
              + smtp.host()
              + ":"
              + smtp.port()
              + ") ha rifiutato il messaggio o non è raggiungibile.",
          e);
    }
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "update notification set status = 'REQUESTED', request_id = ?2, digital_domicile = ?3,"
                + " updated_at = ?4 where id = ?1")
        .setParameter(1, notificationId)
        .setParameter(2, messageId)
        .setParameter(3, pec)
        .setParameter(4, now)
        .executeUpdate();
    notifications.event(
        notificationId,
        now,
        NotificationStatus.REQUESTED,
        null,
        "Inviata via PEC a "
            + pec
            + (found == null ? "" : found)
            + " (Message-ID "
            + messageId
            + ")",
        null);
  }

  /** {@code <token@domain of the sender>}: the same for every attempt of one notification. */
  static String messageId(String idempotenceToken, String sender) {
    String domain = sender.substring(sender.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    return "<" + idempotenceToken + "@" + domain + ">";
  }

  static String fileName(String number) {
    return "Verbale-" + number.replaceAll("[^A-Za-z0-9_-]", "-") + ".pdf";
  }

  static String body(String command, String owner, String number) {
    return "Gentile "
        + owner
        + ",\n\n"
        + command
        + " Le notifica, ai sensi dell'art. 201 del Codice della Strada, il verbale di"
        + " accertamento n. "
        + number
        + ", allegato a questo messaggio di posta elettronica certificata.\n\n"
        + "La notifica si perfeziona con la consegna del messaggio nella Sua casella PEC, attestata"
        + " dalla ricevuta di avvenuta consegna.\n"
        + "Gli importi, i termini e le modalità di pagamento e di ricorso sono indicati nel"
        + " verbale.\n\n"
        + command
        + "\n";
  }
}
