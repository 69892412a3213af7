package it.ksanctions.devices.domain;

/** One anomaly of a device, with the detail the monitoring view and the alert show. */
public record DeviceAnomaly(AnomalyKind kind, String detail) {

  public String text() {
    return kind.italianLabel() + (detail == null || detail.isBlank() ? "" : ": " + detail);
  }
}
