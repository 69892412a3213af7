package it.ksanctions.payments.application;

import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboxHandler;
import it.ksanctions.sanctions.application.OutboxMessage;
import it.ksanctions.sanctions.domain.OutboxTopics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox's {@link OutboxTopics#PRE_NOTICE_POSITION_INVALIDATE} messages, done by {@link
 * PreNoticePositions}.
 */
@ApplicationScoped
public class PreNoticePositionInvalidateHandler implements OutboxHandler {

  @Inject PreNoticePositions positions;

  @Override
  public String topic() {
    return OutboxTopics.PRE_NOTICE_POSITION_INVALIDATE;
  }

  @Override
  public String service() {
    return "GPD";
  }

  @Override
  public void handle(OutboxMessage message) throws DeliveryFailure {
    positions.invalidate(Long.parseLong(message.payload()));
  }
}
