package it.ksanctions.command.application;

import it.ksanctions.command.domain.SecretValue;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.command.domain.TlsMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's own SMTP server, for commands that have not configured theirs: MicroProfile Config
 * {@code ksanctions.mail.*} (e.g. the environment variables {@code KSANCTIONS_MAIL_HOST}, {@code
 * KSANCTIONS_MAIL_PORT}, {@code KSANCTIONS_MAIL_FROM}, {@code KSANCTIONS_MAIL_USERNAME}, {@code
 * KSANCTIONS_MAIL_PASSWORD}, {@code KSANCTIONS_MAIL_STARTTLS}). The password is never logged.
 */
@ApplicationScoped
public class PlatformMailServer {

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

  /** The server's settings. */
  public SmtpSettings smtp() {
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
