package it.ksanctions.payments.application;

import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.domain.OutboxTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox's {@link OutboxTopics#INSTALMENT_POSITIONS_INVALIDATE} messages, done by {@link
 * InstalmentPositions#invalidateCancelled}.
 */
@ApplicationScoped
public class InstalmentPositionsInvalidateHandler implements OutboxHandler {

  @Inject InstalmentPositions positions;

  @Override
  public String topic() {
    return OutboxTopics.INSTALMENT_POSITIONS_INVALIDATE;
  }

  @Override
  public String service() {
    return "GPD";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    positions.invalidateCancelled(InstalmentPositions.planOf(message));
  }
}
