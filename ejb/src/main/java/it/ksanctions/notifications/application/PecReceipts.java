package it.ksanctions.notifications.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PecMailbox;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.Dates;
import it.ksanctions.command.domain.TlsMode;
import it.ksanctions.notifications.domain.DaticertReceipt;
import it.ksanctions.notifications.domain.DaticertReceipt.Type;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Collects the receipts of the acts notified by PEC (issue 15 item 4) from the command's PEC
 * mailbox over IMAP (Comando › Integrazioni › PEC / SMTP, server IMAP): each unread message
 * carrying the {@code X-Ricevuta} header and a {@code daticert.xml} attachment is matched to its
 * notification by the original Message-ID. The acceptance makes the notification ACCEPTED, the
 * delivery DELIVERED and perfected on the receipt's day (the act becomes NOTIFIED), a failed
 * delivery UNREACHABLE with the provider's reason in the act's timeline. Each receipt is recorded
 * once (its event's source id is {@code pec:<type>:<Message-ID>}) and kept whole (.eml) as a legal
 * fact; the message is then marked read. Receipts of messages this command did not send by PEC are
 * left unread and untouched.
 */
@ApplicationScoped
public class PecReceipts {

  static final String SYSTEM = "PEC";

  /** The header the PEC providers put on their receipts (its value is the receipt's type). */
  static final String RECEIPT_HEADER = "X-Ricevuta";

  private static final Logger LOG = Logger.getLogger(PecReceipts.class);
  private static final int MAX_MESSAGES = 500;
  private static final String TIMEOUT_MILLIS = "10000";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject IntegrationCredentials credentials;
  @Inject VerbaleLifecycle lifecycle;

  Clock clock = Clock.systemUTC();

  /** What a round found: receipts read, applied (new), deliveries and failed deliveries. */
  public record Round(int read, int applied, int delivered, int failed) {}

  /** One round for the tenant in scope; nothing when the command has no PEC mailbox configured. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Round poll() throws DeliveryFailure {
    PecReceipts self = self();
    Optional<PecMailbox> mailbox;
    try {
      mailbox = self.mailbox();
    } catch (CommandRuleException unreadable) {
      throw DeliveryFailure.transientFailure(
          "Le credenziali della PEC del comando non sono leggibili: " + unreadable.italianMessage(),
          unreadable);
    }
    if (mailbox.isEmpty()) {
      return new Round(0, 0, 0, 0);
    }
    PecMailbox box = mailbox.get();
    int read = 0;
    int applied = 0;
    int delivered = 0;
    int failed = 0;
    Store store = null;
    try {
      store = session(box).getStore(box.tls() == TlsMode.SSL ? "imaps" : "imap");
      store.connect(
          box.host(),
          box.port(),
          box.username(),
          box.password() == null ? "" : box.password().reveal());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        FetchProfile headers = new FetchProfile();
        headers.add(RECEIPT_HEADER);
        inbox.fetch(unread, headers);
        for (int i = 0; i < unread.length && read < MAX_MESSAGES; i++) {
          Message message = unread[i];
          if (message.getHeader(RECEIPT_HEADER) == null) {
            continue;
          }
          Optional<byte[]> xml = daticert(message);
          if (xml.isEmpty()) {
            continue;
          }
          DaticertReceipt receipt;
          try {
            receipt = DaticertReceipt.parse(xml.get());
          } catch (IllegalArgumentException e) {
            LOG.warnf("PEC receipt %s ignored: %s", message.getMessageNumber(), e.getMessage());
            continue;
          }
          read++;
          ByteArrayOutputStream eml = new ByteArrayOutputStream();
          message.writeTo(eml);
          Outcome outcome = self.apply(receipt, eml.toByteArray());
          if (outcome == Outcome.UNKNOWN) {
            continue;
          }
          if (outcome != Outcome.ALREADY_APPLIED) {
            applied++;
            delivered += outcome == Outcome.DELIVERED ? 1 : 0;
            failed += outcome == Outcome.FAILED ? 1 : 0;
          }
          message.setFlag(Flags.Flag.SEEN, true);
        }
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException | IOException e) {
      throw DeliveryFailure.transientFailure(
          "Casella PEC del comando non leggibile (IMAP "
              + box.host()
              + ":"
              + box.port()
              + "): server irraggiungibile, accesso rifiutato o messaggio illeggibile.",
          e);
    } finally {
      if (store != null) {
        try {
          store.close();
        } catch (MessagingException ignored) {
          // the round's work is committed already
        }
      }
    }
    return new Round(read, applied, delivered, failed);
  }

  /** What applying one receipt did. */
  public enum Outcome {
    /** No notification of this command was sent by PEC with that Message-ID. */
    UNKNOWN,
    ALREADY_APPLIED,
    RECORDED,
    DELIVERED,
    FAILED
  }

  @Transactional(dontRollbackOn = CommandRuleException.class)
  public Optional<PecMailbox> mailbox() {
    return credentials.pecMailboxForUse();
  }

  /**
   * Applies one receipt in its own transaction: the event (once), the legal fact, the status, the
   * perfection or the refusal.
   */
  @Transactional
  public Outcome apply(DaticertReceipt receipt, byte[] eml) {
    String id = receipt.messageId();
    List<?> rows =
        em.createNativeQuery(
                "select id, verbale_id, perfected_on from notification where channel = 'PEC'"
                    + " and request_id in (?1, ?2) for update")
            .setParameter(1, "<" + id + ">")
            .setParameter(2, id)
            .getResultList();
    if (rows.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    Object[] n = (Object[]) rows.get(0);
    long notificationId = ((Number) n[0]).longValue();
    long verbaleId = ((Number) n[1]).longValue();
    Type type = receipt.type();
    NotificationStatus status =
        switch (type) {
          case ACCETTAZIONE -> NotificationStatus.ACCEPTED;
          case AVVENUTA_CONSEGNA -> NotificationStatus.DELIVERED;
          default -> type.failure() ? NotificationStatus.UNREACHABLE : null;
        };
    String source = sourceId(receipt);
    int inserted =
        em.createNativeQuery(
                "insert into notification_event (notification_id, at, status, category, detail,"
                    + " source_event_id) select ?1, ?2, coalesce(?3, n.status), ?4, ?5, ?6"
                    + " from notification n where n.id = ?1"
                    + " on conflict (source_event_id) do nothing")
            .setParameter(1, notificationId)
            .setParameter(2, receipt.at().toInstant())
            .setParameter(3, status == null ? null : status.name())
            .setParameter(4, "PEC_" + type.name())
            .setParameter(5, detail(receipt))
            .setParameter(6, source)
            .executeUpdate();
    if (inserted == 0) {
      return Outcome.ALREADY_APPLIED;
    }
    em.createNativeQuery(
            "insert into notification_legal_fact (notification_id, legal_fact_id, category,"
                + " file_name, content, sha256, downloaded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " on conflict (notification_id, legal_fact_id) do nothing")
        .setParameter(1, notificationId)
        .setParameter(2, source)
        .setParameter(3, legalFactCategory(type))
        .setParameter(4, "ricevuta-pec-" + type.code() + ".eml")
        .setParameter(5, eml)
        .setParameter(6, sha256(eml))
        .setParameter(7, clock.instant())
        .executeUpdate();
    if (type == Type.ACCETTAZIONE) {
      em.createNativeQuery(
              "update notification set status = 'ACCEPTED', updated_at = ?2"
                  + " where id = ?1 and status in ('QUEUED', 'REQUESTED')")
          .setParameter(1, notificationId)
          .setParameter(2, clock.instant())
          .executeUpdate();
      return Outcome.RECORDED;
    }
    if (type == Type.AVVENUTA_CONSEGNA) {
      LocalDate day = receipt.day();
      em.createNativeQuery(
              "update notification set status = 'DELIVERED', refusal = null,"
                  + " perfected_on = coalesce(perfected_on, ?2), updated_at = ?3 where id = ?1")
          .setParameter(1, notificationId)
          .setParameter(2, day)
          .setParameter(3, clock.instant())
          .executeUpdate();
      if (n[2] == null) {
        var act = lifecycle.act(verbaleId);
        if (act.isPresent() && act.get().verbale().status() == VerbaleStatus.SENT) {
          lifecycle.markNotified(
              verbaleId,
              day,
              SYSTEM,
              "Notifica perfezionata con la consegna PEC del "
                  + Dates.italian(day)
                  + (receipt.recipient() == null ? "" : " a " + receipt.recipient()));
        }
      }
      return Outcome.DELIVERED;
    }
    if (type.failure()) {
      String reason = refusal(receipt);
      int changed =
          em.createNativeQuery(
                  "update notification set status = 'UNREACHABLE', refusal = ?2, updated_at = ?3"
                      + " where id = ?1 and status <> 'DELIVERED'")
              .setParameter(1, notificationId)
              .setParameter(2, reason)
              .setParameter(3, clock.instant())
              .executeUpdate();
      if (changed == 1) {
        lifecycle.noteRefusal(verbaleId, SYSTEM, reason);
      }
      return Outcome.FAILED;
    }
    return Outcome.RECORDED;
  }

  /** {@code pec:<type>:<Message-ID>}, or its SHA-256 when longer than the column allows. */
  static String sourceId(DaticertReceipt receipt) {
    String id = "pec:" + receipt.type().code() + ":" + receipt.messageId();
    return id.length() <= 100 ? id : "pec:" + sha256(id.getBytes(StandardCharsets.UTF_8));
  }

  static String legalFactCategory(Type type) {
    return switch (type) {
      case ACCETTAZIONE -> "PEC_ACCETTAZIONE";
      case AVVENUTA_CONSEGNA -> "PEC_CONSEGNA";
      case NON_ACCETTAZIONE -> "PEC_NON_ACCETTAZIONE";
      case ERRORE_CONSEGNA, PREAVVISO_ERRORE_CONSEGNA, RILEVAZIONE_VIRUS -> "PEC_MANCATA_CONSEGNA";
      default -> "PEC_RICEVUTA";
    };
  }

  static String detail(DaticertReceipt receipt) {
    String what =
        switch (receipt.type()) {
          case ACCETTAZIONE -> "Ricevuta di accettazione della PEC";
          case AVVENUTA_CONSEGNA -> "Ricevuta di avvenuta consegna della PEC";
          case NON_ACCETTAZIONE -> "Avviso di non accettazione della PEC";
          case ERRORE_CONSEGNA -> "Avviso di mancata consegna della PEC";
          case PREAVVISO_ERRORE_CONSEGNA -> "Preavviso di mancata consegna della PEC";
          case RILEVAZIONE_VIRUS -> "Avviso di rilevazione virus nella PEC";
          case PRESA_IN_CARICO -> "Ricevuta di presa in carico della PEC";
          case POSTA_CERTIFICATA -> "Busta di trasporto PEC";
        };
    return what
        + (receipt.recipient() == null ? "" : " a " + receipt.recipient())
        + (receipt.error() == null ? "" : ": " + receipt.error());
  }

  static String refusal(DaticertReceipt receipt) {
    String what =
        receipt.type() == Type.NON_ACCETTAZIONE
            ? "PEC non accettata dal gestore del comando"
            : receipt.type() == Type.RILEVAZIONE_VIRUS
                ? "PEC non consegnata per rilevazione di virus"
                : "PEC non consegnata";
    return what
        + (receipt.recipient() == null ? "" : " a " + receipt.recipient())
        + " (ricevuta del "
        + Dates.italian(receipt.day())
        + ")"
        + (receipt.error() == null ? "" : ": " + receipt.error());
  }

  /** The first {@code daticert.xml} attached to {@code part}, at any depth. */
  static Optional<byte[]> daticert(Part part) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<byte[]> found = daticert(multipart.getBodyPart(i));
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if ("daticert.xml".equalsIgnoreCase(part.getFileName())) {
      try (InputStream in = part.getInputStream()) {
        return Optional.of(in.readNBytes(1_000_000));
      }
    }
    return Optional.empty();
  }

  private static Session session(PecMailbox box) {
    Properties props = new Properties();
    for (String p : new String[] {"imap", "imaps"}) {
      props.put("mail." + p + ".connectiontimeout", TIMEOUT_MILLIS);
      props.put("mail." + p + ".timeout", TIMEOUT_MILLIS);
      props.put("mail." + p + ".writetimeout", TIMEOUT_MILLIS);
      props.put("mail." + p + ".ssl.checkserveridentity", "true");
      // reading a message must not mark it read: only applied receipts are
      props.put("mail." + p + ".peek", "true");
    }
    if (box.tls() == TlsMode.STARTTLS) {
      props.put("mail.imap.starttls.enable", "true");
      props.put("mail.imap.starttls.required", "true");
    }
    if (box.tls() == TlsMode.SSL) {
      props.put("mail.imaps.ssl.enable", "true");
    }
    return Session.getInstance(props);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PecReceipts self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(PecReceipts.class).get();
  }
}
