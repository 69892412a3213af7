package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.SecretValue;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.command.domain.TlsMode;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import javax.net.ssl.SSLException;

/**
 * A real handshake with an integration's server, to tell the command's staff whether the saved
 * configuration works: an SMTP connection with login for PEC/SMTP, an HTTP request carrying the key
 * for the HTTP services. Each has a 10-second limit. The answer is in Italian and names what failed
 * (unknown host, refused connection, TLS, authentication, HTTP status) without ever quoting a
 * secret.
 */
public final class ConnectionTester {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The result of one attempt. */
  public record Result(boolean ok, String message) {}

  private ConnectionTester() {}

  /** Connects and logs in to the SMTP server, then says goodbye. */
  public static Result smtp(SmtpSettings smtp) {
    Properties props = smtpProperties(smtp);
    Session session = Session.getInstance(props);
    try {
      Transport transport = session.getTransport(smtp.tls() == TlsMode.SSL ? "smtps" : "smtp");
      try {
        if (smtp.authenticated()) {
          transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password().reveal());
        } else {
          transport.connect(smtp.host(), smtp.port(), null, null);
        }
      } finally {
        if (transport.isConnected()) {
          transport.close();
        }
      }
      return new Result(
          true,
          "Connessione riuscita con "
              + smtp.host()
              + ":"
              + smtp.port()
              + (smtp.authenticated()
                  ? ", autenticazione accettata."
                  : " (senza autenticazione)."));
    } catch (AuthenticationFailedException e) {
      return new Result(
          false,
          "Autenticazione rifiutata dal server " + smtp.host() + ": verificare utente e password.");
    } catch (MessagingException e) {
      if (e.getMessage() != null && e.getMessage().contains("STARTTLS")) {
        return new Result(
            false,
            "Il server " + smtp.host() + " non offre STARTTLS: scegliere un'altra protezione.");
      }
      return new Result(false, networkFailure(smtp.host(), smtp.port(), e));
    }
  }

  /** The Jakarta Mail properties of {@code smtp}: timeouts, TLS mode, server identity checked. */
  public static Properties smtpProperties(SmtpSettings smtp) {
    Properties props = new Properties();
    String protocol = smtp.tls() == TlsMode.SSL ? "smtps" : "smtp";
    String millis = String.valueOf(TIMEOUT.toMillis());
    for (String p : new String[] {"smtp", "smtps"}) {
      props.put("mail." + p + ".host", smtp.host());
      props.put("mail." + p + ".port", String.valueOf(smtp.port()));
      props.put("mail." + p + ".connectiontimeout", millis);
      props.put("mail." + p + ".timeout", millis);
      props.put("mail." + p + ".writetimeout", millis);
      props.put("mail." + p + ".auth", String.valueOf(smtp.authenticated()));
      props.put("mail." + p + ".ssl.checkserveridentity", "true");
    }
    props.put("mail.transport.protocol", protocol);
    if (smtp.tls() == TlsMode.STARTTLS) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    if (smtp.tls() == TlsMode.SSL) {
      props.put("mail.smtps.ssl.enable", "true");
    }
    return props;
  }

  /**
   * Sends {@code GET url} with the key in {@code keyHeader} (or, with a user, HTTP Basic with the
   * secret as password; with neither header nor user, a bearer token).
   */
  public static Result http(URI url, String keyHeader, String user, SecretValue key) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
    if (key != null) {
      if (keyHeader != null) {
        request.header(keyHeader, key.reveal());
      } else if (user != null && !user.isBlank()) {
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + key.reveal())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } else {
        request.header("Authorization", "Bearer " + key.reveal());
      }
    }
    String where = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        return new Result(
            false,
            "Autenticazione rifiutata da "
                + where
                + " (HTTP "
                + status
                + "): verificare la chiave.");
      }
      if (status >= 500) {
        return new Result(
            false, "Il servizio " + where + " risponde con un errore (HTTP " + status + ").");
      }
      if (status >= 400 && status != 404 && status != 405) {
        return new Result(false, "Richiesta rifiutata da " + where + " (HTTP " + status + ").");
      }
      // 404/405 on the base address: the gateway accepted the key but has nothing at the root.
      return new Result(true, "Servizio raggiunto: " + where + " risponde HTTP " + status + ".");
    } catch (HttpConnectTimeoutException e) {
      return new Result(false, "Tempo scaduto (10 s) per la connessione a " + where + ".");
    } catch (HttpTimeoutException e) {
      return new Result(false, "Il servizio " + where + " non ha risposto entro 10 secondi.");
    } catch (IOException e) {
      return new Result(false, networkFailure(url.getHost(), url.getPort(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "Verifica interrotta.");
    } catch (IllegalArgumentException e) {
      return new Result(false, "Indirizzo del servizio non utilizzabile.");
    }
  }

  /** The Italian reason of a network failure, from the innermost cause. */
  static String networkFailure(String host, int port, Throwable failure) {
    String where = host + (port > 0 ? ":" + port : "");
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
        return "Server " + host + " sconosciuto: verificare il nome.";
      }
      if (e instanceof SSLException) {
        return "Errore TLS con " + where + ": certificato non valido o protocollo non accettato.";
      }
      if (e instanceof ConnectException) {
        return "Connessione rifiutata da " + where + ": server irraggiungibile o porta chiusa.";
      }
      if (e instanceof NoRouteToHostException) {
        return "Server " + where + " irraggiungibile.";
      }
      if (e instanceof SocketTimeoutException) {
        return "Tempo scaduto (10 s) per la connessione a " + where + ".";
      }
    }
    return "Connessione non riuscita con " + where + ": server irraggiungibile.";
  }
}
