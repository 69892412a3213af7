package it.ksanctions.sanctions.application;

import it.ksanctions.sanctions.domain.CameraRow;
import it.ksanctions.sanctions.domain.Plate;
import it.ksanctions.sanctions.domain.VehicleOwner;
import it.ksanctions.sanctions.infrastructure.VehicleOwnerRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The vehicle registry as the tenant's own table {@code vehicle_owner}, filled by hand or by owner
 * files ({@link VehicleOwners}): the real registries (PRA of ACI, MCTC of the Ministry) are not
 * reachable from here. Their adapter is configuration for later — another implementation of {@link
 * VehicleRegistry} (e.g. {@code @Alternative} enabled by the command's integration credentials),
 * with this table as its fallback and cache.
 *
 * <p>On a day, the owner is the latest record of the plate recorded by the end of that day (Rome
 * time); when the plate was first recorded only after it — as usual, since owners are looked up
 * after the violation — the first record is the best knowledge there is and is returned.
 */
@ApplicationScoped
@Transactional
public class TableVehicleRegistry implements VehicleRegistry {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Override
  public Optional<VehicleOwner> ownerOf(String plate, String country, LocalDate onDay) {
    String normal = CameraRow.normalisedPlate(plate);
    if (normal == null) {
      return Optional.empty();
    }
    LocalDate day = onDay == null ? LocalDate.now(clock.withZone(ROME)) : onDay;
    List<VehicleOwnerRow> known =
        em.createQuery(
                "select o from VehicleOwnerRow o where o.plate = :plate and o.country = :country"
                    + " and o.recordedAt < :end order by o.recordedAt desc, o.id desc",
                VehicleOwnerRow.class)
            .setParameter("plate", normal)
            .setParameter("country", countryOf(country))
            .setParameter("end", day.plusDays(1).atStartOfDay(ROME).toInstant())
            .setMaxResults(1)
            .getResultList();
    if (known.isEmpty()) {
      known =
          em.createQuery(
                  "select o from VehicleOwnerRow o where o.plate = :plate and o.country = :country"
                      + " order by o.recordedAt asc, o.id asc",
                  VehicleOwnerRow.class)
              .setParameter("plate", normal)
              .setParameter("country", countryOf(country))
              .setMaxResults(1)
              .getResultList();
    }
    return known.stream().findFirst().map(VehicleOwnerRow::toDomain);
  }

  static String countryOf(String country) {
    return Plate.isoCountry(country);
  }
}
