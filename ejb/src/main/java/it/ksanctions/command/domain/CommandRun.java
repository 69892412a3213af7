package it.ksanctions.command.domain;

import java.time.Instant;

/**
 * A batch or run of the command in progress (an import, a verbale print run…): while one is active,
 * the configuration it depends on cannot change (CMD-7).
 */
public record CommandRun(
    Long id, CommandRunKind kind, String description, Instant startedAt, String startedBy) {}
