package it.ksanctions.command.domain;

/**
 * Whether a fee is a fixed amount or a variable one (CMD-2 "importo fisso o variabile"). A variable
 * fee (e.g. the actual postal cost) is charged at the cost recorded for each verbale; its amount
 * here is the standard estimate used for the total shown before notification.
 */
public enum FeeAmountKind {
  FIXED("Fisso"),
  VARIABLE("Variabile (importo stimato)");

  private final String italianLabel;

  FeeAmountKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
