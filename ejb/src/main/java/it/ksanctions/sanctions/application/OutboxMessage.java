package it.ksanctions.sanctions.application;

/** A message of the outbox as its handler receives it. */
public record OutboxMessage(long id, String topic, Long verbaleId, String payload, int attempt) {}
