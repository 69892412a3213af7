package it.ksanctions.devstack.sim;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A PEC provider for development and tests, on GreenMail: every 300 ms it looks at the messages
 * GreenMail received, and for each new one (by Message-ID) whose sender address contains {@value
 * #PEC_MARKER} it delivers into the sender's mailbox the receipts a real provider sends (technical
 * rules of the PEC, DM 2 November 2005), each with its {@code daticert.xml} attached and the header
 * {@code X-Ricevuta}: "ACCETTAZIONE: subject" ({@code accettazione}), then per recipient (To and
 * Cc) "CONSEGNA: subject" ({@code avvenuta-consegna}) or, for an address ending in {@value
 * #UNDELIVERABLE}, "AVVISO DI MANCATA CONSEGNA: subject" ({@code errore-consegna}, with {@code
 * <errore-esteso>}). The daticert's {@code msgid} is the original Message-ID, its {@code data} the
 * current time in Italy.
 *
 * <p>Unlike a real provider it neither wraps the message in a transport envelope nor signs the
 * receipts; the recipient gets the message as sent. The sender's mailbox is GreenMail's user with
 * login and password equal to the address (created when missing).
 */
public final class PecProvider implements AutoCloseable {

  /** What makes a sender a PEC sender here. */
  public static final String PEC_MARKER = "@pec.";

  /** Recipients in this domain get a failed-delivery notice instead of a delivery receipt. */
  public static final String UNDELIVERABLE = "@pec.invalid";

  /** The receipts' sender (outside {@value #PEC_MARKER}, so receipts are never receipted). */
  public static final String PROVIDER = "posta-certificata@gestore-pec.test";

