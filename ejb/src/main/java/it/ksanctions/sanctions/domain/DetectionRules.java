package it.ksanctions.sanctions.domain;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The rules that turn a device's detection into a violation of an article (SPEC LIF-1, issue 13
 * item 4), pure functions of the facts:
 *
 * <ul>
 *   <li><b>speed</b>: the measured speed minus the legal tolerance (5 %, at least 5 km/h) against
 *       the place's limit decides art. 142 c. 7 (up to 10 km/h over), c. 8 (10–40), c. 9 (40–60) or
 *       c. 9-bis (over 60); within the tolerance there is no violation;
 *   <li><b>ZTL</b>: a passage inside the place's restricted time band (all day without a band) is
 *       art. 7 c. 14; outside the band it is no violation;
 *   <li><b>red light</b>: a red-light camera records passages with the red light only: art. 146 c.
 *       3.
 * </ul>
 *
 * Whether the device, its calibration and the place allowed the detection at all is checked before
 * ({@link DetectionCheck}); the article version in force at the detection time is looked up after,
 * by the caller.
 */
public final class DetectionRules {

  /** Art. 7 c. 14 CdS: entering a restricted traffic zone without authorisation. */
  public static final String ZTL_ARTICLE = "7c14";

  /** Art. 146 c. 3 CdS: passing with the red light. */
  public static final String RED_LIGHT_ARTICLE = "146c3";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private DetectionRules() {}

  /**
   * The decision on a speed measurement.
   *
   * @throws SanctionsRuleException when the place has no speed limit or the row no speed
   */
  public static DetectionDecision speed(BigDecimal measuredKmh, Integer limitKmh) {
    if (limitKmh == null) {
      throw new SanctionsRuleException(
          "sanctions.detection.no-speed-limit",
          "Il luogo del dispositivo non ha un limite di velocità: la rilevazione non si può"
              + " valutare.");
    }
    if (measuredKmh == null) {
      throw new SanctionsRuleException(
          "sanctions.detection.no-speed", "La riga non indica la velocità rilevata.");
    }
    SpeedMeasurement measurement;
    try {
      measurement = new SpeedMeasurement(measuredKmh, limitKmh);
    } catch (IllegalArgumentException e) {
      throw new SanctionsRuleException(
          "sanctions.detection.speed-out-of-range",
          "Velocità rilevata non plausibile: " + SpeedMeasurement.kmh(measuredKmh) + ".");
    }
    SpeedBand band = measurement.band();
    String rule = "Velocità: " + measurement.italianFigures() + "; " + band.italianLabel() + ".";
    return band.articleCode()
        .map(code -> DetectionDecision.violation(code, rule))
        .orElseGet(() -> DetectionDecision.noViolation(rule + " Nessuna violazione."));
  }

  /**
   * The decision on a ZTL passage at {@code time}: a violation inside the band {@code from}–{@code
   * to} (both null: the zone is restricted all day; a band may cross midnight).
   */
  public static DetectionDecision ztl(LocalTime time, LocalTime from, LocalTime to) {
    boolean restricted;
    String band;
    if (from == null || to == null) {
      restricted = true;
      band = "tutto il giorno";
    } else {
      restricted =
          from.isBefore(to)
              ? !time.isBefore(from) && time.isBefore(to)
              : !time.isBefore(from) || time.isBefore(to);
      band = "dalle " + TIME.format(from) + " alle " + TIME.format(to);
    }
    String rule = "ZTL: transito alle " + TIME.format(time) + ", fascia di divieto " + band;
    return restricted
        ? DetectionDecision.violation(
            ZTL_ARTICLE, rule + ": accesso non autorizzato (art. 7 c. 14).")
        : DetectionDecision.noViolation(rule + ": fuori fascia, nessuna violazione.");
  }

  /** The decision on a red-light camera's passage. */
  public static DetectionDecision redLight() {
    return DetectionDecision.violation(
        RED_LIGHT_ARTICLE,
        "Semaforo: transito con luce rossa rilevato dal dispositivo (art. 146 c. 3).");
  }
}
