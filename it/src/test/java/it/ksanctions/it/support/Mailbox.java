package it.ksanctions.it.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

/** The test stack's mailboxes, read as a mail client does (GreenMail's IMAP: SMTP port + 1000). */
public final class Mailbox {

  private Mailbox() {}

  /** Adds the subject and text of every message in the INBOX of {@code address}. */
  public static void read(String address, List<String> subjects, List<String> bodies)
      throws MessagingException, IOException {
    int smtp = Integer.parseInt(System.getenv("KSANCTIONS_MAIL_PORT"));
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", smtp + 1000, address, address);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      for (Message message : inbox.getMessages()) {
        subjects.add(message.getSubject());
        bodies.add(String.valueOf(message.getContent()));
      }
      inbox.close(false);
    } finally {
      store.close();
    }
  }
}
