package it.ksanctions.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** The test stack's mailboxes, read as a mail client does (GreenMail's IMAP: SMTP port + 1000). */
public final class Mailbox {

  private Mailbox() {}

  /** The development mailbox of {@code address} over IMAP (password = the address). */
  private static Store connect(String address) throws MessagingException {
    int smtp = Integer.parseInt(System.getenv("KSANCTIONS_MAIL_PORT"));
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", smtp + 1000, address, address);
    return store;
  }

  /** Adds the subject and text of every message in the INBOX of {@code address}. */
  public static void read(String address, List<String> subjects, List<String> bodies)
      throws MessagingException, IOException {
    Store store = connect(address);
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

  /**
   * The one message in the INBOX of {@code address} (a copy, readable after closing); fails on 0 or
   * 2+.
   */
  public static Message only(String address) throws MessagingException {
    Store store = connect(address);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();
      assertThat(messages).hasSize(1);
      MimeMessage copy = new MimeMessage((MimeMessage) messages[0]);
      inbox.close(false);
      return copy;
    } finally {
      store.close();
    }
  }

  /** The first PDF attached to {@code part} (searched through its multiparts), or null. */
  public static byte[] pdfOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        byte[] found = pdfOf(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (part.isMimeType("application/pdf")) {
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      }
    }
    return null;
  }
}
