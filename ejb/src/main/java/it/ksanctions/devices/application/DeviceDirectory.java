package it.ksanctions.devices.application;

import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceHistoryKind;
import it.ksanctions.devices.domain.DeviceRuleException;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.domain.FixedDeviceFacts;
import it.ksanctions.devices.domain.FixedDeviceFacts.StatusChange;
import it.ksanctions.devices.infrastructure.CertificateRow;
import it.ksanctions.devices.infrastructure.DeviceHistoryRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the Devices context publishes about its fixed devices to the contexts that receive their
 * detections, without authorisation checks (the callers' use cases are authorised): one device's
 * facts in three queries (the device, its status history, its certificates), however many rows its
 * file has.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class DeviceDirectory {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** The fixed device {@code code} of the current tenant, if it exists. */
  public Optional<FixedDeviceFacts> fixedDevice(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    DeviceRow row;
    try {
      row = em.find(DeviceRow.class, Device.normaliseCode(code));
    } catch (DeviceRuleException malformed) {
      return Optional.empty();
    }
    if (row == null || row.category() != DeviceCategory.FIXED) {
      return Optional.empty();
    }
    DeviceData data = row.data();
    List<StatusChange> changes = new ArrayList<>();
    for (DeviceHistoryRow entry :
        em.createQuery(
                "select h from DeviceHistoryRow h where h.deviceCode = :code and h.kind in :kinds"
                    + " order by h.at, h.id",
                DeviceHistoryRow.class)
            .setParameter("code", row.code())
            .setParameter("kinds", List.of(DeviceHistoryKind.REGISTERED, DeviceHistoryKind.STATUS))
            .getResultList()) {
      statusOf(entry.toDomain().newValue())
          .ifPresent(status -> changes.add(new StatusChange(entry.toDomain().at(), status)));
    }
    List<it.ksanctions.devices.domain.CalibrationCertificate> certificates =
        em
            .createQuery(
                "select c from CertificateRow c where c.deviceCode = :code", CertificateRow.class)
            .setParameter("code", row.code())
            .getResultList()
            .stream()
            .map(CertificateRow::toDomain)
            .toList();
    return Optional.of(
        new FixedDeviceFacts(
            row.code(),
            data.type(),
            data.outputFormat(),
            data.placeCode(),
            row.status(),
            List.copyOf(changes),
            certificates));
  }

  /** A fixed device as a choice of the import form: code, type and place. */
  public record FixedDeviceChoice(String code, String label) {}

  /** The fixed devices not decommissioned, by code. */
  public List<FixedDeviceChoice> fixedDevices() {
    return em
        .createQuery("select d from DeviceRow d order by d.code", DeviceRow.class)
        .getResultList()
        .stream()
        .filter(
            d -> d.category() == DeviceCategory.FIXED && d.status() != DeviceStatus.DECOMMISSIONED)
        .map(
            d ->
                new FixedDeviceChoice(
                    d.code(),
                    d.code()
                        + " — "
                        + (d.data().type() == null ? "" : d.data().type().italianLabel())
                        + " ("
                        + d.data().placeCode()
                        + ")"))
        .toList();
  }

  /**
   * The status a history entry moved to: its Italian label, first part of a registration's text.
   */
  private static Optional<DeviceStatus> statusOf(String newValue) {
    if (newValue == null) {
      return Optional.empty();
    }
    return Arrays.stream(DeviceStatus.values())
        .filter(
            s -> newValue.equals(s.italianLabel()) || newValue.startsWith(s.italianLabel() + " — "))
        .findFirst();
  }
}
