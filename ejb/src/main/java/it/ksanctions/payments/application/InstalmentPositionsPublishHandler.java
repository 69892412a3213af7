package it.ksanctions.payments.application;

import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.domain.OutboxTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox's {@link OutboxTopics#INSTALMENT_POSITIONS_PUBLISH} messages (payload: the plan's id),
 * done by {@link InstalmentPositions}: the positions already published are skipped, so a retry
 * after a failure halfway publishes only the rest.
 */
@ApplicationScoped
public class InstalmentPositionsPublishHandler implements OutboxHandler {

  @Inject InstalmentPositions positions;

  @Override
  public String topic() {
    return OutboxTopics.INSTALMENT_POSITIONS_PUBLISH;
  }

  @Override
  public String service() {
    return "GPD";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    positions.publish(InstalmentPositions.planOf(message));
  }
}
