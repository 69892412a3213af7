package it.ksanctions.devstack.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PecProviderTest {

  static final String SENDER = "comando@pec.nc-pec.it";

  private GreenMail mail;
  private PecProvider provider;

  @BeforeEach
  void start() {
    mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
              new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()
            });
    mail.start();
    provider = PecProvider.start(mail, System.out::println);
  }

  @AfterEach
  void stop() {
    provider.close();
    mail.stop();
  }

  @Test
  void aPecSenderGetsAcceptanceAndOneReceiptPerRecipient() throws Exception {
    mail.setUser(SENDER, SENDER, SENDER); // the command's PEC login, as the tests configure it
    send(
        SENDER,
        List.of("mario.rossi@pec.example.it", "x@pec.invalid"),
        "Notifica del verbale n. 1/2026",
        "<token-1@pec.nc-pec.it>");
    Map<String, String> receipts = awaitMailbox(SENDER, 3);
    assertEquals(3, receipts.size(), receipts.keySet().toString());

    String acceptance = receipts.get("ACCETTAZIONE: Notifica del verbale n. 1/2026");
    assertTrue(acceptance.contains("<postacert tipo=\"accettazione\""), acceptance);
    assertTrue(acceptance.contains("<msgid>&lt;token-1@pec.nc-pec.it&gt;</msgid>"), acceptance);
    assertTrue(acceptance.matches("(?s).*<giorno>\\d{2}/\\d{2}/\\d{4}</giorno>.*"), acceptance);
    assertTrue(acceptance.matches("(?s).*<data zona=\"[+-]\\d{4}\">.*"), acceptance);

    String delivery = receipts.get("CONSEGNA: Notifica del verbale n. 1/2026");
    assertTrue(delivery.contains("tipo=\"avvenuta-consegna\""), delivery);
    assertTrue(delivery.contains("<consegna>mario.rossi@pec.example.it</consegna>"), delivery);

    String failure = receipts.get("AVVISO DI MANCATA CONSEGNA: Notifica del verbale n. 1/2026");
    assertTrue(failure.contains("tipo=\"errore-consegna\""), failure);
    assertTrue(failure.contains("<consegna>x@pec.invalid</consegna>"), failure);
    assertTrue(failure.contains("<errore-esteso>"), failure);

    // the recipient has the message as sent
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect(
        "127.0.0.1",
        mail.getImap().getPort(),
        "mario.rossi@pec.example.it",
        "mario.rossi@pec.example.it");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertEquals(1, inbox.getMessageCount());
      assertEquals("Notifica del verbale n. 1/2026", inbox.getMessage(1).getSubject());
      inbox.close(false);
    } finally {
      store.close();
    }

    // seen once: no new receipts on later looks
    Thread.sleep(1_000);
    assertEquals(3, awaitMailbox(SENDER, 3).size());
  }

  @Test
  void anOrdinarySenderGetsNoReceipts() throws Exception {
    send("uffici@comune.example.it", List.of("mario@pec.example.it"), "Avviso", "<plain-1@x.it>");
    Thread.sleep(1_200);
    assertEquals(0, mail.getReceivedMessagesForDomain("comune.example.it").length);
  }

  private void send(String from, List<String> to, String subject, String messageId)
      throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    Session session = Session.getInstance(props);
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(from));
    for (String address : to) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
    }
    message.setSubject(subject, "UTF-8");
    message.setText("Testo", "UTF-8");
    Transport.send(message);
  }

  /** Subject → daticert.xml of the messages in the mailbox, read over IMAP. */
  private Map<String, String> awaitMailbox(String address, int expected) throws Exception {
    Map<String, String> found = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      found.clear();
      Store store = Session.getInstance(new Properties()).getStore("imap");
      store.connect("127.0.0.1", mail.getImap().getPort(), address, address);
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        for (Message m : inbox.getMessages()) {
          assertEquals(1, m.getHeader("X-Ricevuta").length, "receipts carry the X-Ricevuta header");
          found.put(m.getSubject(), daticert(m));
        }
        inbox.close(false);
      } finally {
        store.close();
      }
      if (found.size() >= expected) {
        break;
      }
      Thread.sleep(200);
    }
    return found;
  }

  private static String daticert(Part part) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < multipart.getCount(); i++) {
        String xml = daticert(multipart.getBodyPart(i));
        if (xml != null) {
          texts.add(xml);
        }
      }
      return texts.isEmpty() ? null : texts.get(0);
    }
    if ("daticert.xml".equals(part.getFileName())) {
      try (InputStream in = part.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
