package it.ksanctions.command.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Placeholder until the integration credentials service reports its connection tests. */
@ApplicationScoped
class NoIntegrationTests implements IntegrationStatus {

  @Override
  public Optional<String> pagoPaFailure() {
    return Optional.empty();
  }

  @Override
  public Optional<String> pecFailure() {
    return Optional.empty();
  }
}
