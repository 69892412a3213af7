package it.ksanctions.places.application;

import java.time.LocalDate;
import java.util.Map;

/**
 * Port to the records that use a place (PLC-6, PLC-7): pre-notices and camera detections, owned by
 * the Sanctions context, which implements this port ({@code
 * sanctions.application.SanctionsPlaceUsage}). The Places context sits below Sanctions and cannot
 * read those records itself (ADR 0006).
 */
public interface PlaceUsage {

  /** How many pre-notices and detections of the current tenant name {@code placeCode}. */
  long uses(String placeCode);

  /**
   * The violations (pre-notices and detections, not archived) per place code from {@code from} to
   * {@code to} included (Europe/Rome days); places without any are absent.
   */
  Map<String, Long> violationsByPlace(LocalDate from, LocalDate to);
}
