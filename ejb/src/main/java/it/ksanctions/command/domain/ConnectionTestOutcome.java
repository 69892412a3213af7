package it.ksanctions.command.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The outcome of a "Verifica connessione" of an integration: when, whether the handshake succeeded
 * and, in Italian, what happened (e.g. "autenticazione rifiutata"). Never contains a secret. The
 * last one of pagoPA and PEC is what the Command anomalies read (CMD-8).
 */
public record ConnectionTestOutcome(Instant at, boolean ok, String message) {

  public ConnectionTestOutcome {
    // PostgreSQL keeps microseconds: the outcome read back equals the one returned.
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    message = message == null ? "" : message.strip();
    if (message.length() > 500) {
      message = message.substring(0, 500);
    }
  }
}
