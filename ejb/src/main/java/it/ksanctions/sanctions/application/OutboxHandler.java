package it.ksanctions.sanctions.application;

/**
 * A port of the outbox (ADR 0009): the context that owns an outside service handles the messages of
 * its topics — payments the debt positions and receipts, notifications the sending. The dispatcher
 * calls {@link #handle} in a transaction of the tenant in scope, holding the message's lock; a
 * handler must be idempotent (a message whose node died after the call is handled again) and must
 * tell failures with {@link DeliveryFailure}.
 */
public interface OutboxHandler {

  /** The topic handled (one of {@link it.ksanctions.sanctions.domain.OutboxTopics}). */
  String topic();

  /** The outside service called, for its circuit: "GPD", "SEND", "PEC", "MAIL"… */
  String service();

  /** Does the message's work. */
  void handle(OutboxMessage message) throws DeliveryFailure;
}
