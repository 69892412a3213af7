package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.devices.application.CalibrationCertificates.NewCertificate;
import it.ksanctions.devices.application.DeviceMonitoring.DeviceView;
import it.ksanctions.devices.domain.CalibrationCertificate;
import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceRule;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.places.application.PlacesAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The register of the current tenant's devices and their status life cycle (DEV-1, DEV-3, DEV-8,
 * DEV-9). The rule: a device has a unique code, a mobile one a unique identifier, a fixed one an
 * active coded place; it moves between statuses only as the domain's {@link Device} allows (a
 * device that measures speed is active only with a current calibration, a mobile device leaving the
 * active status loses its credentials); it is deleted only while nothing links it to downloads,
 * sync sessions, credentials, pre-notices, detections or active camera imports ({@link
 * DeviceUsage}), else it can only be decommissioned. Changes need {@code DEVICES /
 * MANAGE_CONFIGURATION}, held by the System administrator and the Technical manager only; each one
 * is written to the device history and the audit log.
 */
@ApplicationScoped
@Transactional
public class DeviceRegistry {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject DeviceRecords records;
  @Inject DeviceMonitoring monitoring;
  @Inject CalibrationCertificates certificates;
  @Inject DeviceCredentials credentials;
  @Inject PlacesAdministration places;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;
  @Inject DeviceUsage usage;

  Clock clock = Clock.systemUTC();

  /**
   * Registers a device; a fixed device may come with its first calibration certificate. A device
   * that measures speed without a current certificate starts in maintenance.
   */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public DeviceView register(String code, DeviceData data, NewCertificate certificate) {
    String author = currentStaff.requireActive().username();
    Instant now = clock.instant();
    String normalised = Device.normaliseCode(code);
    if (em.find(DeviceRow.class, normalised) != null) {
      throw new DeviceRuleException(DeviceRule.CODE_TAKEN, normalised);
    }
    DeviceData valid = data == null ? null : data.validated();
    if (valid == null) {
      throw new DeviceRuleException(DeviceRule.CATEGORY_REQUIRED);
    }
    checkReferences(normalised, valid);
    CalibrationCertificate checked =
        certificate == null ? null : certificates.checked(certificate, valid);
    boolean current = checked != null && checked.covers(DeviceRecords.today(clock));
    Device device = Device.register(normalised, valid, current, author, now);
    DeviceRow row = DeviceRow.of(device, now);
    em.persist(row);
    em.flush();
    if (checked != null) {
      device.recordCertificate(checked, author, now);
      certificates.store(normalised, checked, certificate.pdf(), now, author);
    }
    records.persistHistory(device);
    audit.record(
        DEVICES,
        "Registrazione dispositivo",
        AuditOperation.CHANGE,
        normalised + " " + valid.category().name());
    return monitoring.views(List.of(row)).get(0);
  }

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public DeviceView change(String code, DeviceData data, String reason) {
    DeviceRow row = records.require(code);
    Device device = row.toDomain();
    DeviceData valid = data.validated();
    checkReferences(row.code(), valid);
    Instant now = clock.instant();
    device.change(valid, currentStaff.requireActive().username(), now, reason);
    row.update(device, now);
    records.persistHistory(device);
    audit.record(DEVICES, "Modifica dispositivo", AuditOperation.CHANGE, row.code());
    return monitoring.views(List.of(row)).get(0);
  }

  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public DeviceView changeStatus(String code, DeviceStatus target, String reason) {
    DeviceRow row = records.require(code);
    Device device = row.toDomain();
    Instant now = clock.instant();
    device.changeStatus(
        target,
        certificates.current(row.code()),
        currentStaff.requireActive().username(),
        now,
        reason);
    row.update(device, now);
    if (target != DeviceStatus.ACTIVE && device.data().isMobile()) {
      credentials.revokeAll(row.code(), now, "cambio di stato: " + target.italianLabel());
    }
    records.persistHistory(device);
    audit.record(
        DEVICES,
        "Stato dispositivo",
        AuditOperation.CHANGE,
        row.code() + " → " + target.name() + " — " + reason.strip());
    return monitoring.views(List.of(row)).get(0);
  }

  /**
   * Deletes a device registered by mistake. A device linked to downloads, sync sessions,
   * credentials, pre-notices, detections or active camera imports is never deleted (DEV-8): it can
   * only be decommissioned.
   */
  @Authorized(module = DEVICES, action = DELETE_LOGICAL)
  public void delete(String code) {
    DeviceRow row = records.require(code);
    currentStaff.require(DEVICES, MANAGE_CONFIGURATION);
    long links =
        count("select count(d) from DownloadRow d where d.deviceCode = :c", row.code())
            + count("select count(a) from AccessRow a where a.deviceCode = :c", row.code())
            + count("select count(c) from CredentialRow c where c.deviceCode = :c", row.code())
            + usage.uses(row.code());
    if (links > 0) {
      throw new DeviceRuleException(
          DeviceRule.IN_USE, row.code() + " (" + links + " collegamenti)");
    }
    em.createQuery("delete from DeviceHistoryRow h where h.deviceCode = :c")
        .setParameter("c", row.code())
        .executeUpdate();
    em.createQuery("delete from CertificateRow c where c.deviceCode = :c")
        .setParameter("c", row.code())
        .executeUpdate();
    em.createQuery("delete from AlertRow a where a.deviceCode = :c")
        .setParameter("c", row.code())
        .executeUpdate();
    em.remove(row);
    audit.record(DEVICES, "Eliminazione dispositivo", AuditOperation.DELETE, row.code());
  }

  private void checkReferences(String code, DeviceData data) {
    if (data.isMobile()) {
      Long taken =
          em.createQuery(
                  "select count(d) from DeviceRow d where d.identifier = :id and d.code <> :code",
                  Long.class)
              .setParameter("id", data.identifier())
              .setParameter("code", code)
              .getSingleResult();
      if (taken > 0) {
        throw new DeviceRuleException(DeviceRule.IDENTIFIER_TAKEN, data.identifier());
      }
    } else if (!places.isActivePlace(data.placeCode())) {
      throw new DeviceRuleException(DeviceRule.PLACE_NOT_VALID, data.placeCode());
    }
  }

  private long count(String jpql, String code) {
    return em.createQuery(jpql, Long.class).setParameter("c", code).getSingleResult();
  }
}
