package it.ksanctions.devices.domain;

import java.time.Instant;

/** One entry of a device's history (DEV-9): what changed, from what, to what, who, when, why. */
public record DeviceHistoryEntry(
    Instant at,
    String author,
    DeviceHistoryKind kind,
    String oldValue,
    String newValue,
    String reason) {}
