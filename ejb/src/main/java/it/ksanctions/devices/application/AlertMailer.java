package it.ksanctions.devices.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends alert e-mails through the SMTP server named by MicroProfile Config ({@code
 * ksanctions.mail.*}, e.g. the environment variables {@code KSANCTIONS_MAIL_HOST}, {@code
 * KSANCTIONS_MAIL_PORT}); the Command module will give each tenant its own SMTP credentials. The
 * password is never logged.
 */
@ApplicationScoped
public class AlertMailer {

  /** The e-mail could not be handed to the SMTP server; the alert stays pending. */
  public static class MailFailure extends Exception {
    private static final long serialVersionUID = 1L;

    MailFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Inject
  @ConfigProperty(name = "ksanctions.mail.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "ksanctions.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "ksanctions.mail.from", defaultValue = "avvisi@k-sanctions.local")
  String from;

  @Inject
  @ConfigProperty(name = "ksanctions.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "ksanctions.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "ksanctions.mail.starttls", defaultValue = "false")
  boolean startTls;

  public void send(List<String> to, String subject, String text) throws MailFailure {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    boolean auth = username.isPresent() && !username.get().isBlank();
    props.put("mail.smtp.auth", String.valueOf(auth));
    if (startTls) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Session session =
        auth
            ? Session.getInstance(
                props,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.get(), password.orElse(""));
                  }
                })
            : Session.getInstance(props);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from, "K-Sanctions", StandardCharsets.UTF_8.name()));
      for (String address : to) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
      }
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new MailFailure(
          "SMTP " + host + ":" + port + " refused or unreachable: " + e.getMessage(), e);
    }
  }
}
