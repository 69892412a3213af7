package it.ksanctions.sanctions.domain;

/**
 * Where a number of a reserved block stands: every number is accounted for, used by a pre-notice
 * contested on the spot or annulled with a reason when the device gives it back. Stored: never
 * rename.
 */
public enum BlockNumberStatus {
  OUTSTANDING("Riservato, non ancora usato"),
  USED("Usato"),
  ANNULLED("Annullato");

  private final String italianLabel;

  BlockNumberStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
