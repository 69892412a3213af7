package it.ksanctions.sanctions.domain;

/**
 * The vehicle categories a pre-notice names (Highway Code art. 47, as officers write them).
 * Constant names are stored and sent by the mobile app: never rename them.
 */
public enum VehicleType {
  CAR("Autovettura"),
  MOTORCYCLE("Motociclo"),
  MOPED("Ciclomotore"),
  TRUCK("Autocarro"),
  BUS("Autobus"),
  TRAILER("Rimorchio"),
  AGRICULTURAL("Macchina agricola"),
  OTHER("Altro");

  private final String italianLabel;

  VehicleType(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
