package it.ksanctions.devices.infrastructure;

import it.ksanctions.devices.domain.DeviceHistoryEntry;
import it.ksanctions.devices.domain.DeviceHistoryKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored {@link DeviceHistoryEntry}; never changed after insertion. */
@Entity
@Table(name = "device_history")
public class DeviceHistoryRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "device_code", nullable = false)
  private String deviceCode;

  private Instant at;
  private String author;

  @Enumerated(EnumType.STRING)
  private DeviceHistoryKind kind;

  @Column(name = "old_value")
  private String oldValue;

  @Column(name = "new_value")
  private String newValue;

  private String reason;

  protected DeviceHistoryRow() {}

  public static DeviceHistoryRow of(String deviceCode, DeviceHistoryEntry e) {
    DeviceHistoryRow row = new DeviceHistoryRow();
    row.deviceCode = deviceCode;
    row.at = e.at();
    row.author = e.author();
    row.kind = e.kind();
    row.oldValue = e.oldValue();
    row.newValue = e.newValue();
    row.reason = e.reason();
    return row;
  }

  public DeviceHistoryEntry toDomain() {
    return new DeviceHistoryEntry(at, author, kind, oldValue, newValue, reason);
  }
}