  static final String RECEIPT_HEADER = "X-Ricevuta";
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private final GreenMail mail;
  private final Consumer<String> log;
  private final Session session = Session.getInstance(new Properties());
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final AtomicLong sequence = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "pec-provider");
            t.setDaemon(true);
            return t;
          });

  private PecProvider(GreenMail mail, Consumer<String> log) {
    this.mail = mail;
    this.log = log;
  }

  /**
   * Starts watching {@code mail} (already started); it stops with GreenMail, or at {@link
   * #close()}.
   */
  public static PecProvider start(GreenMail mail, Consumer<String> log) {
    PecProvider provider = new PecProvider(mail, log);
    provider.timer.scheduleWithFixedDelay(provider::scan, 300, 300, TimeUnit.MILLISECONDS);
    return provider;
  }

  /** One look at the received messages; failures are logged and the next look tries again. */
  void scan() {
    if (!mail.isRunning()) {
      timer.shutdown(); // GreenMail was stopped: so is the provider
      return;
    }
    try {
      for (MimeMessage message : mail.getReceivedMessages()) {
        if (message.getHeader(RECEIPT_HEADER) != null) {
          continue;
        }
        String sender = sender(message);
        String id = message.getMessageID();
        if (sender == null || !sender.contains(PEC_MARKER) || id == null || !handled.add(id)) {
          continue;
        }
        try {
          receipts(message, sender, id);
        } catch (MessagingException | UserException | RuntimeException e) {
          handled.remove(id);
          log.accept("PEC provider: receipts of " + id + " not delivered: " + e.getMessage());
        }
      }
    } catch (MessagingException | RuntimeException e) {
      log.accept("PEC provider: " + e.getMessage());
    }
  }

  private void receipts(MimeMessage message, String sender, String id)
      throws MessagingException, UserException {
    GreenMailUser mailbox = mail.getUserManager().getUserByEmail(sender);
    if (mailbox == null) {
      mailbox = mail.getUserManager().createUser(sender, sender, sender);
    }
    String subject = message.getSubject() == null ? "" : message.getSubject();
    List<String> recipients = new ArrayList<>();
    for (Message.RecipientType type :
        new Message.RecipientType[] {Message.RecipientType.TO, Message.RecipientType.CC}) {
      Address[] addresses = message.getRecipients(type);
      if (addresses != null) {
        for (Address a : addresses) {
          recipients.add(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT));
        }
      }
    }
    mailbox.deliver(
        receipt("accettazione", "ACCETTAZIONE", sender, recipients, subject, id, null, null));
    for (String recipient : recipients) {
      boolean fails = recipient.endsWith(UNDELIVERABLE);
      mailbox.deliver(
          fails
              ? receipt(
                  "errore-consegna",
                  "AVVISO DI MANCATA CONSEGNA",
                  sender,
                  recipients,
                  subject,
                  id,
                  recipient,
                  "5.1.1 - Casella di posta certificata del destinatario inesistente")
              : receipt(
                  "avvenuta-consegna",
                  "CONSEGNA",
                  sender,
                  recipients,
                  subject,
                  id,
                  recipient,
                  null));
    }
  }

  private MimeMessage receipt(
      String type,
      String prefix,
      String sender,
      List<String> recipients,
      String subject,
      String messageId,
      String recipient,
      String error)
      throws MessagingException {
    ZonedDateTime now = ZonedDateTime.now(ITALY);
    String day = now.format(DateTimeFormatter.ofPattern("dd/MM/uuuu"));
    String time = now.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    String zone = now.format(DateTimeFormatter.ofPattern("xx"));
    MimeMessage receipt = new MimeMessage(session);
    receipt.setFrom(new InternetAddress(PROVIDER));
    receipt.setRecipient(Message.RecipientType.TO, new InternetAddress(sender));
    receipt.setSubject(prefix + ": " + subject, StandardCharsets.UTF_8.name());
    receipt.setHeader(RECEIPT_HEADER, type);
    receipt.setHeader("X-Riferimento-Message-ID", messageId);
    receipt.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(
        switch (type) {
              case "accettazione" ->
                  "Ricevuta di accettazione\n\nIl giorno "
                      + day
                      + " alle ore "
                      + time
                      + " ("
                      + zone
                      + ") il messaggio \""
                      + subject
                      + "\" proveniente da \""
                      + sender
                      + "\" ed indirizzato a: "
                      + String.join(", ", recipients)
                      + " è stato accettato dal sistema ed inoltrato.";
              case "avvenuta-consegna" ->
                  "Ricevuta di avvenuta consegna\n\nIl giorno "
                      + day
                      + " alle ore "
                      + time
                      + " ("
                      + zone
                      + ") il messaggio \""
                      + subject
                      + "\" proveniente da \""
                      + sender
                      + "\" ed indirizzato a \""
                      + recipient
                      + "\" è stato posto nella casella di destinazione.";
              default ->
                  "Avviso di mancata consegna\n\nIl giorno "
                      + day
                      + " alle ore "
                      + time
                      + " ("
                      + zone
                      + ") nel messaggio \""
                      + subject
                      + "\" proveniente da \""
                      + sender
                      + "\" ed indirizzato a \""
                      + recipient
                      + "\" è stato rilevato un errore: "
                      + error;
            }
            + "\nIdentificativo messaggio: "
            + messageId
            + "\n",
        StandardCharsets.UTF_8.name());
    MimeBodyPart daticert = new MimeBodyPart();
    daticert.setDataHandler(
        new jakarta.activation.DataHandler(
            new ByteArrayDataSource(
                daticert(
                        type,
                        sender,
                        recipients,
                        subject,
                        messageId,
                        recipient,
                        error,
                        day,
                        time,
                        zone)
                    .getBytes(StandardCharsets.UTF_8),
                "application/xml")));
    daticert.setFileName("daticert.xml");
    daticert.setDisposition(MimeBodyPart.ATTACHMENT);
    receipt.setContent(new MimeMultipart(text, daticert));
    receipt.saveChanges();
    return receipt;
  }

  /** The {@code daticert.xml} of a receipt, as the technical rules lay it out. */
  String daticert(
      String type,
      String sender,
      List<String> recipients,
      String subject,
      String messageId,
      String recipient,
      String error,
      String day,
      String time,
      String zone) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE postacert SYSTEM \"postacert.dtd\">\n")
        .append("<postacert tipo=\"")
        .append(type)
        .append("\" errore=\"")
        .append(error == null ? "nessuno" : "no-dest")
        .append("\">\n  <intestazione>\n    <mittente>")
        .append(escape(sender))
        .append("</mittente>\n");
    for (String r : recipients) {
      xml.append("    <destinatari tipo=\"certificato\">")
          .append(escape(r))
          .append("</destinatari>\n");
    }
    xml.append("    <risposte>")
        .append(escape(sender))
        .append("</risposte>\n    <oggetto>")
        .append(escape(subject))
        .append("</oggetto>\n  </intestazione>\n  <dati>\n")
        .append("    <gestore-emittente>Simulatore PEC K-Sanctions</gestore-emittente>\n")
        .append("    <data zona=\"")
        .append(zone)
        .append("\">\n      <giorno>")
        .append(day)
        .append("</giorno>\n      <ora>")
        .append(time)
        .append("</ora>\n    </data>\n    <identificativo>opec-sim.")
        .append(sequence.incrementAndGet())
        .append("@gestore-pec.test</identificativo>\n    <msgid>")
        .append(escape(messageId))
        .append("</msgid>\n");
    if ("avvenuta-consegna".equals(type)) {
      xml.append("    <ricevuta tipo=\"completa\" />\n");
    }
    if (recipient != null) {
      xml.append("    <consegna>").append(escape(recipient)).append("</consegna>\n");
    }
    if (error != null) {
      xml.append("    <errore-esteso>").append(escape(error)).append("</errore-esteso>\n");
    }
    return xml.append("  </dati>\n</postacert>\n").toString();
  }

  private static String sender(MimeMessage message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress a)) {
      return null;
    }
    return a.getAddress() == null ? null : a.getAddress().toLowerCase(Locale.ROOT);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
