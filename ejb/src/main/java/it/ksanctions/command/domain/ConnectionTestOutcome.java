package it.ksanctions.command.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a "Verifica connessione" of an integration: when, whether the handshake succeeded
 * and, in Italian, what happened (e.g. "autenticazione rifiutata"). Never contains a secret. The
 * last one of pagoPA and PEC is what the Command anomalies read (CMD-8).
 */
public record ConnectionTestOutcome(Instant at, boolean ok, String message) {

  public ConnectionTestOutcome {
    Objects.requireNonNull(at, "at");
    message = message == null ? "" : message.strip();
    if (message.length() > 500) {
      message = message.substring(0, 500);
    }
  }
}
