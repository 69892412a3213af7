package it.ksanctions.sanctions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A speed measured by an approved device, cut by the legal tolerance (Reg. CdS art. 345): 5 % of
 * the measured speed, at least 5 km/h. The excess over the limit is what remains after the cut,
 * without rounding, and it alone decides the band of art. 142 (10.1 km/h over is already c. 8).
 *
 * @param measuredKmh the speed the device recorded
 * @param limitKmh the limit in force at the place
 */
public record SpeedMeasurement(BigDecimal measuredKmh, int limitKmh) {

  private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");
  private static final BigDecimal MINIMUM_TOLERANCE = new BigDecimal("5");

  public SpeedMeasurement {
    if (measuredKmh == null
        || measuredKmh.signum() <= 0
        || measuredKmh.compareTo(new BigDecimal("500")) > 0) {
      throw new IllegalArgumentException(
          "A measured speed is between 0 and 500 km/h: " + measuredKmh);
    }
    if (limitKmh < 5 || limitKmh > 150) {
      throw new IllegalArgumentException("A speed limit is between 5 and 150 km/h: " + limitKmh);
    }
  }

  /** The tolerance subtracted from the measured speed: 5 % of it, at least 5 km/h. */
  public BigDecimal toleranceKmh() {
    BigDecimal fivePercent = measuredKmh.multiply(FIVE_PERCENT);
    return fivePercent.compareTo(MINIMUM_TOLERANCE) < 0 ? MINIMUM_TOLERANCE : fivePercent;
  }

  /** The speed held against the driver: measured minus tolerance. */
  public BigDecimal assessedKmh() {
    return measuredKmh.subtract(toleranceKmh());
  }

  /** By how much the assessed speed exceeds the limit (zero or negative: no violation). */
  public BigDecimal excessKmh() {
    return assessedKmh().subtract(BigDecimal.valueOf(limitKmh));
  }

  /** The paragraph of art. 142 the excess falls in, or none within the limit. */
  public SpeedBand band() {
    BigDecimal excess = excessKmh();
    if (excess.signum() <= 0) {
      return SpeedBand.WITHIN_LIMIT;
    }
    if (excess.compareTo(BigDecimal.TEN) <= 0) {
      return SpeedBand.UP_TO_10;
    }
    if (excess.compareTo(new BigDecimal("40")) <= 0) {
      return SpeedBand.OVER_10_UP_TO_40;
    }
    if (excess.compareTo(new BigDecimal("60")) <= 0) {
      return SpeedBand.OVER_40_UP_TO_60;
    }
    return SpeedBand.OVER_60;
  }

  /** The figures in Italian, as the detection keeps them: measured, tolerance, assessed, limit. */
  public String italianFigures() {
    return "velocità rilevata "
        + kmh(measuredKmh)
        + ", tolleranza "
        + kmh(toleranceKmh())
        + " (5 %, minimo 5 km/h), velocità accertata "
        + kmh(assessedKmh())
        + ", limite "
        + limitKmh
        + " km/h";
  }

  static String kmh(BigDecimal value) {
    return value
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
            .replace('.', ',')
        + " km/h";
  }
}
