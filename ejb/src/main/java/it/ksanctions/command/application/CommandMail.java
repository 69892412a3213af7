package it.ksanctions.command.application;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.command.infrastructure.ConnectionTester;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Plain-text e-mail sent on behalf of the current command (CMD-6): through the command's own SMTP /
 * PEC server when it has configured one (Comando &gt; Integrazioni, PEC_SMTP: host, port, TLS,
 * login and sender), else, and outside any tenant's scope, through the server the caller names.
 * Same timeouts and TLS checks as "Verifica connessione". Passwords are never logged nor put in an
 * exception message. No authorisation check: callers are adapters and timers that run without a
 * signed-in user.
 */
@ApplicationScoped
public class CommandMail {

  /** The e-mail could not be handed to the SMTP server; nothing was sent. */
  public static class NotSent extends Exception {
    private static final long serialVersionUID = 1L;

    NotSent(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Inject IntegrationCredentials credentials;
  @Inject PlatformMailServer platform;

  /**
   * Sends through the command's own server, or the platform's ({@code ksanctions.mail.*}) when the
   * command has none: the device alerts and the payers' receipts.
   */
  public void sendWithPlatformFallback(List<String> to, String subject, String text)
      throws NotSent {
    send(platform.smtp(), to, subject, text);
  }

  /**
   * Sends {@code text} to every address of {@code to}, sender "K-Sanctions" at the server's sender
   * address.
   *
   * @param fallback the server to use when the command has none of its own
   */
  public void send(SmtpSettings fallback, List<String> to, String subject, String text)
      throws NotSent {
    Optional<SmtpSettings> own;
    try {
      own = TenantContext.current().isPresent() ? credentials.smtpForUse() : Optional.empty();
    } catch (CommandRuleException unreadable) {
      throw new NotSent(
          "The command's SMTP settings cannot be read: " + unreadable.code(), unreadable);
    }
    sendThrough(own.orElse(fallback), to, subject, text);
  }

  /**
   * Sends one message with one PDF attached through the command's own SMTP / PEC server, never the
   * platform's: the acts notified by PEC. The message carries {@code messageId} as its Message-ID
   * (the PEC provider's receipts name it), sender {@code senderName} at the server's sender
   * address.
   *
   * @param messageId the Message-ID, with its angle brackets ({@code <id@domain>})
   * @return {@code messageId}
   * @throws NotSent when the command has no server of its own, its settings cannot be read, or the
   *     server refused the message or could not be reached
   */
  public String sendWithPdf(
      String senderName,
      String to,
      String subject,
      String text,
      String fileName,
      byte[] pdf,
      String messageId)
      throws NotSent {
    SmtpSettings smtp;
    try {
      smtp =
          credentials
              .smtpForUse()
              .orElseThrow(() -> new NotSent("The command has no SMTP / PEC server", null));
    } catch (CommandRuleException unreadable) {
      throw new NotSent(
          "The command's SMTP settings cannot be read: " + unreadable.code(), unreadable);
    }
    Session session = session(smtp);
    try {
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      message.setFrom(
          new InternetAddress(smtp.sender(), senderName, StandardCharsets.UTF_8.name()));
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      MimeBodyPart body = new MimeBodyPart();
      body.setText(text, StandardCharsets.UTF_8.name());
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(
          new jakarta.activation.DataHandler(
              new jakarta.mail.util.ByteArrayDataSource(pdf, "application/pdf")));
      attachment.setFileName(fileName);
      attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
      message.setContent(new MimeMultipart(body, attachment));
      message.setSentDate(new Date());
      Transport.send(message);
      return messageId;
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new NotSent(
          "SMTP " + smtp.host() + ":" + smtp.port() + " refused or unreachable: " + e.getMessage(),
          e);
    }
  }

  private static Session session(SmtpSettings smtp) {
    Properties props = ConnectionTester.smtpProperties(smtp);
    return smtp.authenticated()
        ? Session.getInstance(
            props,
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(
                    smtp.username(), smtp.password() == null ? "" : smtp.password().reveal());
              }
            })
        : Session.getInstance(props);
  }

  private static void sendThrough(SmtpSettings smtp, List<String> to, String subject, String text)
      throws NotSent {
    String host = smtp.host();
    int port = smtp.port();
    Session session = session(smtp);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(
          new InternetAddress(smtp.sender(), "K-Sanctions", StandardCharsets.UTF_8.name()));
      for (String address : to) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
      }
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new NotSent(
          "SMTP " + host + ":" + port + " refused or unreachable: " + e.getMessage(), e);
    }
  }
}
