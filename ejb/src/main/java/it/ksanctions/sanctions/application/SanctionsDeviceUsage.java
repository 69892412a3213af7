package it.ksanctions.sanctions.application;

import it.ksanctions.devices.application.DeviceUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;

/**
 * The Devices context's usage port, answered from pre-notices, detections and camera imports (one
 * query each).
 */
@ApplicationScoped
@Transactional
public class SanctionsDeviceUsage implements DeviceUsage {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Override
  public long uses(String deviceCode) {
    return ((Number)
            em.createNativeQuery(
                    "select (select count(*) from pre_notice where device_code = :code)"
                        + " + (select count(*) from detection where device_code = :code)"
                        + " + (select count(*) from camera_import where device_code = :code and"
                        + " status in ('QUEUED', 'RUNNING', 'STOPPED'))")
                .setParameter("code", deviceCode)
                .getSingleResult())
        .longValue();
  }

  @Override
  public Map<String, Long> violationsByDevice(LocalDate from, LocalDate to) {
    return UsagePeriod.counts(
        new UsagePeriod(from, to)
            .bind(em.createNativeQuery(UsagePeriod.countsPer("device_code")))
            .getResultList());
  }
}
