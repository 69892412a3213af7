package it.ksanctions.places.domain;

/** Categories of places (PLC-1). */
public enum PlaceCategory {
  STREET("Strada"),
  PARKING_AREA("Area di sosta"),
  ZTL("Zona a traffico limitato"),
  GATE("Varco"),
  CAR_PARK("Parcheggio"),
  INTERSECTION("Incrocio"),
  AUTOMATIC_POINT("Punto di rilevazione automatica"),
  OTHER("Altro");

  private final String italianLabel;

  PlaceCategory(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
