package it.ksanctions.devices.application;

import it.ksanctions.command.application.CommandMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

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

  @Inject CommandMail mail;

  public void send(List<String> to, String subject, String text) throws MailFailure {
    try {
      mail.sendWithPlatformFallback(to, subject, text);
    } catch (CommandMail.NotSent e) {
      throw new MailFailure(e.getMessage(), e.getCause());
    }
  }
}
