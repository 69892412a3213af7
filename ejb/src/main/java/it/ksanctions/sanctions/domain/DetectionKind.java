package it.ksanctions.sanctions.domain;

/**
 * What an automatic device detects, hence which rule decides its rows. The Devices context's fixed
 * device type maps onto it; types the import does not decide (parking cameras, generic gates) have
 * no kind.
 */
public enum DetectionKind {
  /** Instant or average speed (speed cameras, tutor): art. 142 by the excess after tolerance. */
  SPEED,
  /** Passage through a ZTL gate inside the restricted time band: art. 7 c. 14. */
  ZTL,
  /** Passage with the red light: art. 146 c. 3. */
  RED_LIGHT
}
