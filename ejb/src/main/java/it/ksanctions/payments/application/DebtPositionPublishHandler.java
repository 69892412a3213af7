package it.ksanctions.payments.application;

import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.domain.OutboxTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox's {@link OutboxTopics#DEBT_POSITION_PUBLISH} messages, done by {@link DebtPositions}.
 */
@ApplicationScoped
public class DebtPositionPublishHandler implements OutboxHandler {

  @Inject DebtPositions positions;

  @Override
  public String topic() {
    return OutboxTopics.DEBT_POSITION_PUBLISH;
  }

  @Override
  public String service() {
    return "GPD";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    positions.publish(message.verbaleId());
  }
}
