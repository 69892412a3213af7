package it.ksanctions.command.application;

import java.util.Optional;

/**
 * What the anomaly checks need to know of the integrations (CMD-8 "connessione fallita con PagoPA o
 * PEC"): the reason of the last failed connection test, empty when the last test succeeded or none
 * was made.
 */
public interface IntegrationStatus {

  Optional<String> pagoPaFailure();

  Optional<String> pecFailure();
}
