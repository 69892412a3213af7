package it.ksanctions.sanctions.domain;

/** The review of a detection: waiting, validated (ready to become a verbale) or archived. */
public enum DetectionStatus {
  TO_REVIEW("Da verificare"),
  VALIDATED("Validata"),
  ARCHIVED("Archiviata");

  private final String italianLabel;

  DetectionStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
