package it.ksanctions.command.domain;

/**
 * What it takes to send mail through the command's own SMTP / PEC server: host, port, protection,
 * the optional login and the sender address. The password is a {@link SecretValue}, so printing
 * these settings shows no secret.
 */
public record SmtpSettings(
    String host, int port, TlsMode tls, String username, SecretValue password, String sender) {

  public boolean authenticated() {
    return username != null && !username.isBlank();
  }
}
