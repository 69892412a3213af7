package it.ksanctions.devices.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.SecretValue;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.command.domain.TlsMode;
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
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends alert e-mails through the current tenant's own SMTP / PEC server when the command has
 * configured one (Comando &gt; Integrazioni, PEC_SMTP: host, port, TLS, login and sender), else
 * through the platform's server named by MicroProfile Config ({@code ksanctions.mail.*}, e.g. the
 * environment variables {@code KSANCTIONS_MAIL_HOST}, {@code KSANCTIONS_MAIL_PORT}). Callers run
 * inside the tenant's scope. Passwords are never logged nor put in an exception message.
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

  @Inject IntegrationCredentials credentials;

  public void send(List<String> to, String subject, String text) throws MailFailure {
    Optional<SmtpSettings> own;
    try {
      own = TenantContext.current().isPresent() ? credentials.smtpForUse() : Optional.empty();
    } catch (CommandRuleException unreadable) {
      throw new MailFailure(
          "The command's SMTP settings cannot be read: " + unreadable.code(), unreadable);
    }
    if (own.isPresent()) {
      sendThrough(own.get(), to, subject, text);
    } else {
      sendThrough(
          new SmtpSettings(
              host,
              port,
              startTls ? TlsMode.STARTTLS : TlsMode.NONE,
              username.filter(u -> !u.isBlank()).orElse(null),
              username.filter(u -> !u.isBlank()).isPresent()
                  ? SecretValue.ofNullable(password.orElse(""))
                  : null,
              from),
          to,
          subject,
          text);
    }
  }

  private static void sendThrough(SmtpSettings smtp, List<String> to, String subject, String text)
      throws MailFailure {
    Properties props = ConnectionTester.smtpProperties(smtp);
    String host = smtp.host();
    int port = smtp.port();
    Session session =
        smtp.authenticated()
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
      throw new MailFailure(
          "SMTP " + host + ":" + port + " refused or unreachable: " + e.getMessage(), e);
    }
  }
}
