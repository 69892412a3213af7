package it.ksanctions.devices.application;

import it.ksanctions.command.application.CommandMail;
import it.ksanctions.command.domain.SecretValue;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.command.domain.TlsMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends alert e-mails through the current tenant's own SMTP / PEC server when the command has
 * configured one (Comando &gt; Integrazioni, PEC_SMTP: host, port, TLS, login and sender), else
 * through the platform's server named by MicroProfile Config ({@code ksanctions.mail.*}, e.g. the
 * environment variables {@code KSANCTIONS_MAIL_HOST}, {@code KSANCTIONS_MAIL_PORT}). Callers run
 * inside the tenant's scope. The sending itself is the Command context's {@link CommandMail}.
 * Passwords are never logged nor put in an exception message.
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

  @Inject CommandMail mail;

  public void send(List<String> to, String subject, String text) throws MailFailure {
    try {
      mail.send(platformServer(), to, subject, text);
    } catch (CommandMail.NotSent e) {
      throw new MailFailure(e.getMessage(), e.getCause());
    }
  }

  /** The platform's own server, for commands without one. */
  private SmtpSettings platformServer() {
    return new SmtpSettings(
        host,
        port,
        startTls ? TlsMode.STARTTLS : TlsMode.NONE,
        username.filter(u -> !u.isBlank()).orElse(null),
        username.filter(u -> !u.isBlank()).isPresent()
            ? SecretValue.ofNullable(password.orElse(""))
            : null,
        from);
  }
}
