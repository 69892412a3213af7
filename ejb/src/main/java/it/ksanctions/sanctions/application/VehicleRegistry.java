package it.ksanctions.sanctions.application;

import it.ksanctions.sanctions.domain.VehicleOwner;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Port: who owned a vehicle on a day, as the vehicle registry (PRA/MCTC, or a foreign registry for
 * a foreign plate) tells it — what a verbale is notified to (LIF-2, LIF-3). The plate is compared
 * as the detections compare it (upper case, no blanks or hyphens); a blank country is Italy ({@code
 * I}). CDI picks the implementation: today {@link TableVehicleRegistry}.
 */
public interface VehicleRegistry {

  /**
   * The owner of {@code plate} on {@code onDay}, if the registry knows it.
   *
   * @param onDay the day that matters (the violation's); null means today
   */
  Optional<VehicleOwner> ownerOf(String plate, String country, LocalDate onDay);
}
