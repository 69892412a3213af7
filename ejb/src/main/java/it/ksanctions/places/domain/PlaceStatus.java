package it.ksanctions.places.domain;

/** A place is active or deactivated (PLC-4: deactivated instead of deleted). */
public enum PlaceStatus {
  ACTIVE("Attivo"),
  INACTIVE("Disattivato");

  private final String italianLabel;

  PlaceStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
