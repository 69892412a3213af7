package archfixture.devices.application;

import archfixture.places.infrastructure.PlaceRow;

/** Reads another context's rows: breaks rule (c). */
public class Gateway {
  public PlaceRow place;
}
