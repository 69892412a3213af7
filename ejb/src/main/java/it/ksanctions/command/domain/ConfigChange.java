package it.ksanctions.command.domain;

import java.time.Instant;

/**
 * One entry of the configuration register: when, who, which category and item, the value before and
 * after, and the administrative reference (resolution, decree) if any. Secret values never reach
 * it: integration credentials record which fields changed, not their values.
 */
public record ConfigChange(
    Instant at,
    String author,
    ConfigCategory category,
    String item,
    String oldValue,
    String newValue,
    String reference) {}
