package it.ksanctions.devices.domain;

/** Operating status of a device (DEV-2, DEV-6); a decommissioned device is final. */
public enum DeviceStatus {
  ACTIVE("Attivo"),
  MAINTENANCE("In manutenzione"),
  DISABLED("Disattivato"),
  DECOMMISSIONED("Dismesso");

  private final String italianLabel;

  DeviceStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
