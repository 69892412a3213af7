package it.ksanctions.places.domain;

import java.math.BigDecimal;

/**
 * A WGS84 position (EPSG:4326) in decimal degrees, as GPS devices and GeoJSON give it: latitude
 * -90..90, longitude -180..180, at most 7 decimals (about one centimetre; more is noise or an error
 * of unit).
 */
public record Coordinates(BigDecimal latitude, BigDecimal longitude) {

  private static final BigDecimal NINETY = BigDecimal.valueOf(90);
  private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);
  private static final int MAX_SCALE = 7;

  public Coordinates {
    if (latitude == null || longitude == null) {
      throw new PlaceRuleException(PlaceRule.COORDINATES_REQUIRED, "latitude and longitude");
    }
    if (latitude.abs().compareTo(NINETY) > 0 || longitude.abs().compareTo(ONE_EIGHTY) > 0) {
      throw new PlaceRuleException(
          PlaceRule.COORDINATES_OUT_OF_RANGE, "lat " + latitude + ", lon " + longitude);
    }
    latitude = latitude.stripTrailingZeros();
    longitude = longitude.stripTrailingZeros();
    if (latitude.scale() > MAX_SCALE || longitude.scale() > MAX_SCALE) {
      throw new PlaceRuleException(
          PlaceRule.COORDINATES_TOO_PRECISE, "lat " + latitude + ", lon " + longitude);
    }
  }

  public static Coordinates of(String latitude, String longitude) {
    try {
      return new Coordinates(
          latitude == null ? null : new BigDecimal(latitude.strip().replace(',', '.')),
          longitude == null ? null : new BigDecimal(longitude.strip().replace(',', '.')));
    } catch (NumberFormatException e) {
      throw new PlaceRuleException(
          PlaceRule.COORDINATES_OUT_OF_RANGE, "not numbers: " + latitude + ", " + longitude);
    }
  }

  /** Great-circle distance in metres (haversine, mean Earth radius). */
  public double metresTo(Coordinates other) {
    double r = 6_371_008.8;
    double lat1 = Math.toRadians(latitude.doubleValue());
    double lat2 = Math.toRadians(other.latitude.doubleValue());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude.doubleValue() - longitude.doubleValue());
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
