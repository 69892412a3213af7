package it.ksanctions.portal.infrastructure;

import it.ksanctions.portal.application.LicencePointsRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * {@link LicencePointsRegistry} while the national registry cannot be reached from here: each
 * deduction is recorded in the command's {@code licence_points_communication} table (one per
 * request), from which it is sent to the registry.
 */
@ApplicationScoped
public class RecordedLicencePoints implements LicencePointsRegistry {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Override
  public void communicate(Deduction d) {
    em.createNativeQuery(
            "insert into licence_points_communication (verbale_id, request_id, driver_tax_code,"
                + " driver_name, licence_number, licence_category, points, doubled,"
                + " violation_day, recorded_at, recorded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                + " ?8, ?9, ?10, ?11) on conflict (request_id) do nothing")
        .setParameter(1, d.verbaleId())
        .setParameter(2, d.requestId())
        .setParameter(3, d.driverTaxCode())
        .setParameter(4, d.driverName())
        .setParameter(5, d.licenceNumber())
        .setParameter(6, d.licenceCategory())
        .setParameter(7, d.points())
        .setParameter(8, d.doubled())
        .setParameter(9, d.violationDay())
        .setParameter(10, Instant.now())
        .setParameter(11, d.by())
        .executeUpdate();
  }
}
