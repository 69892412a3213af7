package it.ksanctions.command.application;

import it.ksanctions.command.domain.ConnectionTestOutcome;
import it.ksanctions.command.domain.IntegrationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The integrations' state for the anomaly checks (CMD-8): the reason of the last connection test of
 * pagoPA or PEC when it failed. A test that was never made is not an anomaly by itself; a failed
 * one is until a later test succeeds.
 */
@ApplicationScoped
class LastConnectionTests implements IntegrationStatus {

  @Inject IntegrationCredentials credentials;

  @Override
  public Optional<String> pagoPaFailure() {
    return failure(IntegrationKind.PAGOPA);
  }

  @Override
  public Optional<String> pecFailure() {
    return failure(IntegrationKind.PEC_SMTP);
  }

  private Optional<String> failure(IntegrationKind kind) {
    return credentials.lastTest(kind).filter(t -> !t.ok()).map(ConnectionTestOutcome::message);
  }
}
