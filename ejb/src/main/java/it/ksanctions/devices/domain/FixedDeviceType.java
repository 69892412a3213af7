package it.ksanctions.devices.domain;

/**
 * Kinds of fixed or automatic devices (DEV-3). Speed-measuring devices must be calibrated
 * periodically (CdS art. 142 c. 6 and 345 reg.; Corte costituzionale 113/2015), so their
 * calibration is recorded and kept current (DEV-8).
 */
public enum FixedDeviceType {
  SPEED_CAMERA("Autovelox", true),
  AVERAGE_SPEED("Controllo velocità media (tutor)", true),
  ZTL_GATE("Varco ZTL", false),
  RED_LIGHT_CAMERA("Telecamera semaforica", false),
  PARKING_CAMERA("Telecamera sosta", false),
  ELECTRONIC_GATE("Varco elettronico", false),
  OTHER("Altro", false);

  private final String italianLabel;
  private final boolean calibrationRequired;

  FixedDeviceType(String italianLabel, boolean calibrationRequired) {
    this.italianLabel = italianLabel;
    this.calibrationRequired = calibrationRequired;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** Whether detections are valid only with a current calibration certificate. */
  public boolean calibrationRequired() {
    return calibrationRequired;
  }
}
