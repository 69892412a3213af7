package it.ksanctions.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a SEND notification perfects (INTEGRATIONS.md, "SEND"): at the recipient's first view
 * (NOTIFICATION_VIEWED) or when the terms elapse (REFINEMENT), whichever comes first; that day,
 * Italian time, starts the payment windows.
 */
public final class Perfection {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  private Perfection() {}

  /** The perfection day told by a timeline element of {@code category} at {@code at}, if any. */
  public static Optional<LocalDate> of(String category, Instant at) {
    if (at == null) {
      return Optional.empty();
    }
    if ("NOTIFICATION_VIEWED".equals(category) || "REFINEMENT".equals(category)) {
      return Optional.of(at.atZone(ROME).toLocalDate());
    }
    return Optional.empty();
  }

  /** The earlier of the day already known and a new one. */
  public static LocalDate earlier(LocalDate known, LocalDate candidate) {
    return known == null || candidate.isBefore(known) ? candidate : known;
  }
}
