package it.ksanctions.places.domain;

/** The hierarchy of places (PLC-2): municipality, area, zone, specific place. */
public enum PlaceLevel {
  MUNICIPALITY("Comune"),
  AREA("Area"),
  ZONE("Zona"),
  PLACE("Luogo");

  private final String italianLabel;

  PlaceLevel(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** The level a parent of this level has; none for the municipality. */
  public PlaceLevel parentLevel() {
    return this == MUNICIPALITY ? null : values()[ordinal() - 1];
  }
}
