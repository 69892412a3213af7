package it.ksanctions.devices.application;

import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.infrastructure.DeviceHistoryRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.permissions.application.AdministrationException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The stored devices of the current tenant as the services of this package find and record them: a
 * device is looked up by its code, whatever its case, and a missing one is refused in Italian; what
 * the domain adds to a device's history is written in the caller's transaction.
 */
@Dependent
class DeviceRecords {

  /** Days of validity, downloads and certificates are Italian calendar days. */
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** The device {@code code}; refused when there is none. */
  DeviceRow require(String code) {
    String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    return Optional.ofNullable(em.find(DeviceRow.class, normalised))
        .orElseThrow(
            () ->
                new AdministrationException(
                    "No device " + normalised, "Dispositivo " + normalised + " non trovato."));
  }

  /** Writes the history entries the domain added to {@code device}. */
  void persistHistory(Device device) {
    device.newEntries().forEach(e -> em.persist(DeviceHistoryRow.of(device.code(), e)));
  }

  /** Today in Italy by {@code clock}. */
  static LocalDate today(Clock clock) {
    return clock.instant().atZone(ITALY).toLocalDate();
  }
}
